package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.kmlab.model.Model;
import org.kmlab.run.Ghost;
import org.kmlab.run.ModelCurves;
import org.kmlab.run.Recording;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time course, one panel per species with its own value axis (so mRNA ≈ 2 is not a flat line
 * under protein ≈ 50) and a shared time axis: a few trajectories and the mean ± 1 s.d. band of the
 * run's ensemble, every other solver's mean, the deterministic path dx/dt = A(x), and a marker at
 * the time on show. x = n/Ω units. After the species, a panel for each of the preset's observables
 * (S = S_T − C: every solver's mean cᵀm, the ensemble's band and trajectories, the deterministic
 * path, all as the same combination); the shading and a ghost are drawn on the species only.
 */
final class TimeCoursePane implements Pane {
    /** Trajectories drawn per species. */
    static final int SAMPLE_PATHS = 5;
    /** Dataset indices, in drawing order: the deterministic path at the back, the means on top. */
    static final int DETERMINISTIC = 0, PATHS = 1, BAND = 2, MEANS = 3, GHOST = 4;
    /** Pane options: P(x, t) shading behind the paths (the space–time picture), or the signed FP − CME difference. */
    static final String SHADING = "timecourse.density", DIFFERENCE = "timecourse.fpMinusCme";

    private final PaneKind kind = Panes.TIME_COURSE;
    private final ChartStyle style;
    /** The species, then the observables: a panel each. */
    private final List<String> species;
    /** Each panel's weights by species (a unit vector for a species' own panel). */
    private final int[][] weights;
    /** The number of species: panels from here on show observables. */
    private final int d;
    private final CombinedDomainXYPlot combined;
    private final List<XYPlot> plots = new ArrayList<>();
    private final List<ValueMarker> now = new ArrayList<>();
    private final List<DensityImageAnnotation> shades = new ArrayList<>();
    private final JFreeChart chart;
    private List<SolverDescriptor> solvers;
    /** The ghost whose means the panels have (null: none). */
    private Ghost ghost;
    private Model pathModel;
    private double pathTEnd = Double.NaN;

    TimeCoursePane(Model model, ChartStyle style) {
        this.style = style;
        this.species = MarginalChoice.quantities(model);
        this.d = model.speciesCount();
        int[][] observables = model.observableWeights();
        this.weights = new int[d + observables.length][];
        for (int q = 0; q < weights.length; q++) {
            weights[q] = q < d ? new int[d] : observables[q - d];
            if (q < d) weights[q][q] = 1;
        }
        combined = new CombinedDomainXYPlot(Axes.number("time t"));
        combined.setGap(10);
        for (int s = 0; s < species.size(); s++) {
            // stacked panels of three or more are short: the long label would run into its neighbours'
            NumberAxis value = Axes.number(species.size() > 2 ? species.get(s) : Axes.xLabel(species, s));
            value.setAutoRangeIncludesZero(false);
            value.setAutoRangeMinimumSize(1e-6);   // a flat line gets a readable axis, not ticks at 5E-9
            XYPlot plot = new XYPlot(null, null, value, null);
            plot.setRenderer(PATHS, new XYLineAndShapeRenderer(true, false));
            DeviationRenderer band = new DeviationRenderer(true, false);
            band.setAlpha(1f);
            plot.setRenderer(BAND, band);
            plot.setRenderer(MEANS, new XYLineAndShapeRenderer(true, false));
            plot.setRenderer(DETERMINISTIC, new XYLineAndShapeRenderer(true, false));
            plot.setRenderer(GHOST, new XYLineAndShapeRenderer(true, false));
            plot.setDataset(GHOST, new ArrayDataset(List.of()));
            plot.setDataset(DETERMINISTIC, new ArrayDataset(List.of(SeriesKey.model(SeriesKey.Role.DETERMINISTIC, s, "deterministic path"))));
            DensityImageAnnotation shade = new DensityImageAnnotation();
            plot.getRenderer(DETERMINISTIC).addAnnotation(shade, org.jfree.chart.ui.Layer.BACKGROUND);
            shades.add(shade);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            ValueMarker marker = new ValueMarker(0, style.foreground(), style.thinLine());
            plot.addDomainMarker(marker);
            now.add(marker);
            combined.add(plot, 1);
            plots.add(plot);
        }
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        style.apply(chart);
        useSolvers(List.of());
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    @Override public void show(Frame f) {
        chart.setNotify(false);
        try {
            useSolvers(f.recording() == null ? List.of() : f.recording().descriptors());
            useGhost(GhostSeries.of(f));
            drawDeterministicPath(f.model(), f.tEnd());
            combined.getDomainAxis().setRange(0, f.tEnd());
            Optional<SolverDescriptor> ensemble = f.primaryEnsemble();
            for (int s = 0; s < plots.size(); s++) {
                XYPlot plot = plots.get(s);
                now.get(s).setValue(f.time());
                ArrayDataset paths = (ArrayDataset) plot.getDataset(PATHS), band = (ArrayDataset) plot.getDataset(BAND), means = (ArrayDataset) plot.getDataset(MEANS);
                paths.clearAll();
                band.clearAll();
                if (f.hasRun() && ensemble.isPresent()) {
                    List<Snapshot> history = history(f.recording(), ensemble.get().id(), f.index());
                    fillPaths(paths, history, f.recording(), s);
                    fillBand(band, history, f.recording(), s);
                }
                for (int j = 0; j < means.getSeriesCount(); j++) {
                    SeriesKey key = (SeriesKey) means.getSeriesKey(j);
                    int q = s;
                    double[][] tm = f.hasRun() ? meanOf(f.recording(), key.solver().id(), f.index(), snap -> mean(snap, q)) : new double[][] {{}, {}};
                    if (tm[0].length == 0) means.clear(j);
                    else means.set(j, tm[0], tm[1]);
                    plot.getRenderer(MEANS).setSeriesVisibleInLegend(j, tm[0].length > 0 && s == 0, false);
                }
                if (band.getSeriesCount() > 0) plot.getRenderer(BAND).setSeriesVisibleInLegend(0, band.hasData(0) && s == 0, false);
                plot.getRenderer(DETERMINISTIC).setSeriesVisibleInLegend(0, s == 0, false);
                XYItemRenderer pr = plot.getRenderer(PATHS);
                for (int j = 0; j < paths.getSeriesCount(); j++) pr.setSeriesVisibleInLegend(j, j == 0 && s == 0 && paths.hasData(j), false);
                showGhost(f, s, plot);
                paths.changed();
                band.changed();
                means.changed();
            }
            String caption = shade(f);
            String title = f.hasRun() ? String.format(java.util.Locale.ROOT, "%s (t = %.2f)", kind.title(), f.time()) : kind.title();
            chart.getTitle().setText(caption.isEmpty() ? title : title + " · shading: " + caption);
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * The space–time shading behind each panel, when an option asks for it: P(x, t) of the solver
     * chosen ({@link ShadedSolver}), else of the master equation (else the Fokker–Planck solution,
     * else the ensemble's histogram), or FP − CME.
     * Returns what is shaded, for the title, or "".
     */
    private String shade(Frame f) {
        boolean difference = f.option(DIFFERENCE), density = f.option(SHADING) && !difference;
        String caption = "";
        for (int s = 0; s < plots.size(); s++) {
            SpaceTimeShading.Picture pic = null;
            if (s >= d) {
                shades.get(s).clear();
                continue;
            }
            if (f.hasRun() && difference) {
                pic = SpaceTimeShading.difference(f.recording(), "fp", "cme", "FP − CME", s, f.index(), style.plotBackground());
            } else if (f.hasRun() && density) {
                String id = shadedSolver(f.recording(), f.analysis(ShadedSolver.class).map(ShadedSolver::id).orElse(null));
                if (id != null) {
                    SolverDescriptor d = f.recording().descriptors().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                    pic = SpaceTimeShading.density(f.recording(), id, d.shortLabel(), s, f.index(), style.plotBackground(), style.slotColor(d.styleSlot()).darker());
                }
            }
            if (pic == null) {
                shades.get(s).clear();
            } else {
                shades.get(s).set(pic.image(), pic.t0(), pic.t1(), pic.x0(), pic.x1(), false);
                if (s == 0) caption = pic.caption();
            }
        }
        if (f.hasRun() && (difference || density) && caption.isEmpty()) caption = difference ? "needs FP and CME" : "nothing to shade";
        return caption;
    }

    /** The solver chosen if it ran, else the master equation, else FP, else the ensemble (null: none of them). */
    private static String shadedSolver(Recording rec, String chosen) {
        if (chosen != null && rec.solvers().contains(chosen)) return chosen;
        for (String id : List.of("cme", "fp")) if (rec.solvers().contains(id)) return id;
        return Frame.primaryEnsemble(rec.descriptors()).map(SolverDescriptor::id).orElse(null);
    }

    /** Series for the run's solvers: paths and band for the primary ensemble, a mean for each of the others. */
    private void useSolvers(List<SolverDescriptor> run) {
        if (run.equals(solvers)) return;
        solvers = List.copyOf(run);
        SolverDescriptor ensemble = Frame.primaryEnsemble(run).orElse(null);
        for (int s = 0; s < plots.size(); s++) {
            List<SeriesKey> pathKeys = new ArrayList<>(), bandKeys = new ArrayList<>(), meanKeys = new ArrayList<>();
            if (ensemble != null) {
                for (int j = 0; j < SAMPLE_PATHS; j++) pathKeys.add(new SeriesKey(ensemble, SeriesKey.Role.PATH, s, j, ensemble.shortLabel() + " trajectories"));
                bandKeys.add(SeriesKey.of(ensemble, SeriesKey.Role.BAND, s, ensemble.shortLabel() + " mean ± 1 s.d."));
            }
            for (SolverDescriptor d : run) if (d != ensemble) meanKeys.add(SeriesKey.of(d, SeriesKey.Role.MEAN, s, d.shortLabel() + " mean"));
            plots.get(s).setDataset(PATHS, new ArrayDataset(pathKeys));
            plots.get(s).setDataset(BAND, new ArrayDataset(bandKeys));
            plots.get(s).setDataset(MEANS, new ArrayDataset(meanKeys));
        }
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
    }

    /** A mean per solver of a pinned ghost run, on each species of the same name, or none. */
    private void useGhost(Ghost g) {
        if (java.util.Objects.equals(g, ghost)) return;
        ghost = g;
        for (int s = 0; s < plots.size(); s++) {
            boolean shared = g != null && s < d && g.speciesIndex(species.get(s)) >= 0;
            plots.get(s).setDataset(GHOST, new ArrayDataset(shared ? GhostSeries.perSolver(g, SeriesKey.Role.MEAN, s, " mean") : List.of()));
        }
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
    }

    /** The ghost's means up to the time on show (all it has if it ended earlier); in the legend on the first panel it shares. */
    private void showGhost(Frame f, int s, XYPlot plot) {
        ArrayDataset data = (ArrayDataset) plot.getDataset(GHOST);
        if (data.getSeriesCount() == 0) return;
        int gs = ghost.speciesIndex(species.get(s));
        boolean legend = true;
        for (int earlier = 0; earlier < s; earlier++) if (ghost.speciesIndex(species.get(earlier)) >= 0) legend = false;
        for (int j = 0; j < data.getSeriesCount(); j++) {
            String id = ((SeriesKey) data.getSeriesKey(j)).solver().id();
            double[][] tm = f.hasRun() ? meanOf(ghost.recording(), id, ghost.indexAt(id, f.time()), snap -> snap.mean(gs)) : new double[][] {{}, {}};
            if (tm[0].length == 0) data.clear(j);
            else data.set(j, tm[0], tm[1]);
            plot.getRenderer(GHOST).setSeriesVisibleInLegend(j, legend && tm[0].length > 0, false);
        }
        data.changed();
    }

    private void drawDeterministicPath(Model m, double tEnd) {
        if (m.equals(pathModel) && tEnd == pathTEnd) return;
        pathModel = m;
        pathTEnd = tEnd;
        int steps = 200;
        double[][] path = ModelCurves.deterministicPath(m, tEnd, steps);
        for (int s = 0; s < plots.size(); s++) {
            double[] t = new double[steps + 1], x = new double[steps + 1];
            for (int i = 0; i <= steps; i++) { t[i] = tEnd * i / steps; x[i] = value(s, path[i]); }
            ArrayDataset d = (ArrayDataset) plots.get(s).getDataset(DETERMINISTIC);
            d.set(0, t, x);
            d.changed();
        }
    }

    /** The ensemble's snapshots from index 0 to k (null where none arrived). */
    private static List<Snapshot> history(Recording rec, String solver, int k) {
        List<Snapshot> out = new ArrayList<>();
        for (int i = 0; i <= Math.min(k, rec.highestIndex(solver)); i++) out.add(rec.get(solver, i));
        return out;
    }

    /** Panel q's quantity at state x (a species' own value, or an observable's combination). */
    private double value(int q, double[] x) {
        return q < d ? x[q] : org.kmlab.model.Observable.value(weights[q], x);
    }

    /** Panel q's quantity in trajectory j of a snapshot. */
    private double sample(Snapshot snap, int j, int q) {
        if (q < d) return snap.sample(j, q);
        double v = 0;
        for (int s = 0; s < d; s++) v += weights[q][s] * snap.sample(j, s);
        return v;
    }

    private double mean(Snapshot snap, int q) { return q < d ? snap.mean(q) : org.kmlab.model.Observable.value(weights[q], snap.mean()); }

    private double variance(Snapshot snap, int q) {
        return q < d ? snap.covariance(q, q) : org.kmlab.model.Observable.variance(weights[q], snap.covariance());
    }

    private void fillPaths(ArrayDataset paths, List<Snapshot> history, Recording rec, int s) {
        for (int j = 0; j < paths.getSeriesCount(); j++) {
            int n = 0;
            for (Snapshot snap : history) if (snap != null && snap.sampleCount() > j) n++;
            double[] t = new double[n], x = new double[n];
            int i = 0;
            for (int q = 0; q < history.size(); q++) {
                Snapshot snap = history.get(q);
                if (snap != null && snap.sampleCount() > j) { t[i] = rec.time(q); x[i] = sample(snap, j, s); i++; }
            }
            paths.set(j, t, x);
        }
    }

    private void fillBand(ArrayDataset band, List<Snapshot> history, Recording rec, int s) {
        if (band.getSeriesCount() == 0) return;
        int n = (int) history.stream().filter(java.util.Objects::nonNull).count();
        double[] t = new double[n], m = new double[n], lo = new double[n], hi = new double[n];
        int i = 0;
        for (int q = 0; q < history.size(); q++) {
            Snapshot snap = history.get(q);
            if (snap == null) continue;
            t[i] = rec.time(q);
            m[i] = mean(snap, s);
            double sd = Math.sqrt(Math.max(0, variance(snap, s)));
            lo[i] = m[i] - sd;
            hi[i] = m[i] + sd;
            i++;
        }
        band.setBand(0, t, m, lo, hi);
    }

    /** A solver's mean of a quantity from output 0 to k: times and values. */
    private static double[][] meanOf(Recording rec, String solver, int k, java.util.function.ToDoubleFunction<Snapshot> quantity) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= Math.min(k, rec.highestIndex(solver)); i++) {
            Snapshot snap = rec.get(solver, i);
            if (snap != null) points.add(new double[] {rec.time(i), quantity.applyAsDouble(snap)});
        }
        double[] t = new double[points.size()], m = new double[points.size()];
        for (int i = 0; i < t.length; i++) { t[i] = points.get(i)[0]; m[i] = points.get(i)[1]; }
        return new double[][] {t, m};
    }
}
