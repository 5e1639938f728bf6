package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.kmlab.model.Model;
import org.kmlab.run.Ghost;
import org.kmlab.run.ModelCurves;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The probability cloud of two species (the first two unless {@link CloudAxes} chooses others) in
 * the (x, y) plane: the joint density as one
 * heat-map image (the best exact or continuous joint density of the run: the master equation's,
 * else Fokker–Planck's, else the ensemble's joint histogram, else a histogram of its kept states;
 * the subtitle names the source), the ensemble's states as small translucent dots, each Gaussian
 * solver's 1σ and 2σ ellipses, and the deterministic path dx/dt = A(x) with a dot at the time on
 * show. Lattice densities are drawn cell by cell (no smoothing across a coarse lattice), continuous
 * ones smoothly. x = X/Ω, y = Y/Ω. With {@link #TRAIL} on, the cloud at a few earlier output
 * times stays behind, fading ({@link TrailAnnotation}).
 */
final class CloudPane implements Pane {
    private static final int BINS = 64, ELLIPSE_POINTS = 121, PATH_STEPS = 400;
    private static final int DOTS = 0, PATH = 1, ELLIPSES = 2, GHOST = 3;
    /** Option: leave a fading trail of the cloud at earlier output times. */
    static final String TRAIL = "cloud.trail";
    /** Earlier times in the trail, and about how many output times the whole trail spans of a run's. */
    private static final int TRAIL_STEPS = 6, TRAIL_SPAN_FRACTION = 4;

    private final PaneKind kind = Panes.CLOUD;
    private final ChartStyle style;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final TextTitle densitySource = new TextTitle("");
    private final ErrorWarning errorWarning;
    private final DensityImageAnnotation heat = new DensityImageAnnotation();
    private final TrailAnnotation trail = new TrailAnnotation();
    private CloudAxes axes = CloudAxes.FIRST_TWO;
    private final StickyRange xRange = new StickyRange(), yRange = new StickyRange();
    private List<SolverDescriptor> solvers;
    /** The ghost whose ellipse the plot has (null: none), and the names of the species on the axes it was matched to. */
    private Ghost ghost;
    private List<String> ghostNames = List.of();
    private double[][] deterministic = new double[0][];
    private Model pathModel;
    private double pathTEnd = Double.NaN;

    CloudPane(Model model, ChartStyle style) {
        this.style = style;
        NumberAxis x = Axes.number(axisLabel("x", model, axes.x()));
        NumberAxis y = Axes.number(axisLabel("y", model, axes.y()));
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(null, x, y, new XYDotRenderer());
        plot.setRenderer(PATH, new XYLineAndShapeRenderer(true, false));
        plot.setDataset(PATH, new ArrayDataset(List.of(SeriesKey.model(SeriesKey.Role.DETERMINISTIC, 0, "deterministic path"),
                SeriesKey.model(SeriesKey.Role.NOW, 0, "now"))));
        plot.setRenderer(ELLIPSES, new XYLineAndShapeRenderer(true, false));
        plot.setRenderer(GHOST, new XYLineAndShapeRenderer(true, false));
        plot.setDataset(GHOST, new ArrayDataset(List.of()));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.getRenderer().addAnnotation(heat, org.jfree.chart.ui.Layer.BACKGROUND);
        plot.getRenderer().addAnnotation(trail, org.jfree.chart.ui.Layer.BACKGROUND);
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style.apply(chart);
        densitySource.setFont(style.tickFont());
        densitySource.setPaint(style.foreground());
        chart.addSubtitle(0, densitySource);
        errorWarning = new ErrorWarning(chart, style);
        useSolvers(List.of());
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    /** The error warning under the title as shown (empty when none), for tests. */
    String errorWarning() { return errorWarning.shown(); }

    @Override public void show(Frame f) {
        chart.setNotify(false);
        try {
            useSolvers(f.recording() == null ? List.of() : f.recording().descriptors());
            useAxes(f.model(), f.analysis(CloudAxes.class).orElse(CloudAxes.FIRST_TWO).within(f.model().speciesCount()));
            drawDeterministicPath(f.model(), f.tEnd());
            ArrayDataset dots = (ArrayDataset) plot.getDataset(DOTS);
            Optional<SolverDescriptor> ensemble = f.primaryEnsemble();
            Snapshot states = ensemble.map(d -> f.snapshot(d.id())).orElse(null);
            int n = states == null ? 0 : states.sampleCount();
            double[] xs = new double[n], ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = states.sample(i, axes.x());
                ys[i] = states.sample(i, axes.y());
                xRange.include(xs[i], xs[i]);
                yRange.include(ys[i], ys[i]);
            }
            if (dots.getSeriesCount() > 0) dots.set(0, xs, ys);
            plot.getRenderer(DOTS).setSeriesVisibleInLegend(0, n > 0, false);
            org.jfree.data.Range rx = xRange.padded(0.04, 1e-6), ry = yRange.padded(0.04, 1e-6);
            plot.getDomainAxis().setRange(rx, true, false);
            plot.getRangeAxis().setRange(ry, true, false);
            drawDensity(f, xs, ys, rx, ry);
            drawEllipses(f);
            useGhost(GhostSeries.of(f), f.model());
            drawGhost(f);
            drawTrail(f);
            errorWarning.show(f);
            ArrayDataset path = (ArrayDataset) plot.getDataset(PATH);
            if (deterministic.length > 0) {
                int i = (int) Math.round(Math.min(1, f.time() / pathTEnd) * (deterministic.length - 1));
                path.set(1, new double[] {deterministic[i][axes.x()]}, new double[] {deterministic[i][axes.y()]});
            }
            plot.getRenderer(PATH).setSeriesVisibleInLegend(1, false, false);
            chart.getTitle().setText(f.hasRun() ? String.format(Locale.ROOT, "%s at t = %.2f", kind.title(), f.time()) : kind.title());
            dots.changed();
            path.changed();
            ((ArrayDataset) plot.getDataset(ELLIPSES)).changed();
            ((ArrayDataset) plot.getDataset(GHOST)).changed();
        } finally {
            chart.setNotify(true);
        }
    }

    private void useSolvers(List<SolverDescriptor> run) {
        if (run.equals(solvers)) return;
        solvers = List.copyOf(run);
        List<SeriesKey> dotKeys = new ArrayList<>(), ellipseKeys = new ArrayList<>();
        Frame.primaryEnsemble(run).ifPresent(e -> dotKeys.add(SeriesKey.of(e, SeriesKey.Role.STATES, 0, e.shortLabel() + " trajectories")));
        for (SolverDescriptor d : run) {
            if (d.output() != SolverDescriptor.Output.GAUSSIAN) continue;
            ellipseKeys.add(SeriesKey.of(d, SeriesKey.Role.ELLIPSE_1SD, 0, d.shortLabel() + " 1σ, 2σ"));
            ellipseKeys.add(SeriesKey.of(d, SeriesKey.Role.ELLIPSE_2SD, 0, d.shortLabel() + " 2σ"));
        }
        plot.setDataset(DOTS, new ArrayDataset(dotKeys));
        plot.setDataset(ELLIPSES, new ArrayDataset(ellipseKeys));
        ChartLooks.apply(chart, style, style.lineWidth(), Math.max(4, 3 * style.lineWidth()), style.plotBackground());
        XYLineAndShapeRenderer path = (XYLineAndShapeRenderer) plot.getRenderer(PATH);
        path.setSeriesShapesVisible(0, false);
        path.setSeriesLinesVisible(1, false);
        path.setSeriesShapesVisible(1, true);
        double r = 8 + 3 * style.lineWidth();
        path.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-r / 2, -r / 2, r, r));
    }

    private void drawDeterministicPath(Model m, double tEnd) {
        if (m.equals(pathModel) && tEnd == pathTEnd) return;
        pathModel = m;
        pathTEnd = tEnd;
        deterministic = ModelCurves.deterministicPath(m, tEnd, PATH_STEPS);
        xRange.reset();
        yRange.reset();
        double[] xs = new double[deterministic.length], ys = new double[deterministic.length];
        for (int i = 0; i < deterministic.length; i++) {
            xs[i] = deterministic[i][axes.x()];
            ys[i] = deterministic[i][axes.y()];
            xRange.include(xs[i], xs[i]);
            yRange.include(ys[i], ys[i]);
        }
        ((ArrayDataset) plot.getDataset(PATH)).set(0, xs, ys);
    }

    /** Each Gaussian solver's 1σ and 2σ ellipses around its mean. */
    private void drawEllipses(Frame f) {
        ArrayDataset ellipses = (ArrayDataset) plot.getDataset(ELLIPSES);
        for (int j = 0; j < ellipses.getSeriesCount(); j++) {
            SeriesKey key = (SeriesKey) ellipses.getSeriesKey(j);
            Snapshot g = f.snapshot(key.solver().id());
            boolean shown = g != null && g.dimension() >= 2;
            plot.getRenderer(ELLIPSES).setSeriesVisibleInLegend(j, shown && key.role() == SeriesKey.Role.ELLIPSE_1SD, false);
            if (!shown) { ellipses.clear(j); continue; }
            double[][] e = ellipse(g, key.role() == SeriesKey.Role.ELLIPSE_1SD ? 1 : 2);
            ellipses.set(j, e[0], e[1]);
        }
    }

    /**
     * A pinned ghost's 1σ ellipse (of its exact reference, else its first solver) when it has both
     * species on the axes (by name); new series for another ghost or another pair of axes.
     */
    private void useGhost(Ghost g, Model m) {
        List<String> onAxes = List.of(m.species().get(axes.x()).name(), m.species().get(axes.y()).name());
        if (java.util.Objects.equals(g, ghost) && onAxes.equals(ghostNames)) return;
        ghost = g;
        ghostNames = onAxes;
        List<SeriesKey> keys = new ArrayList<>();
        if (g != null && g.speciesIndex(onAxes.get(0)) >= 0 && g.speciesIndex(onAxes.get(1)) >= 0 && !g.recording().descriptors().isEmpty()) {
            SolverDescriptor d = SolverRegistry.bestReference(g.recording().descriptors()).orElse(g.recording().descriptors().get(0));
            keys.add(SeriesKey.of(d, SeriesKey.Role.ELLIPSE_1SD, 0, "").asGhost(GhostSeries.legend(d.shortLabel() + " 1σ", g)));
        }
        plot.setDataset(GHOST, new ArrayDataset(keys));
        ChartLooks.apply(chart, style, style.lineWidth(), Math.max(4, 3 * style.lineWidth()), style.plotBackground());
    }

    /** The ghost's 1σ ellipse at the time on show (its nearest recorded time, or its last). */
    private void drawGhost(Frame f) {
        ArrayDataset data = (ArrayDataset) plot.getDataset(GHOST);
        if (data.getSeriesCount() == 0) return;
        Snapshot g = f.hasRun() ? ghost.at(((SeriesKey) data.getSeriesKey(0)).solver().id(), f.time()) : null;
        int a = ghost.speciesIndex(ghostNames.get(0)), b = ghost.speciesIndex(ghostNames.get(1));
        boolean shown = g != null && Double.isFinite(g.mean(a)) && Double.isFinite(g.mean(b));
        plot.getRenderer(GHOST).setSeriesVisibleInLegend(0, shown, false);
        if (!shown) { data.clear(0); return; }
        double[][] cov = {{g.covariance(a, a), g.covariance(a, b)}, {g.covariance(b, a), g.covariance(b, b)}};
        double[][] e = CovarianceEllipse.points(new double[] {g.mean(a), g.mean(b)}, cov, 1, ELLIPSE_POINTS);
        data.set(0, e[0], e[1]);
    }

    /** The k-σ ellipse of a snapshot's Gaussian in the two species on show, as {xs, ys}. */
    private double[][] ellipse(Snapshot g, int k) {
        int a = axes.x(), b = axes.y();
        double[][] cov = {{g.covariance(a, a), g.covariance(a, b)}, {g.covariance(b, a), g.covariance(b, b)}};
        return CovarianceEllipse.points(new double[] {g.mean(a), g.mean(b)}, cov, k, ELLIPSE_POINTS);
    }

    /** Chooses the two species on show; another pair relabels the axes and redraws the path and ranges. */
    private void useAxes(Model m, CloudAxes next) {
        if (next.equals(axes)) return;
        axes = next;
        plot.getDomainAxis().setLabel(axisLabel("x", m, axes.x()));
        plot.getRangeAxis().setLabel(axisLabel("y", m, axes.y()));
        pathModel = null;   // the path is drawn in the new pair
    }

    private static String axisLabel(String axis, Model m, int s) { return axis + " = " + m.species().get(s).name() + "/Ω"; }

    /**
     * With {@link #TRAIL} on: the ensemble's states and each Gaussian solver's 1σ ellipse at up to
     * {@link #TRAIL_STEPS} earlier output times, spaced so the trail spans about a
     * 1/{@link #TRAIL_SPAN_FRACTION} of the run's outputs.
     */
    private void drawTrail(Frame f) {
        if (!f.option(TRAIL) || !f.hasRun()) { trail.clear(); return; }
        int stride = Math.max(1, f.recording().timeCount() / (TRAIL_STEPS * TRAIL_SPAN_FRACTION));
        Optional<SolverDescriptor> ensemble = f.primaryEnsemble();
        List<SolverDescriptor> gaussians = f.recording().descriptors().stream()
                .filter(d -> d.output() == SolverDescriptor.Output.GAUSSIAN).toList();
        List<TrailAnnotation.Step> steps = new ArrayList<>();
        for (int k = TRAIL_STEPS; k >= 1; k--) {
            int i = f.index() - k * stride;
            if (i < 0) continue;
            Snapshot states = ensemble.map(d -> f.recording().get(d.id(), i)).orElse(null);
            int n = states == null ? 0 : states.sampleCount();
            double[][] xy = new double[2][n];
            for (int j = 0; j < n; j++) {
                xy[0][j] = states.sample(j, axes.x());
                xy[1][j] = states.sample(j, axes.y());
            }
            List<double[][]> rings = new ArrayList<>();
            for (SolverDescriptor d : gaussians) {
                Snapshot g = f.recording().get(d.id(), i);
                if (g != null && g.dimension() >= 2) rings.add(ellipse(g, 1));
            }
            steps.add(new TrailAnnotation.Step(xy, rings));
        }
        Color dots = ensemble.map(d -> style.lookOf(SeriesKey.of(d, SeriesKey.Role.STATES, 0, "")).color()).orElse(style.foreground());
        Color lines = gaussians.isEmpty() ? dots : style.lookOf(SeriesKey.of(gaussians.get(0), SeriesKey.Role.ELLIPSE_1SD, 0, "")).color();
        trail.set(steps, dots, lines, Math.max(1f, style.lineWidth() * 0.6f), Math.max(2f, style.lineWidth() * 1.5f));
    }

    /** Earlier times drawn in the trail (for tests). */
    int trailSteps() { return trail.size(); }

    private void drawDensity(Frame f, double[] xs, double[] ys, org.jfree.data.Range rx, org.jfree.data.Range ry) {
        if (!f.hasRun()) { heat.clear(); densitySource.setText(""); return; }
        SolverDescriptor best = null;
        Density2D joint = null;
        for (SolverDescriptor d : densityOrder(f.recording().descriptors())) {
            Snapshot s = f.snapshot(d.id());
            if (s != null && s.joint() != null && axes.equals(CloudAxes.FIRST_TWO)) { best = d; joint = s.joint(); break; }   // a joint is of the first two
        }
        if (joint != null) {
            densitySource.setText("shading: " + best.label() + " density");
            heat.set(image(joint.p(), joint.nx(), joint.ny()),
                    joint.x0() - joint.dx() / 2, joint.x(joint.nx() - 1) + joint.dx() / 2,
                    joint.y0() - joint.dy() / 2, joint.y(joint.ny() - 1) + joint.dy() / 2,
                    best.output() == SolverDescriptor.Output.DENSITY);
            return;
        }
        if (xs.length == 0) { heat.clear(); densitySource.setText(""); return; }
        densitySource.setText("shading: histogram of the trajectories shown");
        double[] counts = new double[BINS * BINS];
        double wx = rx.getLength() / BINS, wy = ry.getLength() / BINS;
        for (int i = 0; i < xs.length; i++) {
            int a = (int) ((xs[i] - rx.getLowerBound()) / wx), b = (int) ((ys[i] - ry.getLowerBound()) / wy);
            if (a >= 0 && a < BINS && b >= 0 && b < BINS) counts[b * BINS + a]++;
        }
        heat.set(image(counts, BINS, BINS), rx.getLowerBound(), rx.getUpperBound(), ry.getLowerBound(), ry.getUpperBound(), false);
    }

    /** Joint densities best first: exact (lattice) over continuous over histograms, by reference rank within a kind. */
    private static List<SolverDescriptor> densityOrder(List<SolverDescriptor> run) {
        List<SolverDescriptor> out = new ArrayList<>(run);
        out.removeIf(d -> d.output() == SolverDescriptor.Output.GAUSSIAN);
        out.sort(Comparator.comparingInt((SolverDescriptor d) -> switch (d.output()) {
            case LATTICE -> 0;
            case DENSITY -> 1;
            default -> 2;
        }).thenComparing(d -> -d.referenceRank()));
        return out;
    }

    /** Density values (row-major by y, y upwards) to an image from the plot background to a dark ensemble colour. */
    private BufferedImage image(double[] p, int nx, int ny) {
        double max = 0;
        for (double v : p) max = Math.max(max, v);
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        Color lo = style.plotBackground(), hi = style.slotColor(0).darker();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double u = max > 0 ? Math.pow(Math.max(0, p[j * nx + i]) / max, 0.4) : 0;   // a power < 1: the tails stay visible
                int r = (int) (lo.getRed() + u * (hi.getRed() - lo.getRed()));
                int g = (int) (lo.getGreen() + u * (hi.getGreen() - lo.getGreen()));
                int b = (int) (lo.getBlue() + u * (hi.getBlue() - lo.getBlue()));
                img.setRGB(i, ny - 1 - j, 0xFF000000 | (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }
}
