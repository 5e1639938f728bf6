package org.kmlab.ui;

import org.jfree.chart.JFreeChart;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.CloudChart;
import org.kmlab.chart.DistributionChart;
import org.kmlab.chart.KramersMoyalChart;
import org.kmlab.chart.TimeCourseChart;
import org.kmlab.model.Model;
import org.kmlab.model.Species;
import org.kmlab.run.ModelCurves;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.solve.Snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The window's charts (built by {@code org.kmlab.chart}) and what they show. Used only on the
 * chart render thread ({@link ChartRenderer}): JFreeChart is not thread-safe, and drawing it there
 * keeps the JavaFX thread free.
 */
final class ChartBoard {
    static final String DISTRIBUTION = "distribution", TIME = "time", KM = "km", CLOUD = "cloud";
    private static final int SAMPLE_PATHS = 5;

    private volatile DistributionChart distribution;
    private volatile TimeCourseChart timeCourse;
    private volatile KramersMoyalChart kramersMoyal;
    private volatile CloudChart cloud;
    private Model model;
    private ChartStyle style = ChartStyle.light();
    private double tEnd = 10;
    private String kmKey = "";

    DistributionChart distribution() { return distribution; }
    TimeCourseChart timeCourse() { return timeCourse; }
    KramersMoyalChart kramersMoyal() { return kramersMoyal; }
    CloudChart cloud() { return cloud; }

    void rebuild(Model m, ChartStyle s) {
        model = m;
        style = s;
        kmKey = "";
        List<String> names = m.species().stream().map(Species::name).toList();
        DistributionChart d = new DistributionChart(names, s);
        TimeCourseChart t = new TimeCourseChart(names, SAMPLE_PATHS, s);
        KramersMoyalChart k = new KramersMoyalChart(names, s);
        CloudChart c = null;
        if (m.speciesCount() >= 2) {
            c = new CloudChart(names, s);
            c.setDeterministicPath(ModelCurves.deterministicPath(m, tEnd, 400), tEnd);
        }
        distribution = d;
        timeCourse = t;
        kramersMoyal = k;
        cloud = c;
    }

    /** New parameters of the same model: axis ranges start afresh, KM curves and the deterministic path follow. */
    void modelChanged(Model m) {
        if (model == null || !sameSpecies(model, m)) { rebuild(m, style); return; }
        model = m;
        kmKey = "";
        distribution.resetRanges();
        setTEnd(tEnd);
    }

    private static boolean sameSpecies(Model a, Model b) {
        return a.species().stream().map(Species::name).toList().equals(b.species().stream().map(Species::name).toList());
    }

    void setTEnd(double t) {
        tEnd = t;
        if (cloud != null && model != null) cloud.setDeterministicPath(ModelCurves.deterministicPath(model, t, 400), t);
    }

    /** Fills the charts with the run at output index k; returns the charts to draw, by pane name. */
    Map<String, JFreeChart> show(Run run, int k, boolean higherOrders) {
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        if (model == null) return out;
        if (run != null) {
            Recording rec = run.recording();
            distribution.show(rec, k);
            timeCourse.show(rec, k);
            if (cloud != null) cloud.show(rec, k);
            drawKramersMoyal(rec, k, higherOrders);
        } else {
            drawKramersMoyal(null, -1, higherOrders);
        }
        out.put(DISTRIBUTION, distribution.chart());
        out.put(TIME, timeCourse.chart());
        out.put(KM, kramersMoyal.chart());
        if (cloud != null) out.put(CLOUD, cloud.chart());
        return out;
    }

    /** KM curves over the x range on show, recomputed only when that range (or the model) changes. */
    private void drawKramersMoyal(Recording rec, int k, boolean higher) {
        int d = model.speciesCount();
        double[] at = model.initialX();
        Snapshot ssa = rec == null ? null : rec.atOrBefore("ssa", k);
        if (ssa != null) at = ssa.mean();
        double[][] ranges = new double[d][];
        for (int s = 0; s < d; s++) {
            ranges[s] = distribution.shownRange(s);
            if (ranges[s] == null) {
                double w = Math.max(1, Math.abs(at[s]));
                ranges[s] = new double[] {at[s] - w, at[s] + w};
            }
        }
        StringBuilder key = new StringBuilder(System.identityHashCode(model) + ":" + higher);
        for (double[] r : ranges) key.append(':').append(r[0]).append(',').append(r[1]);
        if (d > 1) for (double a : at) key.append(':').append(String.format("%.2g", a));
        if (key.toString().equals(kmKey)) return;
        kmKey = key.toString();
        kramersMoyal.show(model, ranges, at, higher);
    }
}
