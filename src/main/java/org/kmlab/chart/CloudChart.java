package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.kmlab.run.Recording;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The probability cloud of a 2-species model in the (x, y) plane: the density as one heat-map image
 * (the master equation's joint density when it ran, else Fokker–Planck's, else the SSA's joint
 * histogram, else a histogram of the kept SSA states; the subtitle names the source), the SSA
 * trajectories' states as small translucent dots, the linear noise approximation's 1σ and 2σ
 * ellipses when it ran, and the deterministic path dx/dt = A(x) with a dot at the time on show.
 * x = X/Ω, y = Y/Ω.
 */
public final class CloudChart {
    private static final int BINS = 64;
    /** Solvers whose joint density may colour the heat map, best first. */
    private static final List<String> DENSITY_SOURCES = List.of("cme", "fp", "ssa", "cle");
    private static final int ELLIPSE_POINTS = 121;
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ArrayDataset dots, path, ellipses;
    private final XYLineAndShapeRenderer ellipseRenderer = new XYLineAndShapeRenderer(true, false);
    private final org.jfree.chart.title.TextTitle densitySource = new org.jfree.chart.title.TextTitle("");
    private final DensityImageAnnotation heat = new DensityImageAnnotation();
    private final StickyRange xRange = new StickyRange(), yRange = new StickyRange();
    private final ChartStyle style;
    private double[][] deterministic = new double[0][];
    private double pathTEnd = 1;

    public CloudChart(List<String> speciesNames, ChartStyle style) {
        this.style = style;
        String a = speciesNames.get(0), b = speciesNames.get(1);
        dots = new ArrayDataset(List.of("SSA trajectories"));
        path = new ArrayDataset(List.of("deterministic path", "now"));
        ellipses = new ArrayDataset(List.of("LNA 1σ, 2σ", "LNA 2σ"));
        NumberAxis x = new NumberAxis(a.toLowerCase() + " = " + a + "/Ω");
        NumberAxis y = new NumberAxis(b.toLowerCase() + " = " + b + "/Ω");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYDotRenderer dotRenderer = new XYDotRenderer();
        int size = Math.max(2, Math.round(style.lineWidth()));
        dotRenderer.setDotWidth(size);
        dotRenderer.setDotHeight(size);
        dotRenderer.setSeriesPaint(0, ChartStyle.translucent(style.foreground(), 0.16));
        XYLineAndShapeRenderer pathRenderer = new XYLineAndShapeRenderer();
        pathRenderer.setSeriesPaint(0, style.deterministic());
        pathRenderer.setSeriesStroke(0, style.line());
        pathRenderer.setSeriesShapesVisible(0, false);
        pathRenderer.setSeriesPaint(1, style.deterministic());
        pathRenderer.setSeriesLinesVisible(1, false);
        double r = 4 + 1.5 * style.lineWidth();
        pathRenderer.setSeriesShape(1, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        pathRenderer.setSeriesVisibleInLegend(1, false);
        plot = new XYPlot(dots, x, y, dotRenderer);
        plot.setDataset(1, path);
        plot.setRenderer(1, pathRenderer);
        for (int i = 0; i < 2; i++) {
            ellipseRenderer.setSeriesPaint(i, style.solverColor("lna"));
            ellipseRenderer.setSeriesStroke(i, i == 0 ? style.line() : style.dashed());
        }
        ellipseRenderer.setSeriesVisibleInLegend(1, false);
        plot.setDataset(2, ellipses);
        plot.setRenderer(2, ellipseRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        plot.getRenderer().addAnnotation(heat, org.jfree.chart.ui.Layer.BACKGROUND);
        chart = new JFreeChart("Probability cloud", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style.apply(chart);
        densitySource.setFont(style.tickFont());
        densitySource.setPaint(style.foreground());
        chart.addSubtitle(0, densitySource);
    }

    public JFreeChart chart() { return chart; }

    /** A new model: the deterministic path {@code path[i] = (x, y)} at t = tEnd·i/(n−1); forgets the axis ranges. */
    public void setDeterministicPath(double[][] p, double tEnd) {
        deterministic = p;
        pathTEnd = tEnd;
        xRange.reset();
        yRange.reset();
        double[] xs = new double[p.length], ys = new double[p.length];
        for (int i = 0; i < p.length; i++) { xs[i] = p[i][0]; ys[i] = p[i][1]; xRange.include(xs[i], xs[i]); yRange.include(ys[i], ys[i]); }
        path.set(0, xs, ys);
    }

    /** Shows the SSA states and density at index k (one chart change event). */
    public void show(Recording recording, int k) {
        chart.setNotify(false);
        try {
            Snapshot s = k >= 0 ? recording.get("ssa", k) : null;
            int n = s == null ? 0 : s.sampleCount();
            double[] xs = new double[n], ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = s.sample(i, 0);
                ys[i] = s.sample(i, 1);
                xRange.include(xs[i], xs[i]);
                yRange.include(ys[i], ys[i]);
            }
            dots.set(0, xs, ys);
            if (!xRange.isEmpty()) {
                Range rx = xRange.padded(0.04, 1e-6), ry = yRange.padded(0.04, 1e-6);
                plot.getDomainAxis().setRange(rx, true, false);
                plot.getRangeAxis().setRange(ry, true, false);
                drawDensity(recording, k, xs, ys, rx, ry);
            } else {
                heat.clear();
                densitySource.setText("");
            }
            drawEllipses(k >= 0 ? recording.get("lna", k) : null);
            double t = k >= 0 ? recording.time(k) : 0;
            if (deterministic.length > 0) {
                int i = (int) Math.round(Math.min(1, t / pathTEnd) * (deterministic.length - 1));
                path.set(1, new double[] {deterministic[i][0]}, new double[] {deterministic[i][1]});
            }
            chart.getTitle().setText(String.format("Probability cloud at t = %.2f", t));
            dots.changed();
            path.changed();
            ellipses.changed();
        } finally {
            chart.setNotify(true);
        }
    }

    /** The LNA's 1σ and 2σ ellipses around its mean, or nothing when the LNA did not run. */
    private void drawEllipses(Snapshot lna) {
        boolean shown = lna != null && lna.dimension() == 2;
        ellipseRenderer.setSeriesVisibleInLegend(0, shown, false);   // no legend entry for a solver that did not run
        if (!shown) {
            ellipses.clearAll();
            return;
        }
        for (int i = 0; i < 2; i++) {
            double[][] e = CovarianceEllipse.points(lna.mean(), lna.covariance(), i + 1, ELLIPSE_POINTS);
            ellipses.set(i, e[0], e[1]);
        }
    }

    private void drawDensity(Recording recording, int k, double[] xs, double[] ys, Range rx, Range ry) {
        Density2D joint = null;
        for (String solver : DENSITY_SOURCES) {
            Snapshot candidate = k >= 0 ? recording.get(solver, k) : null;
            if (candidate != null && candidate.joint() != null) {
                joint = candidate.joint();
                densitySource.setText("shading: " + SolverNames.label(solver) + " density");
                break;
            }
        }
        if (joint != null) {
            heat.set(image(joint.p(), joint.nx(), joint.ny()),
                    joint.x0() - joint.dx() / 2, joint.x(joint.nx() - 1) + joint.dx() / 2,
                    joint.y0() - joint.dy() / 2, joint.y(joint.ny() - 1) + joint.dy() / 2);
            return;
        }
        if (xs.length == 0) { heat.clear(); densitySource.setText(""); return; }
        densitySource.setText("shading: histogram of the SSA states shown");
        double[] counts = new double[BINS * BINS];
        double wx = rx.getLength() / BINS, wy = ry.getLength() / BINS;
        for (int i = 0; i < xs.length; i++) {
            int a = (int) ((xs[i] - rx.getLowerBound()) / wx), b = (int) ((ys[i] - ry.getLowerBound()) / wy);
            if (a >= 0 && a < BINS && b >= 0 && b < BINS) counts[b * BINS + a]++;
        }
        heat.set(image(counts, BINS, BINS), rx.getLowerBound(), rx.getUpperBound(), ry.getLowerBound(), ry.getUpperBound());
    }

    /** Density values (row-major by y, y upwards) to an image from plot background to the SSA colour. */
    private BufferedImage image(double[] p, int nx, int ny) {
        double max = 0;
        for (double v : p) max = Math.max(max, v);
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        Color lo = style.plotBackground(), hi = style.ssa().darker();
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
