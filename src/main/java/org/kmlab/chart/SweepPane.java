package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.kmlab.model.Environment;
import org.kmlab.model.Model;
import org.kmlab.run.sweep.CoefficientScaling;
import org.kmlab.run.sweep.LogLogFit;
import org.kmlab.run.sweep.SolverSeries;
import org.kmlab.run.sweep.SweepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A system-size sweep ({@link SweepResult}, from the frame's analyses) on log–log axes, in two
 * panels. Left: each approximation's L1 (or, as an option, Hellinger) distance to the reference
 * at time T against the swept parameter, points joined by lines, with the least-squares power
 * law dotted and its slope in the legend. Right: the Kramers–Moyal coefficients at the fixed
 * point, B = M₂, M₃/3! and M₄/4! (x = n/Ω units, per unit time), with their slopes and, against Ω,
 * the 1 − k that theory expects. Series keys carry solver × role (DISTANCE_L1, FIT…) or the
 * coefficient's role, so every theme and figure style resolves the looks. Without a sweep the
 * pane says how to make one.
 */
final class SweepPane implements Pane {
    static final String HELLINGER = "sweep.hellinger";
    private static final int DATA = 0, FITS = 1;
    /** The orders drawn on the right, with the roles (and so the looks) of the Kramers–Moyal pane. */
    private static final int[] ORDERS = {2, 3, 4};
    private static final SeriesKey.Role[] ORDER_ROLES = {SeriesKey.Role.DIFFUSION, SeriesKey.Role.M3, SeriesKey.Role.M4};
    private static final String[] ORDER_NAMES = {"B = M₂", "M₃/3!", "M₄/4!"};

    private final PaneKind kind = Panes.SWEEP;
    private final ChartStyle style;
    private final XYPlot distances, coefficients;
    private final JFreeChart chart;
    private SweepResult shown;
    private boolean shownHellinger;

    SweepPane(Model model, ChartStyle style) {
        this.style = style;
        distances = plot("L1 distance to the reference", 0);
        coefficients = plot("KM coefficient at x* (per time)", 1);
        PanelRow row = new PanelRow(List.of(distances, coefficients), 14);
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, row, false);
        LegendTitle legend = new LegendTitle(() -> {
            LegendItemCollection all = new LegendItemCollection();
            all.addAll(distances.getLegendItems());
            all.addAll(coefficients.getLegendItems());
            return all;
        });
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(legend);
        style.apply(chart);
    }

    private static XYPlot plot(String yLabel, int panel) {
        LogAxis x = new DecadeAxis("Ω");
        LogAxis y = new DecadeAxis(yLabel);
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setRenderer(DATA, new XYLineAndShapeRenderer(true, true));
        plot.setRenderer(FITS, new XYLineAndShapeRenderer(true, false));
        return plot;
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    @Override public void show(Frame f) {
        Optional<SweepResult> result = f.analysis(SweepResult.class);
        boolean hellinger = f.option(HELLINGER);
        if (result.orElse(null) == shown && hellinger == shownHellinger && (shown != null || distances.getDataset(DATA) != null)) return;
        shown = result.orElse(null);
        shownHellinger = hellinger;
        chart.setNotify(false);
        try {
            if (shown == null) showNothing();
            else showSweep(shown, hellinger);
        } finally {
            chart.setNotify(true);
        }
    }

    private void showNothing() {
        for (XYPlot p : List.of(distances, coefficients)) {
            p.setDataset(DATA, new ArrayDataset(List.of()));
            p.setDataset(FITS, new ArrayDataset(List.of()));
        }
        chart.getTitle().setText(kind.title() + ": run one from the Sweep panel");
    }

    private void showSweep(SweepResult r, boolean hellinger) {
        String parameter = Environment.OMEGA.equals(r.parameter()) ? "Ω" : r.parameter();
        String reference = r.reference() == null ? "the reference" : r.reference().toUpperCase(Locale.ROOT);
        String distance = hellinger ? "Hellinger" : "L1";
        distances.getDomainAxis().setLabel(parameter);
        coefficients.getDomainAxis().setLabel(parameter);
        distances.getRangeAxis().setLabel(String.format(Locale.ROOT, "%s distance to %s at t = %.3g", distance, reference, r.time()));
        double[] x = r.values();

        List<SeriesKey> keys = new ArrayList<>(), fitKeys = new ArrayList<>();
        List<double[][]> points = new ArrayList<>(), fits = new ArrayList<>();
        for (SolverSeries s : r.series()) {
            double[] y = hellinger ? s.hellinger() : s.l1();
            LogLogFit fit = hellinger ? s.hellingerFit() : s.l1Fit();
            keys.add(SeriesKey.of(s.solver(), hellinger ? SeriesKey.Role.DISTANCE_HELLINGER : SeriesKey.Role.DISTANCE_L1, 0,
                    s.solver().shortLabel() + "  " + slopeText(fit, Double.NaN)));
            points.add(positive(x, y));
            fitKeys.add(SeriesKey.of(s.solver(), SeriesKey.Role.FIT, 0, s.solver().shortLabel() + " fit"));
            fits.add(line(x, y, fit));
        }
        fill(distances, keys, points, fitKeys, fits);

        keys = new ArrayList<>();
        fitKeys = new ArrayList<>();
        points = new ArrayList<>();
        fits = new ArrayList<>();
        CoefficientScaling c = r.coefficients("analytic").orElse(r.coefficients().isEmpty() ? null : r.coefficients().get(0));
        for (int j = 0; c != null && j < ORDERS.length; j++) {
            int k = ORDERS[j], at = c.indexOf(k);
            if (at < 0) continue;
            double[] y = c.sizes()[at].clone();
            if (k == 2) for (int i = 0; i < y.length; i++) y[i] *= 2;   // B = M₂ = 2·(M₂/2!), as the KM pane draws it
            LogLogFit fit = LogLogFit.of(x, y);
            String label = ORDER_NAMES[j] + "  " + (fit.exists() ? slopeText(fit, c.expected()[at]) : shortNote(c.notes()[at]));
            keys.add(SeriesKey.model(ORDER_ROLES[j], 0, label));
            points.add(positive(x, y));
            fitKeys.add(SeriesKey.model(ORDER_ROLES[j], 0, ORDER_NAMES[j] + " fit"));
            fits.add(new double[2][0]);   // the coefficients are exact power laws: the line through the points is the fit
        }
        fill(coefficients, keys, points, fitKeys, fits);

        String progress = r.state() == SweepResult.State.RUNNING ? String.format(Locale.ROOT, "  (%d of %d values…)", r.finishedCount(), r.size())
                : r.state() == SweepResult.State.CANCELLED ? "  (cancelled)" : "";
        chart.getTitle().setText("Sweep over " + parameter + " of " + r.model() + progress);
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
    }

    private static void fill(XYPlot plot, List<SeriesKey> keys, List<double[][]> points, List<SeriesKey> fitKeys, List<double[][]> fits) {
        ArrayDataset data = new ArrayDataset(keys), lines = new ArrayDataset(fitKeys);
        for (int i = 0; i < keys.size(); i++) data.set(i, points.get(i)[0], points.get(i)[1]);
        for (int i = 0; i < fitKeys.size(); i++) lines.set(i, fits.get(i)[0], fits.get(i)[1]);
        plot.setDataset(DATA, data);
        plot.setDataset(FITS, lines);
        for (int i = 0; i < fitKeys.size(); i++) plot.getRenderer(FITS).setSeriesVisibleInLegend(i, false, false);
    }

    /** The points with a finite, positive value (the only ones a log axis can show). */
    private static double[][] positive(double[] x, double[] y) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (y[i] > 0 && Double.isFinite(y[i])) kept.add(new double[] {x[i], y[i]});
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) { out[0][i] = kept.get(i)[0]; out[1][i] = kept.get(i)[1]; }
        return out;
    }

    /** The fitted power law across the values it was fitted on. */
    private static double[][] line(double[] x, double[] y, LogLogFit fit) {
        if (!fit.exists()) return new double[2][0];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) if (y[i] > 0 && Double.isFinite(y[i])) { lo = Math.min(lo, x[i]); hi = Math.max(hi, x[i]); }
        return new double[][] {{lo, hi}, {fit.at(lo), fit.at(hi)}};
    }

    private static String slopeText(LogLogFit fit, double expected) {
        if (!fit.exists()) return "(no slope yet)";
        String s = String.format(Locale.ROOT, "slope %s", signed(fit.slope()));
        return Double.isFinite(expected) ? s + String.format(Locale.ROOT, " (theory %s)", signed(expected)) : s;
    }

    private static String shortNote(String note) {
        return note == null || note.isEmpty() ? "(no slope)" : note.startsWith("vanishes") ? "cancels at x*" : "(no slope)";
    }

    /** A true minus sign (U+2212), as the figures' tick labels use. */
    private static String signed(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
