package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.kmlab.solve.ssa.GillespieStep;

import java.util.ArrayList;
import java.util.List;

/**
 * The propensities of one draw stacked into one bar of length a₀ (reaction r's segment is
 * [Σ_{q<r} a_q, Σ_{q≤r} a_q), in model order, as the simulator's search walks them), with a marker
 * at r₂·a₀: the segment under the marker is the reaction that fires. Sizes follow the font, so the
 * bar grows with classroom mode; segment colours are the Okabe–Ito palette (distinguishable with
 * colour-blindness, on light and dark backgrounds), the text on them black or white by luminance.
 */
final class PropensityBar extends Region {
    /** Okabe &amp; Ito's colour-blind-safe palette (grey last). */
    static final Color[] PALETTE = {Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"), Color.web("#F0E442"),
            Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#CC79A7"), Color.web("#999999")};

    private final List<Rectangle> segments = new ArrayList<>();
    private final List<Label> names = new ArrayList<>();
    private final Label zero = label("0", "explain-axis"), total = label("", "explain-axis"), markerText = label("", "explain-marker-text");
    private final Line halo = new Line(), marker = new Line();
    private final Polygon pointer = new Polygon();
    private final Rectangle frame = new Rectangle();
    private GillespieStep step;

    PropensityBar() {
        getStyleClass().add("explain-bar");
        setId("explain-bar");
        marker.setId("explain-marker");
        marker.getStyleClass().add("explain-marker");
        halo.getStyleClass().add("explain-marker-halo");
        pointer.getStyleClass().add("explain-marker");
        frame.getStyleClass().add("explain-frame");
        markerText.setId("explain-marker-text");
        setPadding(new Insets(0, 4, 0, 4));
        getChildren().add(zero);   // always in the scene, so its font (the theme's size) measures the em
        zero.setVisible(false);
    }

    static Color colour(int r) { return PALETTE[r % PALETTE.length]; }

    /** Shows the draw's bars (and its marker, when a reaction was picked); null clears. */
    void show(GillespieStep s, List<String> reactionNames) {
        step = s;
        segments.clear();
        names.clear();
        getChildren().setAll(zero);
        zero.setVisible(s != null);
        if (s == null) return;
        for (int r = 0; r < s.reactionCount(); r++) {
            Rectangle seg = new Rectangle();
            seg.getStyleClass().add("explain-segment");
            seg.setUserData(reactionNames.get(r));
            seg.setFill(colour(r));
            segments.add(seg);
            Label name = label(reactionNames.get(r), "explain-segment-label");
            name.setStyle("-fx-text-fill: " + (luminance(colour(r)) < 0.179 ? "white" : "black"));   // inline: the theme's .label colour must not win
            name.setMinWidth(0);
            names.add(name);
        }
        getChildren().addAll(segments);
        getChildren().addAll(names);
        getChildren().addAll(frame, total);
        total.setText("a₀ = " + ExplainView.num(s.a0()));
        if (s.outcome() == GillespieStep.Outcome.FIRED) {
            markerText.setText("r₂·a₀ = " + ExplainView.num(s.target()));
            getChildren().addAll(halo, marker, pointer, markerText);
        }
        requestLayout();
    }

    private double em() { return zero.getFont().getSize(); }

    @Override protected double computePrefHeight(double width) { return 7.2 * em(); }

    @Override protected double computePrefWidth(double height) { return 36 * em(); }

    @Override protected double computeMinWidth(double height) { return 16 * em(); }

    @Override protected void layoutChildren() {
        if (step == null) return;
        double em = em();
        Insets in = getInsets();
        double left = in.getLeft(), width = Math.max(1, getWidth() - in.getLeft() - in.getRight());
        double barTop = 2.4 * em, barHeight = 2.8 * em;
        double a0 = step.a0();
        Double marked = step.outcome() == GillespieStep.Outcome.FIRED ? x(step.target(), a0, left, width) : null;
        for (int r = 0; r < segments.size(); r++) {
            double from = x(step.cumulativeBefore(r), a0, left, width), to = x(step.cumulativeBefore(r + 1), a0, left, width);
            Rectangle seg = segments.get(r);
            seg.setX(from);
            seg.setY(barTop);
            seg.setWidth(Math.max(0, to - from));
            seg.setHeight(barHeight);
            Label name = names.get(r);
            double w = name.prefWidth(-1), h = name.prefHeight(-1), pad = 0.4 * em;
            double nx = from + (to - from - w) / 2;
            boolean fits = w + pad <= to - from;
            if (fits && marked != null && marked > nx - pad && marked < nx + w + pad) {   // keep the name clear of the marker
                double leftRoom = marked - from, rightRoom = to - marked;
                fits = Math.max(leftRoom, rightRoom) >= w + 2 * pad;
                nx = leftRoom >= rightRoom ? from + (leftRoom - w) / 2 : marked + (rightRoom - w) / 2;
            }
            name.setVisible(fits);   // a name that does not fit is in the table below
            name.resizeRelocate(nx, barTop + (barHeight - h) / 2, w, h);
        }
        frame.setX(left);
        frame.setY(barTop);
        frame.setWidth(width);
        frame.setHeight(barHeight);
        double axisY = barTop + barHeight + 0.2 * em;
        place(zero, left, axisY, false);
        place(total, left + width, axisY, true);
        if (step.outcome() == GillespieStep.Outcome.FIRED) {
            double mx = x(step.target(), a0, left, width);
            for (Line l : new Line[] {halo, marker}) {
                l.setStartX(mx);
                l.setEndX(mx);
                l.setStartY(barTop - 0.3 * em);
                l.setEndY(barTop + barHeight + 0.3 * em);
            }
            marker.setStrokeWidth(Math.max(2, 0.18 * em));
            halo.setStrokeWidth(Math.max(5, 0.45 * em));
            double p = 0.45 * em;
            pointer.getPoints().setAll(mx - p, barTop - 0.3 * em - 1.2 * p, mx + p, barTop - 0.3 * em - 1.2 * p, mx, barTop - 0.3 * em);
            double w = markerText.prefWidth(-1), h = markerText.prefHeight(-1);
            double tx = Math.max(left, Math.min(left + width - w, mx - w / 2));
            markerText.resizeRelocate(tx, barTop - 0.3 * em - 1.2 * p - h, w, h);
        }
    }

    private static double x(double v, double a0, double left, double width) {
        return a0 > 0 ? left + width * Math.min(1, Math.max(0, v / a0)) : left;
    }

    private static void place(Label l, double x, double y, boolean rightAligned) {
        double w = l.prefWidth(-1), h = l.prefHeight(-1);
        l.resizeRelocate(rightAligned ? x - w : x, y, w, h);
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        return l;
    }

    /** Relative luminance (WCAG), to pick black or white text on a segment. */
    static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) { return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
}
