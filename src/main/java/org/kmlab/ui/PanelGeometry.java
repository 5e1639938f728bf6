package org.kmlab.ui;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.kmlab.chart.ChartLooks;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one panel of a drawn chart put its data, in the chart image's pixels, and the axis ranges
 * it showed: enough for the JavaFX thread to turn a mouse position into data coordinates without
 * touching the chart, which belongs to the render thread.
 */
record PanelGeometry(double left, double top, double width, double height,
                     double xLo, double xHi, boolean xLog, double yLo, double yHi, boolean yLog) {

    /** The panels of a chart just drawn with this rendering info, in {@link ChartLooks#panels} order. */
    static List<PanelGeometry> of(JFreeChart chart, ChartRenderingInfo info) {
        List<XYPlot> panels = ChartLooks.panels(chart.getPlot());
        PlotRenderingInfo plot = info.getPlotInfo();
        List<PanelGeometry> out = new ArrayList<>(panels.size());
        for (int i = 0; i < panels.size(); i++) {
            PlotRenderingInfo sub = panels.size() == 1 && plot.getSubplotCount() == 0 ? plot
                    : i < plot.getSubplotCount() ? plot.getSubplotInfo(i) : null;
            if (sub == null || sub.getDataArea() == null) continue;
            Rectangle2D a = sub.getDataArea();
            ValueAxis x = panels.get(i).getDomainAxis(), y = panels.get(i).getRangeAxis();
            if (x == null || y == null) continue;
            out.add(new PanelGeometry(a.getX(), a.getY(), a.getWidth(), a.getHeight(),
                    x.getLowerBound(), x.getUpperBound(), x instanceof LogAxis, y.getLowerBound(), y.getUpperBound(), y instanceof LogAxis));
        }
        return List.copyOf(out);
    }

    boolean contains(double px, double py) { return px >= left && px <= left + width && py >= top && py <= top + height; }

    double dataX(double px) { return along(xLo, xHi, xLog, (px - left) / width); }

    double dataY(double py) { return along(yLo, yHi, yLog, (top + height - py) / height); }

    /** The x range after zooming by {@code factor} (below 1: in) about the pixel px. */
    double[] zoomX(double px, double factor) { return zoomed(xLo, xHi, xLog, (px - left) / width, factor); }

    double[] zoomY(double py, double factor) { return zoomed(yLo, yHi, yLog, (top + height - py) / height, factor); }

    private static double along(double lo, double hi, boolean log, double f) {
        return log ? Math.exp(Math.log(lo) + f * (Math.log(hi) - Math.log(lo))) : lo + f * (hi - lo);
    }

    private static double[] zoomed(double lo, double hi, boolean log, double f, double factor) {
        if (log) {
            double a = Math.log(lo), b = Math.log(hi), c = a + f * (b - a);
            return new double[] {Math.exp(c - factor * (c - a)), Math.exp(c + factor * (b - c))};
        }
        double c = lo + f * (hi - lo);
        return new double[] {c - factor * (c - lo), c + factor * (hi - c)};
    }
}
