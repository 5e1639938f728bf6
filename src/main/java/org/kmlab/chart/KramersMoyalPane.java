package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.kmlab.model.Model;
import org.kmlab.run.ModelCurves;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model's Kramers–Moyal coefficients over the x range the distribution shows: drift
 * A(x) = M₁ and diffusion B(x) = M₂ (the Fokker–Planck pair) on the left axis, and, as an option,
 * M₃/3! and M₄/4! (which the Fokker–Planck equation drops and which shrink like Ω^(1−k)) on a
 * right axis of their own, where they are not flat lines at zero. One panel per species, along
 * that species' axis with the others held at the ensemble's mean.
 */
final class KramersMoyalPane implements Pane {
    static final String HIGHER_ORDERS = "km.higherOrders";
    private static final int POINTS = 200;

    private final PaneKind kind = Panes.KRAMERS_MOYAL;
    private final List<XYPlot> plots = new ArrayList<>();
    private final JFreeChart chart;
    private final int dimension;
    private String drawn = "";

    KramersMoyalPane(Model model, ChartStyle style) {
        List<String> species = model.species().stream().map(org.kmlab.model.Species::name).toList();
        dimension = species.size();
        for (int s = 0; s < dimension; s++) {
            ArrayDataset ab = new ArrayDataset(List.of(
                    SeriesKey.model(SeriesKey.Role.DRIFT, s, "A(x) drift"),
                    SeriesKey.model(SeriesKey.Role.DIFFUSION, s, "B(x) diffusion")));
            ArrayDataset higher = new ArrayDataset(List.of(
                    SeriesKey.model(SeriesKey.Role.M3, s, "M₃/3! (right axis)"),
                    SeriesKey.model(SeriesKey.Role.M4, s, "M₄/4! (right axis)")));
            NumberAxis x = Axes.number(Axes.xLabel(species, s));
            x.setAutoRangeIncludesZero(false);
            String n = species.get(s);
            NumberAxis left = Axes.number(dimension == 1 ? "A, B (x units per time)" : "A_" + n + ", B_" + n + n + " (per time)");
            XYPlot plot = new XYPlot(ab, x, left, new XYLineAndShapeRenderer(true, false));
            NumberAxis right = Axes.number("M₃/3!, M₄/4!");
            right.setVisible(false);
            plot.setRangeAxis(1, right);
            plot.setDataset(1, higher);
            plot.setRenderer(1, new XYLineAndShapeRenderer(true, false));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.addRangeMarker(new ValueMarker(0, style.foreground(), style.thinLine()));
            plots.add(plot);
        }
        Plot root = plots.size() == 1 ? plots.get(0) : new PanelRow(plots, 14);
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, root, true);
        style.apply(chart);
        ChartLooks.apply(chart, style, style.lineWidth(), 0, style.plotBackground());
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    @Override public void show(Frame f) {
        boolean higher = f.option(HIGHER_ORDERS);
        String key = System.identityHashCode(f.model()) + ":" + higher + ":" + Arrays.deepToString(f.ranges())
                + (dimension > 1 ? ":" + String.format("%.2g", f.at()[0]) + "," + String.format("%.2g", f.at()[1]) : "");
        if (key.equals(drawn)) return;
        drawn = key;
        chart.setNotify(false);
        try {
            for (int s = 0; s < dimension; s++) draw(f, s, higher);
        } finally {
            chart.setNotify(true);
        }
    }

    private void draw(Frame f, int s, boolean higher) {
        Model model = f.model();
        double lo = f.ranges()[s][0], hi = f.ranges()[s][1];
        double[][] c = ModelCurves.kramersMoyal(model, s, f.at(), lo, hi, POINTS, 4);
        double[] b = c[2].clone();
        for (int i = 0; i < b.length; i++) b[i] *= 2;   // row 2 is M₂/2!, B is M₂
        XYPlot plot = plots.get(s);
        ArrayDataset ab = (ArrayDataset) plot.getDataset(0), hd = (ArrayDataset) plot.getDataset(1);
        ab.set(0, c[0], c[1]);
        ab.set(1, c[0], b);
        if (higher) { hd.set(0, c[0], c[3]); hd.set(1, c[0], c[4]); }
        else hd.clearAll();
        plot.getRangeAxis(1).setVisible(higher);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(1);
        r.setSeriesVisibleInLegend(0, higher && s == 0, false);
        r.setSeriesVisibleInLegend(1, higher && s == 0, false);
        plot.getRenderer(0).setSeriesVisibleInLegend(0, s == 0, false);
        plot.getRenderer(0).setSeriesVisibleInLegend(1, s == 0, false);
        plot.getDomainAxis().setRange(lo, hi);
        ab.changed();
        hd.changed();
    }
}
