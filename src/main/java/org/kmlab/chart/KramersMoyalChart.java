package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.kmlab.model.Model;
import org.kmlab.run.ModelCurves;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's Kramers–Moyal coefficients over the x range on show: drift A(x) = M₁ and diffusion
 * B(x) = M₂ (the Fokker–Planck pair), and optionally M₃/3! and M₄/4!, which the Fokker–Planck
 * equation drops and which shrink like Ω^(1−k). In 2-D one panel per species, along that species'
 * axis with the other held at the given point (the current mean).
 */
public final class KramersMoyalChart {
    private static final int POINTS = 200;
    private final JFreeChart chart;
    private final List<XYPlot> panels = new ArrayList<>();
    private final List<ArrayDataset> data = new ArrayList<>();
    private final int dimension;

    public KramersMoyalChart(List<String> speciesNames, ChartStyle style) {
        dimension = speciesNames.size();
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(new NumberAxis("coefficient (x units per time)"));
        combined.setGap(12);
        for (int s = 0; s < dimension; s++) {
            String n = speciesNames.get(s);
            String sub = dimension == 1 ? "" : n;
            ArrayDataset d = new ArrayDataset(List.of(
                    "A" + subscript(sub) + "(x) drift", "B" + subscript(sub + sub) + "(x) diffusion", "M₃/3!", "M₄/4!"));
            NumberAxis x = new NumberAxis(dimension == 1 ? "x = n/Ω" : n.toLowerCase() + " = " + n + "/Ω");
            x.setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            Color[] colors = {style.fp(), style.ssa(), style.cle(), style.lna()};
            for (int i = 0; i < 4; i++) {
                r.setSeriesPaint(i, colors[i]);
                r.setSeriesStroke(i, i < 2 ? style.line() : style.dashed());
            }
            XYPlot plot = new XYPlot(d, x, null, r);
            ValueMarker zero = new ValueMarker(0, style.foreground(), style.thinLine());
            plot.addRangeMarker(zero);
            combined.add(plot, 1);
            panels.add(plot);
            data.add(d);
        }
        chart = new JFreeChart("Kramers–Moyal coefficients", JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        style.apply(chart);
    }

    private static String subscript(String s) { return s.isEmpty() ? "" : "_" + s; }

    public JFreeChart chart() { return chart; }

    /**
     * Draws the coefficients of {@code model} over {@code ranges[s] = {lo, hi}} for each species,
     * the others held at {@code at} (x units); {@code higher} adds M₃/3! and M₄/4!.
     */
    public void show(Model model, double[][] ranges, double[] at, boolean higher) {
        chart.setNotify(false);
        try {
            for (int s = 0; s < dimension; s++) {
                double lo = ranges[s][0], hi = ranges[s][1];
                if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
                if (!model.species().get(s).signed()) {   // a count is never negative: no curve left of x = 0
                    lo = Math.max(0, lo);
                    if (!(hi > lo)) hi = lo + 1;
                }
                double[][] c = ModelCurves.kramersMoyal(model, s, at, lo, hi, POINTS, 4);
                double[] b = c[2].clone();
                for (int i = 0; i < b.length; i++) b[i] *= 2;   // row 2 is M₂/2!, B is M₂
                ArrayDataset d = data.get(s);
                d.set(0, c[0], c[1]);
                d.set(1, c[0], b);
                if (higher) { d.set(2, c[0], c[3]); d.set(3, c[0], c[4]); }
                else { d.clear(2); d.clear(3); }
                XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) panels.get(s).getRenderer();
                r.setSeriesVisibleInLegend(2, higher && s == 0, false);
                r.setSeriesVisibleInLegend(3, higher && s == 0, false);
                panels.get(s).getDomainAxis().setRange(lo, hi);
                d.changed();
            }
        } finally {
            chart.setNotify(true);
        }
    }
}
