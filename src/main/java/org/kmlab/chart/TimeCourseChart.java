package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.kmlab.run.Recording;
import org.kmlab.solve.Snapshot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The time course: a few SSA sample paths, the ensemble mean ± 1 s.d. as a band, and the means of
 * the other solvers (FP, CME, CLE, LNA) as lines, with a marker at the time on show. x = n/Ω units.
 */
public final class TimeCourseChart {
    /** Solvers drawn as a mean line (the SSA is the band). */
    private static final List<String> MEANS = List.of("cme", "fp", "cle", "lna");

    private final JFreeChart chart;
    private final XYPlot plot;
    private final ArrayDataset band, paths, means;
    private final ValueMarker now;
    private final List<String> species;
    private final int pathCount;
    private final ChartStyle style;

    public TimeCourseChart(List<String> speciesNames, int pathCount, ChartStyle style) {
        this.species = List.copyOf(speciesNames);
        this.pathCount = pathCount;
        this.style = style;
        int d = species.size();
        List<String> bandKeys = new ArrayList<>(), pathKeys = new ArrayList<>(), meanKeys = new ArrayList<>();
        for (String s : species) bandKeys.add("SSA mean ± 1 s.d." + suffix(s));
        for (String s : species) for (int j = 0; j < pathCount; j++) pathKeys.add("SSA sample paths" + suffix(s) + (j == 0 ? "" : "#" + j));
        for (String m : MEANS) for (String s : species) meanKeys.add(SolverNames.shortLabel(m) + " mean" + suffix(s));
        band = new ArrayDataset(bandKeys);
        paths = new ArrayDataset(pathKeys);
        means = new ArrayDataset(meanKeys);

        NumberAxis time = new NumberAxis("time t");
        NumberAxis value = new NumberAxis(d == 1 ? "x = n/Ω" : "x = n/Ω (" + String.join(", ", species) + ")");
        value.setAutoRangeIncludesZero(false);
        plot = new XYPlot(paths, time, value, pathRenderer());
        plot.setDataset(1, band);
        plot.setRenderer(1, bandRenderer());
        plot.setDataset(2, means);
        plot.setRenderer(2, meanRenderer());
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        now = new ValueMarker(0);
        now.setPaint(style.foreground());
        now.setStroke(style.thinLine());
        plot.addDomainMarker(now);
        chart = new JFreeChart("Time course", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style.apply(chart);
    }

    private String suffix(String s) { return species.size() == 1 ? "" : " (" + s + ")"; }

    /** Species s of a 2-D model is told apart by shade: the second species is drawn darker. */
    private Color shade(Color c, int s) { return s == 0 ? c : c.darker().darker(); }

    private XYLineAndShapeRenderer pathRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < species.size(); s++) {
            for (int j = 0; j < pathCount; j++) {
                int i = s * pathCount + j;
                r.setSeriesPaint(i, ChartStyle.translucent(shade(style.ssa(), s), 0.45));
                r.setSeriesStroke(i, style.thinLine());
                r.setSeriesVisibleInLegend(i, j == 0 && s == 0);
            }
        }
        return r;
    }

    private DeviationRenderer bandRenderer() {
        DeviationRenderer r = new DeviationRenderer(true, false);
        for (int s = 0; s < species.size(); s++) {
            r.setSeriesPaint(s, shade(style.ssa(), s));
            r.setSeriesFillPaint(s, ChartStyle.translucent(shade(style.ssa(), s), 0.25));
            r.setSeriesStroke(s, style.line());
        }
        r.setAlpha(1f);
        return r;
    }

    private XYLineAndShapeRenderer meanRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int m = 0; m < MEANS.size(); m++) {
            for (int s = 0; s < species.size(); s++) {
                int i = m * species.size() + s;
                r.setSeriesPaint(i, shade(style.solverColor(MEANS.get(m)), s));
                r.setSeriesStroke(i, MEANS.get(m).equals("fp") ? style.line() : style.dashed());
            }
        }
        return r;
    }

    public JFreeChart chart() { return chart; }

    /** Shows the whole recorded history with a marker at index k (one chart change event). */
    public void show(Recording recording, int k) {
        chart.setNotify(false);
        try {
            plot.getDomainAxis().setRange(0, recording.time(recording.timeCount() - 1));
            now.setValue(k >= 0 ? recording.time(k) : 0);
            fillBand(recording);
            fillPaths(recording);
            for (int m = 0; m < MEANS.size(); m++) {
                for (int s = 0; s < species.size(); s++) {
                    double[][] tm = meanOf(recording, MEANS.get(m), s);
                    if (tm[0].length == 0) means.clear(m * species.size() + s);
                    else means.set(m * species.size() + s, tm[0], tm[1]);
                    ((XYLineAndShapeRenderer) plot.getRenderer(2)).setSeriesVisibleInLegend(m * species.size() + s, tm[0].length > 0 && s == 0, false);
                }
            }
            band.changed();
            paths.changed();
            means.changed();
        } finally {
            chart.setNotify(true);
        }
    }

    private List<Snapshot> recorded(Recording rec, String solver, List<Double> times) {
        List<Snapshot> out = new ArrayList<>();
        int h = rec.highestIndex(solver);
        for (int k = 0; k <= h; k++) {
            Snapshot s = rec.get(solver, k);
            if (s != null) { out.add(s); times.add(rec.time(k)); }
        }
        return out;
    }

    private double[][] meanOf(Recording rec, String solver, int s) {
        List<Double> times = new ArrayList<>();
        List<Snapshot> snaps = recorded(rec, solver, times);
        double[] t = new double[snaps.size()], m = new double[snaps.size()];
        for (int i = 0; i < t.length; i++) { t[i] = times.get(i); m[i] = snaps.get(i).mean(s); }
        return new double[][] {t, m};
    }

    private void fillBand(Recording rec) {
        List<Double> times = new ArrayList<>();
        List<Snapshot> snaps = recorded(rec, "ssa", times);
        for (int s = 0; s < species.size(); s++) {
            int n = snaps.size();
            double[] t = new double[n], m = new double[n], lo = new double[n], hi = new double[n];
            for (int i = 0; i < n; i++) {
                Snapshot snap = snaps.get(i);
                t[i] = times.get(i);
                m[i] = snap.mean(s);
                double sd = Math.sqrt(Math.max(0, snap.covariance(s, s)));
                lo[i] = m[i] - sd;
                hi[i] = m[i] + sd;
            }
            band.setBand(s, t, m, lo, hi);
        }
    }

    private void fillPaths(Recording rec) {
        List<Double> times = new ArrayList<>();
        List<Snapshot> snaps = recorded(rec, "ssa", times);
        for (int s = 0; s < species.size(); s++) {
            for (int j = 0; j < pathCount; j++) {
                int n = 0;
                for (Snapshot snap : snaps) if (snap.sampleCount() > j) n++;
                double[] t = new double[n], x = new double[n];
                int i = 0;
                for (int q = 0; q < snaps.size(); q++) {
                    Snapshot snap = snaps.get(q);
                    if (snap.sampleCount() > j) { t[i] = times.get(q); x[i] = snap.sample(j, s); i++; }
                }
                paths.set(s * pathCount + j, t, x);
            }
        }
    }
}
