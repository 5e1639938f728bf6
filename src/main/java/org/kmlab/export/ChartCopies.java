package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.util.PublicCloneable;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * Independent copies of charts, so an export can restyle and draw a chart while the window keeps
 * updating its own. {@link JFreeChart#clone()} alone is not enough: the copied plot still shares
 * the window's datasets (and listens to them), and a copied legend still reads its items from the
 * window's plot, so restyled colours would not reach the legend.
 */
public final class ChartCopies {
    private ChartCopies() {}

    /**
     * A copy sharing nothing mutable with {@code chart}. Call it on the thread that updates the
     * chart's datasets (the FX thread in the window); the copy may then be used on any thread.
     */
    public static JFreeChart copy(JFreeChart chart) {
        JFreeChart copy;
        try {
            copy = (JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalArgumentException("this chart cannot be copied for export: " + e.getMessage(), e);
        }
        Plot plot = copy.getPlot();
        for (XYPlot xy : ChartParts.xyPlots(plot)) detachDatasets(xy);
        for (int i = 0; i < copy.getSubtitleCount(); i++) {
            Title t = copy.getSubtitle(i);
            if (t instanceof LegendTitle legend && plot != null) {
                legend.setSources(new LegendItemSource[] {plot});
            }
        }
        return copy;
    }

    private static void detachDatasets(XYPlot plot) {
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            XYDataset d = plot.getDataset(i);
            if (d != null) plot.setDataset(i, frozen(d));
        }
    }

    /** A private copy of a dataset: its own clone when it has one, else its values copied. */
    static XYDataset frozen(XYDataset d) {
        if (d instanceof PublicCloneable c) {
            try {
                return (XYDataset) c.clone();
            } catch (CloneNotSupportedException e) {
                // fall through to copying the values
            }
        }
        if (d instanceof XYZDataset z) return copyXyz(z);
        if (d instanceof IntervalXYDataset iv) return copyInterval(iv);
        return copyXy(d);
    }

    private static DefaultXYDataset copyXy(XYDataset d) {
        DefaultXYDataset out = new DefaultXYDataset();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            int n = d.getItemCount(s);
            double[][] xy = new double[2][n];
            for (int i = 0; i < n; i++) {
                xy[0][i] = d.getXValue(s, i);
                xy[1][i] = d.getYValue(s, i);
            }
            out.addSeries(d.getSeriesKey(s), xy);
        }
        return out;
    }

    private static DefaultXYZDataset copyXyz(XYZDataset d) {
        DefaultXYZDataset out = new DefaultXYZDataset();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            int n = d.getItemCount(s);
            double[][] xyz = new double[3][n];
            for (int i = 0; i < n; i++) {
                xyz[0][i] = d.getXValue(s, i);
                xyz[1][i] = d.getYValue(s, i);
                xyz[2][i] = d.getZValue(s, i);
            }
            out.addSeries(d.getSeriesKey(s), xyz);
        }
        return out;
    }

    private static DefaultIntervalXYDataset copyInterval(IntervalXYDataset d) {
        DefaultIntervalXYDataset out = new DefaultIntervalXYDataset();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            int n = d.getItemCount(s);
            double[][] v = new double[6][n];
            for (int i = 0; i < n; i++) {
                v[0][i] = d.getXValue(s, i);
                v[1][i] = d.getStartXValue(s, i);
                v[2][i] = d.getEndXValue(s, i);
                v[3][i] = d.getYValue(s, i);
                v[4][i] = d.getStartYValue(s, i);
                v[5][i] = d.getEndYValue(s, i);
            }
            out.addSeries(d.getSeriesKey(s), v);
        }
        return out;
    }
}
