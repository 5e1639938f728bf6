package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Paints every series of a chart from its meaning: for each series whose key is a
 * {@link SeriesKey}, the colour, stroke, dash and marker come from a {@link Looks}. The window
 * applies its theme when it builds a chart; a figure applies the publication style to a copy.
 * Which series are drawn as lines or as markers is the pane's decision and is left alone.
 */
public final class ChartLooks {
    private ChartLooks() {}

    /**
     * @param lineWidth the width of a data line, in the chart's units (pixels or points)
     * @param markerSize the diameter of a marker, in the same units
     * @param markerFill the inside of open markers (the plot's background)
     */
    public static void apply(JFreeChart chart, Looks looks, float lineWidth, double markerSize, Color markerFill) {
        for (XYPlot plot : xyPlots(chart.getPlot())) {
            for (int i = 0; i < plot.getDatasetCount(); i++) {
                XYDataset d = plot.getDataset(i);
                if (d != null && plot.getRenderer(i) instanceof AbstractXYItemRenderer r) apply(r, d, looks, lineWidth, markerSize, markerFill);
            }
        }
    }

    private static void apply(AbstractXYItemRenderer r, XYDataset d, Looks looks, float lineWidth, double markerSize, Color fill) {
        for (int s = 0; s < d.getSeriesCount(); s++) {
            if (!(d.getSeriesKey(s) instanceof SeriesKey key)) continue;
            SeriesLook look = looks.lookOf(key);
            Color paint = look.paint();
            float width = (float) (lineWidth * look.widthFactor());
            r.setSeriesPaint(s, paint, false);
            r.setSeriesStroke(s, stroke(width, look.dash(), lineWidth), false);
            if (r instanceof DeviationRenderer) {
                r.setSeriesFillPaint(s, look.withAlpha(0.25 * look.alpha()).paint(), false);
            } else if (r instanceof XYBarRenderer) {
                r.setSeriesOutlinePaint(s, look.color(), false);
                r.setSeriesOutlineStroke(s, new BasicStroke(width * 0.6f), false);
            } else if (r instanceof XYLineAndShapeRenderer) {
                double size = look.marker() == SeriesLook.Marker.DOT ? markerSize / 2 : markerSize;
                r.setSeriesShape(s, new Ellipse2D.Double(-size / 2, -size / 2, size, size), false);
                r.setSeriesFillPaint(s, look.marker() == SeriesLook.Marker.OPEN_CIRCLE ? fill : paint, false);
                r.setSeriesOutlineStroke(s, new BasicStroke(Math.max(0.5f, width)), false);
            }
        }
        if (r instanceof XYLineAndShapeRenderer lines && !(r instanceof DeviationRenderer)) {
            lines.setDrawSeriesLineAsPath(true);   // one path per series, else a dash restarts at every point
            lines.setUseFillPaint(true);
            lines.setDrawOutlines(true);
            lines.setUseOutlinePaint(false);   // outlines in the series colour
        }
        if (r instanceof XYDotRenderer dots) {
            int px = (int) Math.max(1, Math.round(markerSize / 2));
            dots.setDotWidth(px);
            dots.setDotHeight(px);
        }
    }

    /** A stroke of this width; a dash given in units of the style's line width. */
    static BasicStroke stroke(float width, float[] dash, float unit) {
        if (dash == null) return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        float u = Math.max(unit, 0.75f);
        float[] scaled = new float[dash.length];
        for (int i = 0; i < dash.length; i++) scaled[i] = dash[i] * u;
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }

    /**
     * The panels a user sees and points at, in drawing order (the order of the rendering info's
     * subplot infos): the subplots of a combined plot or panel row, or the plot itself.
     */
    public static List<XYPlot> panels(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot c) return List.copyOf(c.getSubplots());
        if (plot instanceof CombinedRangeXYPlot c) return List.copyOf(c.getSubplots());
        if (plot instanceof PanelRow row) return row.shownPanels();   // a pane showing one quantity alone draws one panel
        return plot instanceof XYPlot xy ? List.of(xy) : List.of();
    }

    /** The plot itself if it is an XY plot, and the XY plots inside combined plots and panel rows. */
    public static List<XYPlot> xyPlots(Plot plot) {
        List<XYPlot> out = new ArrayList<>();
        if (plot instanceof CombinedDomainXYPlot c) {
            out.addAll(c.getSubplots());
            out.add(c);
        } else if (plot instanceof CombinedRangeXYPlot c) {
            out.addAll(c.getSubplots());
            out.add(c);
        } else if (plot instanceof PanelRow row) {
            out.addAll(row.panels());
        } else if (plot instanceof XYPlot xy) {
            out.add(xy);
        }
        return out;
    }
}
