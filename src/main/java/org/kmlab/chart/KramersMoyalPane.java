package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;
import org.kmlab.run.Ghost;
import org.kmlab.run.ModelCurves;
import org.kmlab.run.km.KmEstimate;
import org.kmlab.run.km.KmEstimates;
import org.kmlab.run.km.SeriesAnalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model's Kramers–Moyal coefficients over the x range the distribution shows: drift
 * A(x) = M₁ and diffusion B(x) = M₂ (the Fokker–Planck pair) on the left axis, and, as an option,
 * M₃/3! and M₄/4! (which the Fokker–Planck equation drops and which shrink like Ω^(1−k)) on a
 * right axis of their own, where they are not flat lines at zero. One panel per species, along
 * that species' axis with the others held at the ensemble's mean.
 *
 * <p>Over them, for a one-species model, the coefficients estimated from the run's ensembles
 * (option {@value #ESTIMATE}, a {@link KmEstimates} in the frame) or from a user's series (a
 * {@link SeriesAnalysis} in the frame, which replaces the model's curves: they belong to the model,
 * not to the data), drawn by an {@link EstimateOverlay}, with a line saying what is shown and
 * Pawula's verdict for each source.
 */
final class KramersMoyalPane implements Pane {
    static final String HIGHER_ORDERS = "km.higherOrders";
    static final String ESTIMATE = "km.estimate";
    private static final int POINTS = 200;
    /** Dataset of a pinned ghost's A and B, on the left axis. */
    private static final int GHOST = EstimateOverlay.KERNEL_RIGHT + 1;

    private final PaneKind kind = Panes.KRAMERS_MOYAL;
    private final List<XYPlot> plots = new ArrayList<>();
    private final JFreeChart chart;
    private final int dimension;
    private final ChartStyle style;
    private final EstimateOverlay overlay;
    private final TextTitle what, verdict;
    private final String xLabel;
    private String drawn = "";
    private Object drawnEstimates;
    private final List<String> species;
    /** The ghost whose A and B the panels have (null: none). */
    private Ghost ghost;
    private LatticeWalls ghostWalls = LatticeWalls.none();

    KramersMoyalPane(Model model, ChartStyle style) {
        species = model.species().stream().map(org.kmlab.model.Species::name).toList();
        dimension = species.size();
        for (int s = 0; s < dimension; s++) {
            ArrayDataset ab = new ArrayDataset(List.of(
                    SeriesKey.model(SeriesKey.Role.DRIFT, s, "A(x) drift"),
                    SeriesKey.model(SeriesKey.Role.DIFFUSION, s, "B(x) diffusion")));
            ArrayDataset higher = new ArrayDataset(List.of(
                    SeriesKey.model(SeriesKey.Role.M3, s, "M₃/3! (right axis)"),
                    SeriesKey.model(SeriesKey.Role.M4, s, "M₄/4! (right axis)")));
            NumberAxis x = Axes.number(Axes.xLabel(species, s));
            x.setAutoRangeIncludesZero(false);
            String n = species.get(s);
            // side by side, three or more panels leave no room for a label each: the x axes name the species
            String label = dimension == 1 ? "A, B (x units per time)" : dimension == 2 ? "A_" + n + ", B_" + n + n + " (per time)" : s == 0 ? "A, B (per time)" : "";
            NumberAxis left = Axes.number(label);
            XYPlot plot = new XYPlot(ab, x, left, new XYLineAndShapeRenderer(true, false));
            NumberAxis right = Axes.number("M₃/3!, M₄/4!");
            right.setVisible(false);
            plot.setRangeAxis(1, right);
            plot.setDataset(1, higher);
            plot.setRenderer(1, new XYLineAndShapeRenderer(true, false));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setDataset(GHOST, new ArrayDataset(List.of()));
            plot.setRenderer(GHOST, new XYLineAndShapeRenderer(true, false));
            plot.addRangeMarker(new ValueMarker(0, style.foreground(), style.thinLine()));
            plots.add(plot);
        }
        Plot root = plots.size() == 1 ? plots.get(0) : new PanelRow(plots, 14);
        this.style = style;
        overlay = dimension == 1 ? new EstimateOverlay(plots.get(0)) : null;
        xLabel = plots.get(0).getDomainAxis().getLabel();
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, root, true);
        what = subtitle();
        verdict = subtitle();
        chart.addSubtitle(0, what);
        chart.addSubtitle(1, verdict);
        style.apply(chart);
        applyLooks();
    }

    private TextTitle subtitle() {
        TextTitle t = new TextTitle("", style.tickFont());
        t.setPaint(style.foreground());
        t.setTextAlignment(HorizontalAlignment.LEFT);
        t.setVisible(false);
        return t;
    }

    private void applyLooks() { ChartLooks.apply(chart, style, style.lineWidth(), 4 + 2 * style.lineWidth(), style.plotBackground()); }

    /** What the frame asks to draw over the curves: a user's series, else the run's estimates when the option is on, else null. */
    private Object estimates(Frame f) {
        if (overlay == null) return null;
        SeriesAnalysis series = f.analysis(SeriesAnalysis.class).orElse(null);
        if (series != null) return series;
        KmEstimates run = f.option(ESTIMATE) ? f.analysis(KmEstimates.class).orElse(null) : null;
        return run == null || run.isEmpty() ? null : run;
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    @Override public void show(Frame f) {
        boolean higher = f.option(HIGHER_ORDERS);
        String key = System.identityHashCode(f.model()) + ":" + higher + ":" + Arrays.deepToString(f.ranges())
                + (dimension > 1 ? ":" + String.format("%.2g", f.at()[0]) + "," + String.format("%.2g", f.at()[1]) : "");
        Object estimates = estimates(f);
        Ghost g = GhostSeries.of(f);
        if (key.equals(drawn) && estimates == drawnEstimates && java.util.Objects.equals(g, ghost)) return;
        drawn = key;
        drawnEstimates = estimates;
        chart.setNotify(false);
        try {
            useGhost(g);
            for (int s = 0; s < dimension; s++) {
                draw(f, s, higher);
                drawGhost(f, s);
            }
            if (overlay != null) drawEstimates(estimates, higher);
        } finally {
            chart.setNotify(true);
        }
    }

    private void draw(Frame f, int s, boolean higher) {
        Model model = f.model();
        double lo = f.ranges()[s][0], hi = f.ranges()[s][1];
        double[][] c = ModelCurves.kramersMoyal(model, f.walls(), s, f.at(), lo, hi, POINTS, 4);
        double[] b = c[2].clone();
        for (int i = 0; i < b.length; i++) b[i] *= 2;   // row 2 is M₂/2!, B is M₂
        XYPlot plot = plots.get(s);
        ArrayDataset ab = (ArrayDataset) plot.getDataset(0), hd = (ArrayDataset) plot.getDataset(1);
        ab.set(0, c[0], c[1]);
        ab.set(1, c[0], b);
        if (higher) { hd.set(0, c[0], c[3]); hd.set(1, c[0], c[4]); }
        else hd.clearAll();
        plot.getRangeAxis(1).setVisible(higher);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(1);
        r.setSeriesVisibleInLegend(0, higher && s == 0, false);
        r.setSeriesVisibleInLegend(1, higher && s == 0, false);
        plot.getRenderer(0).setSeriesVisibleInLegend(0, s == 0, false);
        plot.getRenderer(0).setSeriesVisibleInLegend(1, s == 0, false);
        plot.getDomainAxis().setRange(lo, hi);
        ab.changed();
        hd.changed();
    }

    /** A pinned ghost's drift and diffusion, on each species of the same name, or none. */
    private void useGhost(Ghost g) {
        if (java.util.Objects.equals(g, ghost)) return;
        ghost = g;
        ghostWalls = g == null ? LatticeWalls.none() : LatticeWalls.of(g.model());   // once per pinned ghost
        for (int s = 0; s < dimension; s++) {
            List<SeriesKey> keys = g == null || g.speciesIndex(species.get(s)) < 0 ? List.of() : List.of(
                    SeriesKey.model(SeriesKey.Role.DRIFT, s, "").asGhost(GhostSeries.legend("A(x)", g)),
                    SeriesKey.model(SeriesKey.Role.DIFFUSION, s, "").asGhost(GhostSeries.legend("B(x)", g)));
            plots.get(s).setDataset(GHOST, new ArrayDataset(keys));
        }
        applyLooks();
    }

    /**
     * The ghost model's A and B along species s over the same x range, its other species held where
     * the current ones of the same names are (else at its initial state).
     */
    private void drawGhost(Frame f, int s) {
        XYPlot plot = plots.get(s);
        ArrayDataset data = (ArrayDataset) plot.getDataset(GHOST);
        if (data.getSeriesCount() == 0) return;
        Model gm = ghost.model();
        double[] at = gm.initialX();
        for (int c = 0; c < species.size(); c++) {
            int gc = ghost.speciesIndex(species.get(c));
            if (gc >= 0 && c < f.at().length) at[gc] = f.at()[c];
        }
        double[][] c = ModelCurves.kramersMoyal(gm, ghostWalls, ghost.speciesIndex(species.get(s)), at, f.ranges()[s][0], f.ranges()[s][1], POINTS, 2);
        double[] b = c[2].clone();
        for (int i = 0; i < b.length; i++) b[i] *= 2;   // row 2 is M₂/2!, B is M₂
        data.set(0, c[0], c[1]);
        data.set(1, c[0], b);
        boolean legend = true;
        for (int earlier = 0; earlier < s; earlier++) if (ghost.speciesIndex(species.get(earlier)) >= 0) legend = false;
        plot.getRenderer(GHOST).setSeriesVisibleInLegend(0, legend, false);
        plot.getRenderer(GHOST).setSeriesVisibleInLegend(1, legend, false);
        data.changed();
    }

    private void drawEstimates(Object estimates, boolean higher) {
        List<EstimateOverlay.Layer> layers = new ArrayList<>();
        if (estimates instanceof SeriesAnalysis s) {
            layers.add(new EstimateOverlay.Layer(null, s.label(), s.estimate()));
        } else if (estimates instanceof KmEstimates run) {
            for (KmEstimates.Source src : run.sources()) layers.add(new EstimateOverlay.Layer(src.solver(), src.solver().shortLabel(), src.estimate()));
        }
        if (overlay.show(layers, higher)) applyLooks();
        XYPlot plot = plots.get(0);
        plot.getDomainAxis().setLabel(estimates instanceof SeriesAnalysis s ? "x (" + s.label() + ")" : xLabel);
        if (estimates instanceof SeriesAnalysis) {   // the data's own range; the model's curves do not describe it
            ((ArrayDataset) plot.getDataset(0)).clearAll();
            ((ArrayDataset) plot.getDataset(1)).clearAll();
            ((ArrayDataset) plot.getDataset(GHOST)).clearAll();   // the ghost's model does not describe the data either
            ((ArrayDataset) plot.getDataset(GHOST)).changed();
            for (int i = 0; i < 2; i++) {
                plot.getRenderer(0).setSeriesVisibleInLegend(i, false, false);
                plot.getRenderer(1).setSeriesVisibleInLegend(i, false, false);
            }
            double[] r = overlay.xRange();
            if (r != null) {
                double pad = 0.05 * Math.max(r[1] - r[0], 1e-9);
                plot.getDomainAxis().setRange(r[0] - pad, r[1] + pad);
            }
            plot.getRangeAxis(1).setVisible(higher);
            ((ArrayDataset) plot.getDataset(0)).changed();
            ((ArrayDataset) plot.getDataset(1)).changed();
        }
        List<String> whatLines = new ArrayList<>(), verdictLines = new ArrayList<>();
        for (EstimateOverlay.Layer l : layers) {
            KmEstimate e = l.estimate();
            whatLines.add(describe(l.name(), e));
            verdictLines.add((layers.size() > 1 ? l.name() + ": " : "") + e.pawula().line());
        }
        what.setText(String.join("\n", whatLines));
        what.setVisible(!layers.isEmpty());
        verdict.setText(String.join("\n", verdictLines));
        verdict.setVisible(!layers.isEmpty());
    }

    /**
     * What the points are, in one short line (the pane is small; the status bar says how many
     * trajectories), e.g. "SSA: D_k = M_k/k!, binned, 30 bins, at Δt = 0.02, bars ±1 SE (so far)".
     */
    static String describe(String name, KmEstimate e) {
        boolean binned = e.settings().binned();
        return name + ": D_k = M_k/k!, " + e.estimator() + ", " + e.shownLabel() + (binned ? ", bars ±1 SE" : ", band ±1 SE")
                + (e.source().contains("(so far)") ? " (so far)" : "");
    }
}
