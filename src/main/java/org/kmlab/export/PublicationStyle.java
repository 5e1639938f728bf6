package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.kmlab.chart.ChartLooks;
import org.kmlab.chart.Looks;
import org.kmlab.chart.SeriesKey;
import org.kmlab.chart.SeriesLook;
import org.kmlab.chart.WindowLooks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;


/**
 * The "publication" look: white background, no gradients or shadows, black axes with a thin
 * frame, the Okabe–Ito palette by solver style slot and a dash per kind of series (the same rules
 * as the window's, {@link WindowLooks}), so a figure reads in colour, for colour-blind readers and
 * in greyscale print, and a solver has one colour in every figure. Lines are
 * {@link FigureSize#lineWidthPt()} wide (1 pt in print, 2 pt on a slide). Negative tick labels get
 * a true minus sign (see {@link MinusSignTicks}).
 *
 * @param typeface sans-serif (most journals) or serif (to match a LaTeX body text)
 * @param grid     thin light-grey grid lines, or none
 */
public record PublicationStyle(Typeface typeface, boolean grid) implements Looks {
    public static final PublicationStyle DEFAULT = new PublicationStyle(Typeface.SANS, true);

    /**
     * Okabe &amp; Ito, "Color Universal Design" (2008), by solver style slot: SSA blue, CME black,
     * FP vermillion, CLE bluish green, LNA reddish purple, then sky blue and yellow for new solvers.
     */
    static final Color[] PALETTE = {new Color(0x0072B2), Color.BLACK, new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x999999)};
    /** The model's own curves: the deterministic path (and M₃) orange, M₄ sky blue. */
    static final Color PATH = new Color(0xE69F00), EXTRA = new Color(0x56B4E9);

    private static final Color GRID = new Color(0xDDDDDD);
    private static final float FRAME_PT = 0.6f;
    /** A marker's diameter in line widths (4.5 pt in print, 9 pt on a slide). */
    static final double MARKER_LINE_WIDTHS = 4.5;

    public PublicationStyle {
        if (typeface == null) throw new IllegalArgumentException("typeface must not be null");
    }

    @Override public SeriesLook lookOf(SeriesKey key) {
        Color c = key.solver() == null ? Color.BLACK : PALETTE[key.solver().styleSlot() % PALETTE.length];
        return WindowLooks.lookOf(key, c, Color.BLACK, PATH, EXTRA);
    }

    public enum Typeface {
        SANS("SansSerif"), SERIF("Serif");

        private final String family;

        Typeface(String family) { this.family = family; }

        /** The Java logical font family, which falls back to any installed font for missing glyphs (Ω, ⟨⟩, −). */
        public String family() { return family; }
    }

    /** Restyles {@code chart} in place: call it on a copy (see {@link ChartCopies}), never on the window's chart. */
    void apply(JFreeChart chart, FigureSize size) {
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
        for (XYPlot plot : ChartLooks.xyPlots(chart.getPlot())) style(plot, size);
        ChartLooks.apply(chart, this, (float) size.lineWidthPt(), size.lineWidthPt() * MARKER_LINE_WIDTHS, Color.WHITE);
        for (XYPlot plot : ChartLooks.xyPlots(chart.getPlot())) {
            for (int i = 0; i < plot.getRendererCount(); i++) {
                var d = plot.getDataset(i);
                if (d != null && plot.getRenderer(i) != null) {
                    for (int s = 0; s < d.getSeriesCount(); s++) if (d.getItemCount(s) == 0) plot.getRenderer(i).setSeriesVisibleInLegend(s, false, false);   // a solver that did not run
                }
                if (plot.getRenderer(i) instanceof XYBarRenderer bars) {
                    bars.setBarPainter(new StandardXYBarPainter());
                    bars.setShadowVisible(false);
                    bars.setDrawBarOutline(true);
                }
            }
        }
    }

    private void style(XYPlot plot, FigureSize size) {
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
        for (Layer layer : new Layer[] {Layer.FOREGROUND, Layer.BACKGROUND}) {   // zero lines, the time on show: black on paper
            for (Marker m : markers(plot.getDomainMarkers(layer))) blacken(m);
            for (Marker m : markers(plot.getRangeMarkers(layer))) blacken(m);
        }
    }

    private static java.util.List<Marker> markers(java.util.Collection<?> c) {
        java.util.List<Marker> out = new java.util.ArrayList<>();
        if (c != null) for (Object o : c) if (o instanceof Marker m) out.add(m);
        return out;
    }

    private static void blacken(Marker m) {
        m.setPaint(Color.BLACK);
        m.setLabelPaint(Color.BLACK);
        if (m.getStroke() instanceof BasicStroke b) {
            m.setStroke(new BasicStroke(FRAME_PT, b.getEndCap(), b.getLineJoin(), b.getMiterLimit(), b.getDashArray(), b.getDashPhase()));
        }
    }

}
