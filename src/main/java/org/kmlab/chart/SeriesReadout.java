package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every visible series of a panel shows at one x: "SSA 0.0612 · CME 0.0604 · FP 0.0571", the
 * value read off the line between the two items around x (a bar's or point's own value when x is
 * on it). For the window's readout under the crosshair; reads the chart, so call it on the
 * thread that owns it.
 */
public final class SeriesReadout {
    /** Items further than this share of the panel's x range from x are not "at" x (points, sparse series). */
    private static final double NEAR = 0.02;

    private SeriesReadout() {}

    public static String at(JFreeChart chart, int panel, double x) {
        List<XYPlot> panels = ChartLooks.panels(chart.getPlot());
        if (panel < 0 || panel >= panels.size()) return "";
        XYPlot plot = panels.get(panel);
        double near = NEAR * plot.getDomainAxis().getRange().getLength();
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            XYItemRenderer r = plot.getRenderer(d);
            if (data == null || r == null) continue;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                if (!r.isSeriesVisible(s) || !r.isSeriesVisibleInLegend(s)) continue;
                double y = valueAt(data, s, x, near);
                if (Double.isFinite(y)) parts.add(data.getSeriesKey(s) + " " + number(y));
            }
        }
        return String.join(" · ", parts);
    }

    /** The series' value at x: interpolated between the items around it, or the nearest item within {@code near}; NaN if none. */
    static double valueAt(XYDataset data, int s, double x, double near) {
        int n = data.getItemCount(s);
        int below = -1, above = -1;
        double bx = Double.NEGATIVE_INFINITY, ax = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double xi = data.getXValue(s, i), yi = data.getYValue(s, i);
            if (!Double.isFinite(xi) || !Double.isFinite(yi)) continue;
            if (xi <= x && xi > bx) { bx = xi; below = i; }
            if (xi >= x && xi < ax) { ax = xi; above = i; }
        }
        if (below < 0 && above < 0) return Double.NaN;
        if (below >= 0 && above >= 0) {
            if (ax == bx) return data.getYValue(s, below);
            double yb = data.getYValue(s, below), ya = data.getYValue(s, above);
            return yb + (x - bx) / (ax - bx) * (ya - yb);
        }
        int only = below >= 0 ? below : above;
        return Math.abs(data.getXValue(s, only) - x) <= near ? data.getYValue(s, only) : Double.NaN;
    }

    /** Four significant digits, without an exponent in the usual range. */
    public static String number(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) return String.format(Locale.ROOT, "%.3e", v);
        if (a >= 1e3) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
