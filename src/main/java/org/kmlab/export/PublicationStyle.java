package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.util.Map;

/**
 * The "publication" look: white background, no gradients or shadows, black axes with a thin
 * frame, an Okabe–Ito palette and a distinct dash per series (see {@link SeriesLooks}), so a
 * figure reads in colour, for colour-blind readers and in greyscale print. Lines are
 * {@link FigureSize#lineWidthPt()} wide (1 pt in print, 2 pt on a slide). Negative tick labels
 * get a true minus sign (see {@link MinusSignTicks}).
 *
 * @param typeface sans-serif (most journals) or serif (to match a LaTeX body text)
 * @param grid     thin light-grey grid lines, or none
 * @param fixedSlots window colours pinned to palette slots, so a solver has one colour in every figure
 */
public record PublicationStyle(Typeface typeface, boolean grid, Map<Color, Integer> fixedSlots) {
    public static final PublicationStyle DEFAULT = new PublicationStyle(Typeface.SANS, true, Map.of());

    private static final Color GRID = new Color(0xDDDDDD);
    private static final float FRAME_PT = 0.6f;
    /**
     * Markers are drawn in screen pixels in the window; on paper at this factor per point of line
     * width (a 9 px circle becomes 4.5 pt in print, 9 pt on a slide).
     */
    static final double SHAPE_SCALE = 0.5;

    public PublicationStyle {
        if (typeface == null) throw new IllegalArgumentException("typeface must not be null");
        fixedSlots = Map.copyOf(fixedSlots);
    }

    public PublicationStyle(Typeface typeface, boolean grid) {
        this(typeface, grid, Map.of());
    }

    /** This style with window colours pinned to palette slots (see {@link SeriesLooks#SeriesLooks(Map)}). */
    public PublicationStyle withFixedSlots(Map<Color, Integer> slots) {
        return new PublicationStyle(typeface, grid, slots);
    }

    /** Fresh looks for one figure, honouring the fixed slots. */
    SeriesLooks newLooks() {
        return new SeriesLooks(fixedSlots);
    }

    public enum Typeface {
        SANS("SansSerif"), SERIF("Serif");

        private final String family;

        Typeface(String family) { this.family = family; }

        /** The Java logical font family, which falls back to any installed font for missing glyphs (Ω, ⟨⟩, −). */
        public String family() { return family; }
    }

    /** Restyles {@code chart} in place: call it on a copy (see {@link ChartCopies}), never on the window's chart. */
    void apply(JFreeChart chart, FigureSize size, SeriesLooks looks) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBackgroundImage(null);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        for (Title t : ChartParts.titles(chart)) {
            if (t instanceof LegendTitle legend) {
                legend.setBackgroundPaint(Color.WHITE);
                legend.setFrame(BlockBorder.NONE);
                legend.setItemPaint(Color.BLACK);
            }
            if (t instanceof PaintScaleLegend scale) MinusSignTicks.apply(scale.getAxis());
        }
        if (chart.getTitle() != null) chart.getTitle().setPaint(Color.BLACK);
        for (XYPlot plot : ChartParts.xyPlots(chart.getPlot())) style(plot, size, looks);
    }

    private void style(XYPlot plot, FigureSize size, SeriesLooks looks) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundImage(null);
        plot.setShadowGenerator(null);
        plot.setOutlineVisible(true);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(FRAME_PT));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        Stroke gridStroke = new BasicStroke(0.4f);
        plot.setDomainGridlinesVisible(grid);
        plot.setRangeGridlinesVisible(grid);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(gridStroke);
        plot.setRangeGridlineStroke(gridStroke);
        plot.setDomainMinorGridlinesVisible(false);
        plot.setRangeMinorGridlinesVisible(false);
        plot.setDomainZeroBaselineVisible(false);
        plot.setRangeZeroBaselineVisible(false);
        for (Axis axis : ChartParts.axes(plot)) {
            axis.setAxisLineVisible(false); // the plot frame is the axis line
            axis.setLabelPaint(Color.BLACK);
            axis.setTickLabelPaint(Color.BLACK);
            axis.setTickMarkPaint(Color.BLACK);
            axis.setTickMarkStroke(new BasicStroke(FRAME_PT));
            axis.setTickMarkOutsideLength((float) (size.textPt() * 0.35));
            axis.setTickMarkInsideLength(0);
            MinusSignTicks.apply(axis);
        }
        for (int i = 0; i < plot.getRendererCount(); i++) {
            XYDataset d = plot.getDataset(i);
            if (plot.getRenderer(i) instanceof AbstractXYItemRenderer r && d != null) style(r, d, size, looks);
        }
    }

    private static void style(AbstractXYItemRenderer r, XYDataset d, FigureSize size, SeriesLooks looks) {
        if (r instanceof XYBlockRenderer) return; // a density map keeps its colour scale
        if (r instanceof XYBarRenderer bars) {
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(true);
        }
        for (int s = 0; s < d.getSeriesCount(); s++) {
            Paint original = r.lookupSeriesPaint(s);
            SeriesLooks.Look look = looks.lookFor(original);
            Color color = look.withAlphaOf(original);
            float width = lineWidth(r.lookupSeriesStroke(s), size);
            r.setSeriesPaint(s, color, false);
            r.setSeriesStroke(s, look.stroke(width), false);
            Paint originalFill = r.getSeriesFillPaint(s); // a band's translucent fill, if the chart set one
            r.setSeriesFillPaint(s, originalFill == null ? color : look.withAlphaOf(originalFill), false);
            if (d.getItemCount(s) == 0) r.setSeriesVisibleInLegend(s, false, false); // a solver that did not run
            if (r instanceof XYBarRenderer) {
                r.setSeriesOutlinePaint(s, look.color(), false);
                r.setSeriesOutlineStroke(s, new BasicStroke(width * 0.6f), false);
            }
            Shape shape = r.lookupSeriesShape(s);
            if (shape != null) r.setSeriesShape(s, scaled(shape, size.lineWidthPt() * SHAPE_SCALE), false);
            if (r instanceof XYLineAndShapeRenderer && !(r instanceof DeviationRenderer)) {
                // open markers: the curves beneath stay visible
                r.setSeriesFillPaint(s, Color.WHITE, false);
                r.setSeriesOutlineStroke(s, new BasicStroke(Math.max(0.5f, width * 0.8f)), false);
            }
        }
        if (r instanceof XYLineAndShapeRenderer lines) {
            lines.setDrawSeriesLineAsPath(true); // one path per series, else a dash restarts at every data point
        }
        if (r instanceof XYLineAndShapeRenderer lines && !(r instanceof DeviationRenderer)) {
            lines.setUseFillPaint(true);
            lines.setDrawOutlines(true);
            lines.setUseOutlinePaint(false);
        }
        if (r instanceof XYDotRenderer dots) {
            dots.setDotWidth(Math.max(1, (int) Math.round(dots.getDotWidth() * size.lineWidthPt() * SHAPE_SCALE)));
            dots.setDotHeight(Math.max(1, (int) Math.round(dots.getDotHeight() * size.lineWidthPt() * SHAPE_SCALE)));
        }
    }

    /**
     * The printed width of a line drawn {@code original} wide on screen: a 2 px (or wider) screen
     * line becomes the size's full line width, thinner lines (sample paths) stay proportionally thinner.
     */
    static float lineWidth(Stroke original, FigureSize size) {
        double screen = original instanceof BasicStroke b ? b.getLineWidth() : 1.0;
        double factor = Math.max(0.3, Math.min(1.0, screen / 2.0));
        return (float) (size.lineWidthPt() * factor);
    }

    static Shape scaled(Shape shape, double factor) {
        return AffineTransform.getScaleInstance(factor, factor).createTransformedShape(shape);
    }
}
