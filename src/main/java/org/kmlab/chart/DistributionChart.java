package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.kmlab.run.Recording;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * P(x, t) at one output time: SSA (and CLE) histograms as bars, the master equation as points,
 * Fokker–Planck (and LNA) as lines, all as densities in x = n/Ω units (so they integrate to 1 and
 * can be compared directly). A 2-species model gets one panel per species (its marginal) sharing
 * the density axis.
 */
public final class DistributionChart {
    /** Series order inside each panel: bars (ssa, cle), points (cme), lines (fp, lna). */
    private static final List<String> BARS = List.of("ssa", "cle");
    private static final List<String> POINTS = List.of("cme");
    private static final List<String> LINES = List.of("fp", "lna");

    private final JFreeChart chart;
    private final List<Panel> panels = new ArrayList<>();
    private final ChartStyle style;

    private record Panel(XYPlot plot, ArrayDataset bars, ArrayDataset points, ArrayDataset lines, StickyRange range) {
        ArrayDataset dataset(int i) { return i == 0 ? bars : i == 1 ? points : lines; }
    }

    public DistributionChart(List<String> speciesNames, ChartStyle style) {
        this.style = style;
        NumberAxis density = new NumberAxis("probability density P(x, t)");
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(density);
        combined.setGap(12);
        for (int s = 0; s < speciesNames.size(); s++) {
            String name = speciesNames.get(s);
            NumberAxis xAxis = new NumberAxis(speciesNames.size() == 1 ? "x = n/Ω" : name.toLowerCase() + " = " + name + "/Ω");
            xAxis.setAutoRangeIncludesZero(false);
            ArrayDataset bars = new ArrayDataset(labels(BARS, s));
            ArrayDataset points = new ArrayDataset(labels(POINTS, s));
            ArrayDataset lines = new ArrayDataset(labels(LINES, s));
            XYPlot plot = new XYPlot(bars, xAxis, null, barRenderer(s == 0));
            plot.setDataset(1, points);
            plot.setRenderer(1, pointRenderer(s == 0));
            plot.setDataset(2, lines);
            plot.setRenderer(2, lineRenderer(s == 0));
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);   // bars at the back, then points, then lines: nothing hides a curve
            combined.add(plot, 1);
            panels.add(new Panel(plot, bars, points, lines, new StickyRange()));
        }
        chart = new JFreeChart("Distribution", JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        style.apply(chart);
    }

    private static List<String> labels(List<String> solvers, int species) {
        List<String> out = new ArrayList<>();
        for (String s : solvers) out.add(SolverNames.label(s) + (species == 0 ? "" : " "));
        return out;
    }

    private XYBarRenderer barRenderer(boolean legend) {
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, ChartStyle.translucent(style.ssa(), 0.55));
        r.setSeriesPaint(1, ChartStyle.translucent(style.cle(), 0.45));
        r.setDefaultSeriesVisibleInLegend(legend);
        return r;
    }

    private XYLineAndShapeRenderer pointRenderer(boolean legend) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        double d = 2.5 + style.lineWidth();
        r.setSeriesShape(0, new Ellipse2D.Double(-d, -d, 2 * d, 2 * d));
        r.setSeriesPaint(0, style.cme());
        r.setDefaultSeriesVisibleInLegend(legend);
        return r;
    }

    private XYLineAndShapeRenderer lineRenderer(boolean legend) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, style.fp());
        r.setSeriesStroke(0, style.line());
        r.setSeriesPaint(1, style.lna());
        r.setSeriesStroke(1, style.dashed());
        r.setDefaultSeriesVisibleInLegend(legend);
        return r;
    }

    public JFreeChart chart() { return chart; }

    /** Forgets the sticky axis ranges (a new model or new parameters). */
    public void resetRanges() {
        for (Panel p : panels) p.range().reset();
    }

    /** The x range shown for species s as {lo, hi}, or null before any data arrived. */
    public double[] shownRange(int species) {
        Panel p = panels.get(species);
        if (p.range().isEmpty()) return null;
        Range r = p.plot().getDomainAxis().getRange();
        return new double[] {r.getLowerBound(), r.getUpperBound()};
    }

    /** Shows every solver's snapshot at index k of the recording (with one chart change event). */
    public void show(Recording recording, int k) {
        chart.setNotify(false);
        try {
            for (int s = 0; s < panels.size(); s++) {
                Panel p = panels.get(s);
                fill(p.bars(), BARS, recording, k, s, true);
                fill(p.points(), POINTS, recording, k, s, false);
                fill(p.lines(), LINES, recording, k, s, false);
                if (!p.range().isEmpty()) {
                    Range r = p.range().padded(0.03, 1e-9);
                    p.plot().getDomainAxis().setRange(r, true, false);
                }
            }
            chart.getTitle().setText(k >= 0 && k < recording.timeCount() ? String.format("Distribution at t = %.2f", recording.time(k)) : "Distribution");
            for (Panel p : panels) {
                for (int i = 0; i < 3; i++) {   // the legend lists solvers that have data, from the first panel only
                    ArrayDataset d = p.dataset(i);
                    for (int j = 0; j < d.getSeriesCount(); j++) {
                        p.plot().getRenderer(i).setSeriesVisibleInLegend(j, p == panels.get(0) && d.hasData(j), false);
                    }
                    d.changed();
                }
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private void fill(ArrayDataset data, List<String> solvers, Recording recording, int k, int species, boolean bars) {
        Panel panel = panels.get(species);
        for (int i = 0; i < solvers.size(); i++) {
            Snapshot snap = recording.get(solvers.get(i), k);
            Density1D d = snap == null ? null : snap.marginal(species);
            if (d == null || d.size() == 0) { data.clear(i); continue; }
            if (bars) data.setBars(i, Series.xs(d), d.p(), d.dx() / 2);
            else data.set(i, Series.xs(d), d.p());
            double[] sup = Series.support(d, 1e-3);
            if (sup != null) panel.range().include(sup[0], sup[1]);
        }
    }
}
