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
 * The probability cloud of the first two species in the (x, y) plane: the joint density as one
 * heat-map image (the best exact or continuous joint density of the run: the master equation's,
 * else Fokker–Planck's, else the ensemble's joint histogram, else a histogram of its kept states;
 * the subtitle names the source), the ensemble's states as small translucent dots, each Gaussian
 * solver's 1σ and 2σ ellipses, and the deterministic path dx/dt = A(x) with a dot at the time on
 * show. Lattice densities are drawn cell by cell (no smoothing across a coarse lattice), continuous
 * ones smoothly. x = X/Ω, y = Y/Ω.
 */
final class CloudPane implements Pane {
    private static final int BINS = 64, ELLIPSE_POINTS = 121, PATH_STEPS = 400;
    private static final int DOTS = 0, PATH = 1, ELLIPSES = 2, GHOST = 3;

    private final PaneKind kind = Panes.CLOUD;
    private final ChartStyle style;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final TextTitle densitySource = new TextTitle("");
    private final DensityImageAnnotation heat = new DensityImageAnnotation();
    private final StickyRange xRange = new StickyRange(), yRange = new StickyRange();
    private List<SolverDescriptor> solvers;
    private final List<String> names;
    /** The ghost whose ellipse the plot has (null: none). */
    private Ghost ghost;
    private double[][] deterministic = new double[0][];
    private Model pathModel;
    private double pathTEnd = Double.NaN;

    CloudPane(Model model, ChartStyle style) {
        this.style = style;
        String a = model.species().get(0).name(), b = model.species().get(1).name();
        NumberAxis x = Axes.number("x = " + a + "/Ω");
        NumberAxis y = Axes.number("y = " + b + "/Ω");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(null, x, y, new XYDotRenderer());
        plot.setRenderer(PATH, new XYLineAndShapeRenderer(true, false));
        plot.setDataset(PATH, new ArrayDataset(List.of(SeriesKey.model(SeriesKey.Role.DETERMINISTIC, 0, "deterministic path"),
                SeriesKey.model(SeriesKey.Role.NOW, 0, "now"))));
        plot.setRenderer(ELLIPSES, new XYLineAndShapeRenderer(true, false));
        plot.setRenderer(GHOST, new XYLineAndShapeRenderer(true, false));
        plot.setDataset(GHOST, new ArrayDataset(List.of()));
        names = List.of(a, b);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.getRenderer().addAnnotation(heat, org.jfree.chart.ui.Layer.BACKGROUND);
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style.apply(chart);
        densitySource.setFont(style.tickFont());
        densitySource.setPaint(style.foreground());
        chart.addSubtitle(0, densitySource);
        useSolvers(List.of());
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    @Override public void show(Frame f) {
        chart.setNotify(false);
        try {
            useSolvers(f.recording() == null ? List.of() : f.recording().descriptors());
            drawDeterministicPath(f.model(), f.tEnd());
            ArrayDataset dots = (ArrayDataset) plot.getDataset(DOTS);
            Optional<SolverDescriptor> ensemble = f.primaryEnsemble();
            Snapshot states = ensemble.map(d -> f.snapshot(d.id())).orElse(null);
            int n = states == null ? 0 : states.sampleCount();
            double[] xs = new double[n], ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = states.sample(i, 0);
                ys[i] = states.sample(i, 1);
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
            useGhost(GhostSeries.of(f));
            drawGhost(f);
            ArrayDataset path = (ArrayDataset) plot.getDataset(PATH);
            if (deterministic.length > 0) {
                int i = (int) Math.round(Math.min(1, f.time() / pathTEnd) * (deterministic.length - 1));
                path.set(1, new double[] {deterministic[i][0]}, new double[] {deterministic[i][1]});
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
            xs[i] = deterministic[i][0];
            ys[i] = deterministic[i][1];
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
            double[][] cov = {{g.covariance(0, 0), g.covariance(0, 1)}, {g.covariance(1, 0), g.covariance(1, 1)}};
            double[][] e = CovarianceEllipse.points(new double[] {g.mean(0), g.mean(1)}, cov, key.role() == SeriesKey.Role.ELLIPSE_1SD ? 1 : 2, ELLIPSE_POINTS);
            ellipses.set(j, e[0], e[1]);
        }
    }

    /** A pinned ghost's 1σ ellipse (of its exact reference, else its first solver), when it has both species of the plane. */
    private void useGhost(Ghost g) {
        if (java.util.Objects.equals(g, ghost)) return;
        ghost = g;
        List<SeriesKey> keys = new ArrayList<>();
        if (g != null && g.speciesIndex(names.get(0)) >= 0 && g.speciesIndex(names.get(1)) >= 0 && !g.recording().descriptors().isEmpty()) {
            SolverDescriptor d = SolverRegistry.bestReference(g.recording().descriptors()).orElse(g.recording().descriptors().get(0));
            keys.add(SeriesKey.of(d, SeriesKey.Role.ELLIPSE_1SD, 0, "").asGhost(GhostSeries.legend(d.shortLabel() + " 1σ", g)));
        }
        plot.setDataset(GHOST, new ArrayDataset(keys));
        ChartLooks.apply(chart, style, style.lineWidth(), Math.max(4, 3 * style.lineWidth()), style.plotBackground());
    }

    private void drawGhost(Frame f) {
        ArrayDataset data = (ArrayDataset) plot.getDataset(GHOST);
        if (data.getSeriesCount() == 0) return;
        Snapshot g = f.hasRun() ? ghost.at(((SeriesKey) data.getSeriesKey(0)).solver().id(), f.time()) : null;
        int a = ghost.speciesIndex(names.get(0)), b = ghost.speciesIndex(names.get(1));
        boolean shown = g != null && Double.isFinite(g.mean(a)) && Double.isFinite(g.mean(b));
        plot.getRenderer(GHOST).setSeriesVisibleInLegend(0, shown, false);
        if (!shown) { data.clear(0); return; }
        double[][] cov = {{g.covariance(a, a), g.covariance(a, b)}, {g.covariance(b, a), g.covariance(b, b)}};
        double[][] e = CovarianceEllipse.points(new double[] {g.mean(a), g.mean(b)}, cov, 1, ELLIPSE_POINTS);
        data.set(0, e[0], e[1]);
    }

    private void drawDensity(Frame f, double[] xs, double[] ys, org.jfree.data.Range rx, org.jfree.data.Range ry) {
        if (!f.hasRun()) { heat.clear(); densitySource.setText(""); return; }
        SolverDescriptor best = null;
        Density2D joint = null;
        for (SolverDescriptor d : densityOrder(f.recording().descriptors())) {
            Snapshot s = f.snapshot(d.id());
            if (s != null && s.joint() != null) { best = d; joint = s.joint(); break; }
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
