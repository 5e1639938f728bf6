package org.kmlab.ui;

import org.jfree.chart.JFreeChart;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.CloudChart;
import org.kmlab.chart.DistributionChart;
import org.kmlab.chart.KramersMoyalChart;
import org.kmlab.chart.TimeCourseChart;
import org.kmlab.model.Model;
import org.kmlab.run.Run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The window's charts (a {@link ChartSet}, the same code the figure export uses) by pane name.
 * Used only on the chart render thread ({@link ChartRenderer}): JFreeChart is not thread-safe, and
 * drawing it there keeps the JavaFX thread free.
 */
final class ChartBoard {
    static final String DISTRIBUTION = "distribution", TIME = "time", KM = "km", CLOUD = "cloud";

    private volatile ChartSet charts;
    private ChartStyle style = ChartStyle.light();
    private double tEnd = 10;

    DistributionChart distribution() { ChartSet c = charts; return c == null ? null : c.distribution(); }
    TimeCourseChart timeCourse() { ChartSet c = charts; return c == null ? null : c.timeCourse(); }
    KramersMoyalChart kramersMoyal() { ChartSet c = charts; return c == null ? null : c.kramersMoyal(); }
    CloudChart cloud() { ChartSet c = charts; return c == null ? null : c.cloud(); }

    void rebuild(Model m, ChartStyle s) {
        style = s;
        charts = new ChartSet(m, tEnd, s);
    }

    /** New parameters of the same model: axis ranges start afresh, KM curves and the deterministic path follow. */
    void modelChanged(Model m) {
        if (charts == null || !charts.fits(m)) rebuild(m, style);
        else charts.setModel(m);
    }

    void setTEnd(double t) {
        tEnd = t;
        if (charts != null) charts.setTEnd(t);
    }

    /** Fills the charts with the run at output index k; returns the charts to draw, by pane name. */
    Map<String, JFreeChart> show(Run run, int k, boolean higherOrders) {
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        ChartSet c = charts;
        if (c == null) return out;
        if (run != null && !c.fits(run.request().model())) run = null;   // a frame asked for before the model changed
        if (run != null) c.show(run.recording(), k, higherOrders);
        else c.showModelOnly(higherOrders);
        out.put(DISTRIBUTION, c.distribution().chart());
        out.put(TIME, c.timeCourse().chart());
        out.put(KM, c.kramersMoyal().chart());
        if (c.cloud() != null) out.put(CLOUD, c.cloud().chart());
        return out;
    }
}
