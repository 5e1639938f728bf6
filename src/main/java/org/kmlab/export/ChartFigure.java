package org.kmlab.export;

import org.jfree.chart.JFreeChart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * One chart at a printed size. It draws a private copy of the chart (see {@link ChartCopies}) with
 * the size's type and, if asked, the {@link PublicationStyle}; the window's chart is never changed.
 */
public final class ChartFigure implements Figure {
    private final JFreeChart chart;
    private final double widthPt;
    private final double heightPt;

    private ChartFigure(JFreeChart chart, double widthPt, double heightPt) {
        this.chart = chart;
        this.widthPt = widthPt;
        this.heightPt = heightPt;
    }

    /** The chart as the window shows it, with fonts resized for {@code size}. */
    public static ChartFigure asShown(JFreeChart chart, FigureSize size) {
        return styled(chart, size, null);
    }

    /** The chart in the publication style at {@code size}. */
    public static ChartFigure publication(JFreeChart chart, FigureSize size, PublicationStyle style) {
        if (style == null) throw new IllegalArgumentException("style must not be null");
        return styled(chart, size, style);
    }

    /** @param style null for the look shown in the window */
    static ChartFigure styled(JFreeChart chart, FigureSize size, PublicationStyle style) {
        JFreeChart copy = ChartCopies.copy(chart);
        new ChartTypography(size, style == null ? null : style.typeface().family()).apply(copy);
        if (style != null) style.apply(copy, size);
        return new ChartFigure(copy, size.widthPt(), size.heightPt());
    }

    /** The styled copy that this figure draws (for tests and for panel layout). */
    JFreeChart chart() { return chart; }

    @Override public double widthPt() { return widthPt; }

    @Override public double heightPt() { return heightPt; }

    @Override
    public void draw(Graphics2D g) {
        chart.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
    }
}
