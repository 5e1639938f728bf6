package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.kmlab.model.ExactMoments;
import org.kmlab.model.FirstOrderNetwork;
import org.kmlab.model.Model;
import org.kmlab.model.Species;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The profile across the species at the time on show: the species in order along x (the cells of
 * a chain), each solver's mean count ⟨n_s⟩ = Ω·⟨x_s⟩ with ±1 s.d. error bars (a series per solver,
 * nudged apart so the bars do not hide each other), and, for a {@linkplain FirstOrderNetwork
 * first-order network}, the exact mean ± 1 s.d. from its closed moment equations
 * ({@link ExactMoments}) as a thin line in a light band. Watch the profile relax by diffusion and
 * the fluctuations stay binomial. For models with 3 species or more ({@link Panes#PROFILE}).
 */
final class ProfilePane implements Pane {
    private static final int EXACT = 0, SOLVERS = 1;
    /** How far apart, in cells, the solvers' points are drawn at one species. */
    static final double NUDGE = 0.12;

    private final PaneKind kind = Panes.PROFILE;
    private final ChartStyle style;
    private final int d;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final TextTitle subtitle;
    private final ArrayDataset exact = new ArrayDataset(List.of(SeriesKey.model(SeriesKey.Role.EXACT, 0, "exact mean ± 1 s.d.")));
    private List<SolverDescriptor> solvers;
    private ExactMoments moments;
    private Object[] momentsKey;

    ProfilePane(Model model, ChartStyle style) {
        this.style = style;
        this.d = model.speciesCount();
        SymbolAxis cells = new SymbolAxis("species (cell) in order", model.species().stream().map(Species::name).toArray(String[]::new));
        cells.setGridBandsVisible(false);
        cells.setRange(-0.5, d - 0.5);
        NumberAxis count = Axes.number("mean count ± s.d.");
        count.setAutoRangeIncludesZero(true);
        DeviationRenderer band = new DeviationRenderer(true, false);
        XYErrorRenderer bars = new XYErrorRenderer();
        bars.setDrawXError(false);
        bars.setDefaultLinesVisible(true);
        bars.setDefaultShapesVisible(true);
        plot = new XYPlot(exact, cells, count, band);
        plot.setRenderer(SOLVERS, bars);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);   // the exact band behind the solvers' points
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        subtitle = new TextTitle("", style.tickFont(), style.foreground(), org.jfree.chart.ui.RectangleEdge.TOP,
                org.jfree.chart.ui.HorizontalAlignment.CENTER, org.jfree.chart.ui.VerticalAlignment.TOP, new org.jfree.chart.ui.RectangleInsets(0, 4, 2, 4));
        chart.addSubtitle(subtitle);
        style.apply(chart);
        useSolvers(List.of());
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    /** The solvers' points (for tests): a series per solver, d points each. */
    ArrayDataset solverData() { return (ArrayDataset) plot.getDataset(SOLVERS); }

    /** The exact line (for tests): one series, empty when the model has no exact moments. */
    ArrayDataset exactData() { return exact; }

    @Override public void show(Frame f) {
        chart.setNotify(false);
        try {
            useSolvers(f.recording() == null ? List.of() : f.recording().descriptors());
            double omega = f.model().size();
            ArrayDataset data = solverData();
            for (int j = 0; j < data.getSeriesCount(); j++) {
                SeriesKey key = (SeriesKey) data.getSeriesKey(j);
                Snapshot snap = f.snapshot(key.solver().id());
                boolean drawn = snap != null && snap.dimension() == d && Double.isFinite(snap.mean(0));
                if (drawn) fill(data, j, (j - 0.5 * (data.getSeriesCount() - 1)) * NUDGE, snap.mean(), snap.covariance(), omega);
                else data.clear(j);
                plot.getRenderer(SOLVERS).setSeriesVisibleInLegend(j, drawn, false);
            }
            data.changed();
            String note = showExact(f, omega);
            subtitle.setText(note);
            subtitle.setVisible(!note.isEmpty());
            chart.getTitle().setText(f.hasRun() ? String.format(Locale.ROOT, "%s at t = %.2f", kind.title(), f.time()) : kind.title() + ": press Play");
        } finally {
            chart.setNotify(true);
        }
    }

    /** Series j: the counts Ω·m_s at s + offset, with Ω·√Σ_ss either side. */
    private void fill(ArrayDataset data, int j, double offset, double[] mean, double[][] cov, double omega) {
        double[] x = new double[d], y = new double[d], lo = new double[d], hi = new double[d];
        for (int s = 0; s < d; s++) {
            double sd = omega * Math.sqrt(Math.max(0, cov[s][s]));
            x[s] = s + offset;
            y[s] = omega * mean[s];
            lo[s] = y[s] - sd;
            hi[s] = y[s] + sd;
        }
        data.setBand(j, x, y, lo, hi);
    }

    /** Draws the exact profile at the time on show when the model is a first-order network; returns the subtitle. */
    private String showExact(Frame f, double omega) {
        ExactMoments m = moments(f);
        boolean on = m != null && f.time() <= m.tEnd();
        plot.getRenderer(EXACT).setSeriesVisibleInLegend(0, on, false);
        if (!on) {
            exact.clear(0);
            exact.changed();
            String why = FirstOrderNetwork.reasonNot(f.model());
            return why.isEmpty() ? "" : "no exact profile: " + why + " (exact for first-order networks only)";
        }
        double t = f.time();
        fill(exact, 0, 0, m.mean(t), m.covariance(t), omega);
        exact.changed();
        return "exact: moment equations of a first-order network";
    }

    /** The exact moments of the model on show over [0, tEnd]; the same again while neither changes. */
    private ExactMoments moments(Frame f) {
        Object[] key = {f.model(), f.tEnd()};
        if (!java.util.Arrays.equals(key, momentsKey)) {
            momentsKey = key;
            moments = f.tEnd() > 0 ? ExactMoments.of(f.model(), f.tEnd()).orElse(null) : null;
        }
        return moments;
    }

    /** New series when the run has other solvers than the last one (and the theme's looks for them). */
    private void useSolvers(List<SolverDescriptor> run) {
        if (run.equals(solvers)) return;
        solvers = List.copyOf(run);
        List<SeriesKey> keys = new ArrayList<>();
        for (SolverDescriptor s : solvers) keys.add(SeriesKey.of(s, SeriesKey.Role.MEAN, 0, s.label()));
        plot.setDataset(SOLVERS, new ArrayDataset(keys));
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
    }
}
