package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.kmlab.model.Model;
import org.kmlab.model.Propensities;
import org.kmlab.run.ExactLaw;
import org.kmlab.run.Ghost;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * P(x, t) at one output time, one panel per species (its marginal, with its own axes), then one per
 * observable of the preset (the law of S = S_T − C where a solver gives it: SSA and CLE histograms,
 * the master equation's sum over states, the LNA's Gaussian; a note names the solvers that give
 * none), or one of them alone ({@link MarginalChoice}): ensemble
 * histograms as bars, lattice probabilities as points (a line once they are too many to tell
 * apart), densities and Gaussians as lines, all as densities in x = n/Ω (they integrate to 1 and
 * can be compared directly). Where a count's zero is absorbing (extinction), the probability
 * piled up there is printed rather than drawn: its spike would squash the rest of the picture.
 * A density that goes below zero (a Kramers–Moyal expansion cut after order 3 or 4: Pawula's
 * theorem) has its negative part filled in a colour of its own ({@link SeriesKey.Role#NEGATIVE})
 * and the "probability" below zero printed. When the preset declares an exact law for a species
 * ({@link ExactLaw}) it is drawn as a thin line labelled "exact" ({@link SeriesKey.Role#EXACT}) and
 * each solver's L1 distance to it is printed in a subtitle. Before a run the panels show where the
 * initial state lies.
 */
final class DistributionPane implements Pane {
    /** Above this many lattice points on show, points merge into a band: draw a line. */
    static final int MAX_POINTS = 80;
    /** Pane option: the x axis spans the cloud at the time on show instead of the whole run. */
    static final String FOLLOW_CLOUD = "distribution.followCloud";
    /** Pane option: a logarithmic probability axis, {@value #LOG_DECADES} decades down from the peak. */
    static final String LOG_SCALE = "distribution.log";
    private static final int LOG_DECADES = 8;
    private static final double CLOUD_SDS = 5;
    private static final int CLOUD_MIN_STEPS = 10;
    static final int BARS = 0, POINTS = 1, LINES = 2, NEGATIVE = 3, EXACT = 4, GHOST = 5;
    /** Points of the exact law's line across the panel. */
    private static final int EXACT_POINTS = 600;

    private final PaneKind kind = Panes.DISTRIBUTION;
    private final ChartStyle style;
    /** The species, then the model's observables: one panel each ({@link MarginalChoice#quantities}). */
    private final List<String> species;
    /** The number of species: panels from here on show observables. */
    private final int d;
    /** Each observable's weights by species. */
    private final int[][] weights;
    /** The x range of each observable's panel (the shared ranges are the species'); follows the model. */
    private final StickyRange[] observableRanges;
    private Model rangesFor;
    private final List<Panel> panels = new ArrayList<>();
    private final PanelRow row;
    private int firstShown = -1;
    private final JFreeChart chart;
    private List<SolverDescriptor> solvers = List.of();
    /** The ghost whose series the panels have (null: none). */
    private Ghost ghost;
    private Model absorbingFor;
    private boolean[] absorbing;
    private final TextTitle exactTitle;
    /**
     * The panels' notes (the probability at an absorbing zero, negative parts, a solver without a
     * law of an observable) in a line under the title: inside a figure's short plots a note covered
     * the curves.
     */
    private final TextTitle notesTitle;
    private final ErrorWarning errorWarning;
    /** The last exact laws, by species, and what they were made for (model, time, range). */
    private final ExactLaw[] laws;
    private final Object[][] lawKeys;

    /** The ID of the notes' subtitle (tests find it by it). */
    static final String NOTES_ID = "notes";
    /** Joins the parts of a note that must not be split when the line wraps ("P(A = 0):", "SSA 0.986"). */
    static final String NO_BREAK = "\u00A0";

    private record Panel(XYPlot plot, ValueMarker initial, NumberAxis linearY, LogAxis logY) {}

    DistributionPane(Model model, ChartStyle style) {
        this.style = style;
        this.species = MarginalChoice.quantities(model);
        this.d = model.speciesCount();
        this.weights = model.observableWeights();
        this.observableRanges = new StickyRange[weights.length];
        for (int k = 0; k < weights.length; k++) observableRanges[k] = new StickyRange();
        List<XYPlot> plots = new ArrayList<>();
        for (int s = 0; s < species.size(); s++) {
            NumberAxis x = Axes.number(Axes.xLabel(species, s));
            x.setAutoRangeIncludesZero(false);
            NumberAxis y = Axes.number("");
            y.setAutoRangeIncludesZero(true);
            XYPlot plot = new XYPlot(null, x, y, null);
            plot.setRenderer(BARS, bars());
            plot.setRenderer(POINTS, new XYLineAndShapeRenderer(false, true));
            plot.setRenderer(LINES, new XYLineAndShapeRenderer(true, false));
            plot.setRenderer(NEGATIVE, bars());
            plot.setRenderer(EXACT, new XYLineAndShapeRenderer(true, false));
            plot.setDataset(EXACT, new ArrayDataset(List.of(SeriesKey.model(SeriesKey.Role.EXACT, s, "exact"))));
            plot.setRenderer(GHOST, new XYLineAndShapeRenderer(true, false));
            plot.setDataset(GHOST, new ArrayDataset(List.of()));
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);   // bars at the back, then points, then lines: nothing hides a curve
            ValueMarker initial = new ValueMarker(0, style.foreground(), ChartLooks.stroke(style.lineWidth() * 0.5f, Looks.DASHED, style.lineWidth()));
            initial.setLabel("initial state");
            initial.setLabelFont(style.tickFont());
            initial.setLabelPaint(style.foreground());
            initial.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            initial.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            plots.add(plot);
            LogAxis logY = new LogAxis(y.getLabel());
            logY.setSmallestValue(1e-300);
            logY.setBaseSymbol("10");   // ticks written 10⁻⁴, not 1E-4
            panels.add(new Panel(plot, initial, y, logY));
        }
        row = plots.size() == 1 ? null : new PanelRow(plots, 14);
        Plot root = row == null ? plots.get(0) : row;
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, root, true);
        exactTitle = new TextTitle("", style.tickFont(), style.foreground(), org.jfree.chart.ui.RectangleEdge.TOP,
                org.jfree.chart.ui.HorizontalAlignment.CENTER, org.jfree.chart.ui.VerticalAlignment.TOP, new org.jfree.chart.ui.RectangleInsets(0, 4, 2, 4));
        exactTitle.setVisible(false);
        chart.addSubtitle(exactTitle);
        notesTitle = new TextTitle("", style.tickFont(), style.foreground(), org.jfree.chart.ui.RectangleEdge.TOP,
                org.jfree.chart.ui.HorizontalAlignment.CENTER, org.jfree.chart.ui.VerticalAlignment.TOP, new org.jfree.chart.ui.RectangleInsets(0, 4, 2, 4));
        notesTitle.setID(NOTES_ID);
        notesTitle.setVisible(false);
        chart.addSubtitle(notesTitle);
        errorWarning = new ErrorWarning(chart, style);
        laws = new ExactLaw[species.size()];
        lawKeys = new Object[species.size()][];
        boolean[] all = new boolean[species.size()];
        java.util.Arrays.fill(all, true);
        useFirstShown(all);
        style.apply(chart);
    }

    private static XYBarRenderer bars() {
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        return r;
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    /** The error warning under the title as shown (empty when none), for tests. */
    String errorWarning() { return errorWarning.shown(); }

    @Override public void show(Frame f) {
        chart.setNotify(false);
        try {
            if (f.recording() != null) useSolvers(f.recording().descriptors());
            useGhost(GhostSeries.of(f));
            findAbsorbingZeros(f.model());
            followObservableRanges(f);
            boolean[] shown = f.analysis(MarginalChoice.class).orElse(MarginalChoice.ALL).shown(f.model());
            if (row != null) row.setShown(shown);
            useFirstShown(shown);
            List<String> distances = new ArrayList<>(), notes = new ArrayList<>();
            for (int s = 0; s < panels.size(); s++) if (shown[s]) showPanel(f, s, distances, notes);
            exactTitle.setText(String.join("   ", distances));
            exactTitle.setVisible(!distances.isEmpty());
            notesTitle.setText(String.join("   ", notes));
            notesTitle.setVisible(!notes.isEmpty());
            errorWarning.show(f);
            chart.getTitle().setText(f.hasRun() ? String.format(Locale.ROOT, "%s at t = %.2f", kind.title(), f.time())
                    : kind.title() + ": press Play");
        } finally {
            chart.setNotify(true);
        }
    }

    /** The first panel drawn carries the legend and the probability axis' label. */
    private void useFirstShown(boolean[] shown) {
        int first = 0;
        while (first < shown.length - 1 && !shown[first]) first++;
        if (first == firstShown) return;
        firstShown = first;
        for (int s = 0; s < panels.size(); s++) {
            String label = s == first ? "density P(x, t)" : "";   // short: a single-column figure's plot is barely taller than this
            panels.get(s).linearY().setLabel(label);
            panels.get(s).logY().setLabel(label);
        }
    }

    /** The observables' ranges start afresh for a new model (or new values), as the species' do. */
    private void followObservableRanges(Frame f) {
        if (!f.model().equals(rangesFor)) {
            rangesFor = f.model();
            for (StickyRange r : observableRanges) r.reset();
        }
        if (!f.hasRun()) return;
        for (String id : f.recording().solvers()) {
            Snapshot snap = f.snapshot(id);
            if (snap == null) continue;
            for (int k = 0; k < weights.length; k++) {
                Density1D law = snap.marginal(d + k);
                double[] sup = law == null ? null : Series.support(law, 1e-3);
                if (sup != null) observableRanges[k].include(sup[0], sup[1]);
            }
        }
    }

    /** The x range panel q shares: a species' from the frame, an observable's own (around its initial value before any data). */
    private double[] range(Frame f, int q) {
        if (q < d) return f.ranges()[q];
        StickyRange r = observableRanges[q - d];
        if (r.isEmpty()) {
            double x0 = org.kmlab.model.Observable.value(weights[q - d], f.model().initialX());
            return new double[] {x0 - 1, x0 + 1};
        }
        org.jfree.data.Range padded = r.padded(0.03, 1e-9);
        return new double[] {padded.getLowerBound(), padded.getUpperBound()};
    }

    /** The mean of quantity q in a snapshot (an observable's from the species' means: it is linear). */
    private double mean(Snapshot snap, int q) {
        return q < d ? snap.mean(q) : org.kmlab.model.Observable.value(weights[q - d], snap.mean());
    }

    private double variance(Snapshot snap, int q) {
        return q < d ? snap.covariance(q, q) : org.kmlab.model.Observable.variance(weights[q - d], snap.covariance());
    }

    /** New series when the run has other solvers than the last one (and the theme's looks for them). */
    private void useSolvers(List<SolverDescriptor> run) {
        if (run.equals(solvers)) return;
        solvers = List.copyOf(run);
        for (int s = 0; s < panels.size(); s++) {
            XYPlot plot = panels.get(s).plot();
            plot.setDataset(BARS, dataset(s, SolverDescriptor.Output.SAMPLES));
            plot.setDataset(POINTS, dataset(s, SolverDescriptor.Output.LATTICE));
            plot.setDataset(LINES, datasetOf(s, List.of(SolverDescriptor.Output.DENSITY, SolverDescriptor.Output.GAUSSIAN)));
            List<SeriesKey> below = new ArrayList<>();
            for (SolverDescriptor d : solvers) {
                if (d.output() == SolverDescriptor.Output.DENSITY) below.add(SeriesKey.of(d, SeriesKey.Role.NEGATIVE, s, d.shortLabel() + ": P < 0"));
            }
            plot.setDataset(NEGATIVE, new ArrayDataset(below));
        }
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
    }

    /** Series for a pinned ghost run (dimmed densities of each of its solvers on each species of the same name), or none. */
    private void useGhost(Ghost g) {
        if (java.util.Objects.equals(g, ghost)) return;
        ghost = g;
        for (int s = 0; s < panels.size(); s++) {
            boolean shared = g != null && s < d && g.speciesIndex(species.get(s)) >= 0;
            panels.get(s).plot().setDataset(GHOST, new ArrayDataset(shared ? GhostSeries.perSolver(g, SeriesKey.Role.DENSITY, s, "") : List.of()));
        }
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
    }

    /**
     * Fills the ghost's densities of species s at the time on show (its nearest recorded time, or
     * its last one if it ended earlier); returns their highest density (0 when none). In the legend
     * once: on the first panel whose species the ghost has.
     */
    private double showGhost(Frame f, int s, XYPlot plot) {
        ArrayDataset data = (ArrayDataset) plot.getDataset(GHOST);
        if (data.getSeriesCount() == 0) return 0;
        int gs = ghost.speciesIndex(species.get(s));
        boolean legend = true;
        for (int earlier = firstShown; earlier < s; earlier++) if (ghost.speciesIndex(species.get(earlier)) >= 0) legend = false;
        double top = 0;
        for (int j = 0; j < data.getSeriesCount(); j++) {
            SolverDescriptor d = ((SeriesKey) data.getSeriesKey(j)).solver();
            Snapshot snap = ghost.at(d.id(), f.time());
            Density1D density = snap == null ? null : snap.marginal(gs);
            if (density == null || density.size() == 0) {
                data.clear(j);
                plot.getRenderer(GHOST).setSeriesVisibleInLegend(j, false, false);
                continue;
            }
            double[][] line = GhostSeries.line(density, d.output());
            data.set(j, line[0], line[1]);
            for (double y : line[1]) top = Math.max(top, y);
            plot.getRenderer(GHOST).setSeriesVisibleInLegend(j, legend, false);
        }
        data.changed();
        return top;
    }

    /**
     * The x range of the cloud at the time on show: every solver's mean ± {@value #CLOUD_SDS} s.d.,
     * at least {@value #CLOUD_MIN_STEPS} lattice steps wide, inside the whole run's range. At large
     * Ω the run's range is many cloud widths, and its shape would be a spike at one end.
     */
    private double[] cloudRange(Frame f, int s) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (String id : f.recording().solvers()) {
            Snapshot snap = f.snapshot(id);
            if (snap == null || !Double.isFinite(mean(snap, s))) continue;
            double sd = Math.sqrt(Math.max(0, variance(snap, s)));
            lo = Math.min(lo, mean(snap, s) - CLOUD_SDS * sd);
            hi = Math.max(hi, mean(snap, s) + CLOUD_SDS * sd);
        }
        double[] all = range(f, s);
        if (!(hi >= lo)) return all;
        double minWidth = CLOUD_MIN_STEPS / f.model().size();
        if (hi - lo < minWidth) {
            double mid = 0.5 * (lo + hi);
            lo = mid - 0.5 * minWidth;
            hi = mid + 0.5 * minWidth;
        }
        return new double[] {Math.max(all[0], lo), Math.min(all[1], hi)};
    }

    private ArrayDataset dataset(int species, SolverDescriptor.Output output) { return datasetOf(species, List.of(output)); }

    private ArrayDataset datasetOf(int species, List<SolverDescriptor.Output> outputs) {
        List<SeriesKey> keys = new ArrayList<>();
        for (SolverDescriptor d : solvers) if (outputs.contains(d.output())) keys.add(SeriesKey.of(d, SeriesKey.Role.DENSITY, species, d.label()));
        return new ArrayDataset(keys);
    }

    private void showPanel(Frame f, int s, List<String> distances, List<String> notes) {
        Panel p = panels.get(s);
        XYPlot plot = p.plot();
        double[] range = f.option(FOLLOW_CLOUD) && f.hasRun() ? cloudRange(f, s) : range(f, s);
        double lo = range[0], hi = range[1];
        plot.getDomainAxis().setRange(lo, hi);
        plot.removeDomainMarker(p.initial());
        if (!f.hasRun()) {
            for (int i = 0; i < plot.getDatasetCount(); i++) if (plot.getDataset(i) instanceof ArrayDataset d) { d.clearAll(); d.changed(); }
            double[] x0 = f.model().initialX();
            double start = s < d ? x0[s] : org.kmlab.model.Observable.value(weights[s - d], x0);
            p.initial().setValue(start);
            // the label reads away from the nearer edge: at the right end of the axis it ran off the plot ("in")
            boolean rightHalf = start > 0.5 * (lo + hi);
            p.initial().setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            p.initial().setLabelTextAnchor(rightHalf ? org.jfree.chart.ui.TextAnchor.TOP_RIGHT : org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            plot.addDomainMarker(p.initial());
            plot.getRangeAxis().setRange(0, 1);
            return;
        }
        double h = 1 / f.model().size();
        double top = 0;
        StringBuilder atoms = new StringBuilder();
        List<String> lawless = new ArrayList<>();
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (i == NEGATIVE || i == EXACT || i == GHOST || !(plot.getDataset(i) instanceof ArrayDataset data)) continue;
            XYItemRenderer r = plot.getRenderer(i);
            for (int j = 0; j < data.getSeriesCount(); j++) {
                SeriesKey key = (SeriesKey) data.getSeriesKey(j);
                Snapshot snap = f.snapshot(key.solver().id());
                Density1D d = snap == null ? null : snap.marginal(s);
                if (d == null || d.size() == 0) {
                    data.clear(j);
                    r.setSeriesVisibleInLegend(j, false, false);
                    if (snap != null && s >= this.d) lawless.add(key.solver().shortLabel());
                    continue;
                }
                double zeroMass = 0;
                for (int c = 0; c < d.size(); c++) {
                    if (s < this.d && absorbing[s] && d.x(c) - 0.5 * d.dx() < 0.5 * h) zeroMass += d.density(c) * d.dx();
                    else top = Math.max(top, d.density(c));
                }
                if (zeroMass > 1e-3) {
                    atoms.append(atoms.length() > 0 ? " · " : " ").append(key.solver().shortLabel()).append(String.format(Locale.ROOT, NO_BREAK + "%.3f", zeroMass));
                }
                fill(data, j, d, i, lo, hi);
                if (i == POINTS && r instanceof XYLineAndShapeRenderer lines) {
                    boolean dense = countIn(d, lo, hi) > MAX_POINTS;
                    lines.setSeriesShapesVisible(j, !dense);
                    lines.setSeriesLinesVisible(j, dense);
                }
                r.setSeriesVisibleInLegend(j, s == firstShown, false);
            }
            data.changed();
        }
        top = Math.max(top, showExact(f, s, plot, lo, hi, distances));
        top = Math.max(top, showGhost(f, s, plot));
        StringBuilder negative = new StringBuilder();
        double bottom = showNegativeParts(f, s, plot, negative);
        if (top > 0 && bottom < 0) bottom = Math.min(bottom, -0.02 * top);   // room to see where it is, however small
        boolean log = f.option(LOG_SCALE);
        ValueAxis yAxis = log ? p.logY() : p.linearY();
        if (plot.getRangeAxis() != yAxis) {
            plot.setRangeAxis(yAxis);
            style.apply(chart);   // the axis just put in gets the theme's fonts and colours
        }
        double base = 0;
        if (log) {   // the tails, where the approximations part: LOG_DECADES below the peak
            double peak = top > 0 ? top : 1;
            base = peak * Math.pow(10, -LOG_DECADES);
            yAxis.setRange(base, 2 * peak);
        } else {
            yAxis.setRange(bottom, top > 0 ? 1.08 * top : 1);
        }
        for (int i : new int[] {BARS, NEGATIVE}) if (plot.getRenderer(i) instanceof XYBarRenderer b) b.setBase(base);
        if (atoms.length() > 0) notes.add("P(" + species.get(s) + NO_BREAK + "=" + NO_BREAK + "0):" + atoms);
        if (negative.length() > 0) notes.add("P < 0 (Pawula): " + negative);
        if (!lawless.isEmpty()) notes.add(String.join(", ", lawless) + ": no law of " + species.get(s) + " (only its species' marginals)");
    }

    /**
     * Draws species s's exact law (if the model declares one at the time on show) across [lo, hi]
     * and adds "L1 to exact: CME 0.001 · FP 0.003" (or why the law cannot be used) to
     * {@code distances}. Returns the line's highest density (0 when none is drawn).
     */
    private double showExact(Frame f, int s, XYPlot plot, double lo, double hi, List<String> distances) {
        ArrayDataset data = (ArrayDataset) plot.getDataset(EXACT);
        ExactLaw law = exactLaw(f, s);
        plot.getRenderer(EXACT).setSeriesVisibleInLegend(0, law != null && law.valid() && s == firstShown, false);
        if (law == null || !law.valid()) {
            data.clear(0);
            data.changed();
            if (law != null) distances.add(law.problem());
            return 0;
        }
        double[] x = new double[EXACT_POINTS], y = new double[EXACT_POINTS];
        double top = 0;
        for (int i = 0; i < EXACT_POINTS; i++) {
            x[i] = lo + (hi - lo) * i / (EXACT_POINTS - 1);
            y[i] = law.density(x[i]);
            top = Math.max(top, y[i]);
        }
        data.set(0, x, y);
        data.changed();
        StringBuilder text = new StringBuilder(species.size() > 1 ? species.get(s) + ": " : "").append("L1 to exact (").append(law.kind()).append("):");
        boolean any = false;
        for (SolverDescriptor d : solvers) {
            Snapshot snap = f.snapshot(d.id());
            double l1 = snap == null ? Double.NaN : law.l1(snap.marginal(s), d.output() == SolverDescriptor.Output.LATTICE);
            if (!Double.isFinite(l1)) continue;
            text.append(any ? " · " : " ").append(d.shortLabel()).append(String.format(Locale.ROOT, NO_BREAK + "%.2g", l1));
            any = true;
        }
        if (any) distances.add(text.toString());
        return top;
    }

    /** The exact law of species s at the time on show over the run's range; the last one again when nothing changed. */
    private ExactLaw exactLaw(Frame f, int s) {
        if (s >= d || f.model().exact().isEmpty() || !f.model().exact().covers(species.get(s))) return null;
        double[] range = ExactLaw.range(f.recording(), s);
        if (range == null) return null;
        Object[] key = {f.model(), f.time(), range[0], range[1]};
        if (!java.util.Arrays.equals(key, lawKeys[s])) {
            laws[s] = ExactLaw.of(f.model(), s, f.time(), range[0], range[1]).orElse(null);
            lawKeys[s] = key;
        }
        return laws[s];
    }

    /**
     * Fills the negative-part series: the cells where a solver's density is below zero, as bars
     * down from zero; appends each solver's mass there (Σ max(0, −P)·dx) to {@code text}. Returns
     * 1.08 × the lowest density, or 0 when none is negative.
     */
    private double showNegativeParts(Frame f, int s, XYPlot plot, StringBuilder text) {
        if (!(plot.getDataset(NEGATIVE) instanceof ArrayDataset data)) return 0;
        double bottom = 0;
        for (int j = 0; j < data.getSeriesCount(); j++) {
            SeriesKey key = (SeriesKey) data.getSeriesKey(j);
            Snapshot snap = f.snapshot(key.solver().id());
            Density1D d = snap == null ? null : snap.marginal(s);
            int count = 0;
            double mass = 0;
            if (d != null) for (int c = 0; c < d.size(); c++) if (d.density(c) < 0) { count++; mass -= d.density(c) * d.dx(); }
            plot.getRenderer(NEGATIVE).setSeriesVisibleInLegend(j, count > 0 && s == firstShown, false);
            if (count == 0) {
                data.clear(j);
                continue;
            }
            double[] x = new double[count], y = new double[count];
            for (int c = 0, k = 0; c < d.size(); c++) {
                if (d.density(c) < 0) { x[k] = d.x(c); y[k++] = d.density(c); bottom = Math.min(bottom, 1.08 * d.density(c)); }
            }
            data.setBars(j, x, y, d.dx() / 2);
            text.append(text.length() == 0 ? "" : " · ").append(key.solver().shortLabel()).append(String.format(Locale.ROOT, NO_BREAK + "%.2g", mass));
        }
        data.changed();
        return bottom;
    }

    /** Fills series j with the density; lattice points outside its support are left out (no row of zeros along the axis). */
    private static void fill(ArrayDataset data, int j, Density1D d, int category, double lo, double hi) {
        double max = 0;
        for (int c = 0; c < d.size(); c++) max = Math.max(max, d.density(c));
        int from = 0, to = d.size();
        if (category == POINTS) {
            while (from < to && d.density(from) <= 1e-9 * max) from++;
            while (to > from && d.density(to - 1) <= 1e-9 * max) to--;
        }
        double[] x = new double[to - from], y = new double[to - from];
        for (int c = from; c < to; c++) { x[c - from] = d.x(c); y[c - from] = d.density(c); }
        if (category == BARS) data.setBars(j, x, y, d.dx() / 2);
        else data.set(j, x, y);
    }

    private static int countIn(Density1D d, double lo, double hi) {
        double max = 0;
        for (int c = 0; c < d.size(); c++) max = Math.max(max, d.density(c));
        int n = 0;
        for (int c = 0; c < d.size(); c++) if (d.x(c) >= lo && d.x(c) <= hi && d.density(c) > 1e-9 * max) n++;
        return n;
    }

    /**
     * For each count species: is n = 0 absorbing, i.e. does no reaction that changes it fire there
     * (the other species at their initial counts)? Then probability collects in that one state.
     */
    private void findAbsorbingZeros(Model m) {
        if (m.equals(absorbingFor)) return;
        absorbingFor = m;
        absorbing = new boolean[m.speciesCount()];
        Propensities a = m.propensities();
        for (int s = 0; s < absorbing.length; s++) {
            if (m.species().get(s).signed()) continue;
            double[] env = a.newEnvironment();
            env[s] = 0;
            boolean stuck = true;
            for (int r = 0; r < a.size() && stuck; r++) {
                if (a.jump(r, s) != 0 && a.propensity(r, env) > 0) stuck = false;
            }
            absorbing[s] = stuck;
        }
    }
}
