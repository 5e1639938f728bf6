package org.kmlab.chart;

import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A text note in a corner of a plot: a share of the plot's width (a corner, not a band across
 * it), wider if its longest line needs it up to {@value #WIDEST} of the plot, and never narrower
 * than its longest word: in the narrow plots of a multi-panel figure a fixed share split words
 * letter by letter ("scal / e:").
 */
final class CornerNote extends XYTitleAnnotation {
    /** The widest share of the plot a note takes to keep its lines whole. */
    static final double WIDEST = 0.75;

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
        FontMetrics metrics = g2.getFontMetrics(text.getFont());
        double word = 0, line = 0, padding = text.getPadding().getLeft() + text.getPadding().getRight() + 2;
        for (String l : text.getText().split("\n")) {
            line = Math.max(line, metrics.stringWidth(l));
            for (String w : l.split("\\s+")) word = Math.max(word, metrics.stringWidth(w));
        }
        double across = dataArea.getWidth();
        double width = across > 0 ? Math.min(1, Math.max(Math.max(share, Math.min(WIDEST, (line + padding) / across)), (word + padding) / across)) : share;
        fitting = true;   // a width chosen while drawing is not a change to redraw for
        try {
            setMaxWidth(width);
        } finally {
            fitting = false;
        }
        super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
    }

    @Override
    protected void fireAnnotationChanged() {
        if (!fitting) super.fireAnnotationChanged();
    }
}
