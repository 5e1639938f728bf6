package org.kmlab.chart;

import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A text note in a corner of a plot: a share of the plot's width (a corner, not a band across
 * it), wider if its longest line needs it up to {@value #WIDEST} of the plot, and never narrower
 * than its longest word: in the narrow plots of a multi-panel figure a fixed share split words
 * letter by letter ("scal / e:"). Where even the whole plot is too narrow or too short for its
 * lines, the font shrinks to fit (to {@value #SMALLEST} of its size at least).
 */
final class CornerNote extends XYTitleAnnotation {
    /** The widest share of the plot a note takes to keep its lines whole. */
    static final double WIDEST = 0.75;
    /** The smallest share of its font a note is shrunk to, to fit a small plot. */
    static final double SMALLEST = 0.6;

    private final TextTitle text;
    private final double share;
    private boolean fitting;

    /** @param share the widest the note may be, as a share of the plot's width, while its words fit */
    CornerNote(double x, double y, TextTitle text, RectangleAnchor anchor, double share) {
        super(x, y, text, anchor);
        this.text = text;
        this.share = share;
        setMaxWidth(share);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        Font font = text.getFont();
        double across = dataArea.getWidth();
        double scale = across > 0 ? fontScale(g2.getFontMetrics(font), dataArea) : 1;
        Font drawn = scale < 1 ? font.deriveFont((float) (font.getSize2D() * scale)) : font;
        FontMetrics metrics = g2.getFontMetrics(drawn);
        double word = 0, line = 0;
        for (String l : text.getText().split("\n")) {
            line = Math.max(line, metrics.stringWidth(l));
            for (String w : l.split("\\s+")) word = Math.max(word, metrics.stringWidth(w));
        }
        double padding = padding();
        double width = across > 0 ? Math.min(1, Math.max(Math.max(share, Math.min(WIDEST, (line + padding) / across)), (word + padding) / across)) : share;
        fitting = true;   // a width or font chosen while drawing is not a change to redraw for
        try {
            setMaxWidth(width);
            text.setFont(drawn);
            super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
        } finally {
            text.setFont(font);
            fitting = false;
        }
    }

    /**
     * 1, or less when the note would not fit the plot at its font: its longest word (parts joined
     * by no-break spaces count as one) wider than the plot, or its lines, wrapped to the plot's
     * width, taller than nine tenths of the plot (the narrow, short plots of a multi-panel figure);
     * never below {@value #SMALLEST} of the font.
     */
    private double fontScale(FontMetrics metrics, Rectangle2D dataArea) {
        String[] lines = text.getText().split("\n");
        double across = dataArea.getWidth() - padding(), word = 0;
        for (String l : lines) for (String w : l.split("\\s+")) word = Math.max(word, metrics.stringWidth(w));
        double scale = word > across ? across / word : 1;
        double rows = 0;
        for (String l : lines) rows += Math.max(1, Math.ceil(scale * metrics.stringWidth(l) / across));
        double tall = rows * metrics.getHeight() * scale + text.getPadding().getTop() + text.getPadding().getBottom();
        if (tall > 0.9 * dataArea.getHeight()) scale *= 0.9 * dataArea.getHeight() / tall;
        return Math.max(SMALLEST, Math.min(1, scale));
    }

    private double padding() { return text.getPadding().getLeft() + text.getPadding().getRight() + 2; }

    @Override
    protected void fireAnnotationChanged() {
        if (!fitting) super.fireAnnotationChanged();
    }
}
