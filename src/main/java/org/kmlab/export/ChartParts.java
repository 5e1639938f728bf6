package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.Title;

import java.util.ArrayList;
import java.util.List;

/** Finds the parts of a chart that export restyles: XY plots (also inside combined plots), axes, titles. */
final class ChartParts {
    private ChartParts() {}

    /** The plot itself if it is an XY plot, and the XY plots inside combined plots and panel rows. */
    static List<XYPlot> xyPlots(Plot plot) { return org.kmlab.chart.ChartLooks.xyPlots(plot); }

    /** Every domain and range axis of an XY plot. */
    static List<Axis> axes(XYPlot plot) {
        List<Axis> out = new ArrayList<>();
        for (int i = 0; i < plot.getDomainAxisCount(); i++) if (plot.getDomainAxis(i) != null) out.add(plot.getDomainAxis(i));
        for (int i = 0; i < plot.getRangeAxisCount(); i++) if (plot.getRangeAxis(i) != null) out.add(plot.getRangeAxis(i));
        return out;
    }

    /** The chart's main title followed by its subtitles. */
    static List<Title> titles(JFreeChart chart) {
        List<Title> out = new ArrayList<>();
        if (chart.getTitle() != null) out.add(chart.getTitle());
        for (int i = 0; i < chart.getSubtitleCount(); i++) out.add(chart.getSubtitle(i));
        return out;
    }
}
