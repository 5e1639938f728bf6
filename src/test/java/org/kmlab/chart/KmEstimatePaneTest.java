package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.run.km.Kernel;
import org.kmlab.run.km.KmEstimate;
import org.kmlab.run.km.KmEstimates;
import org.kmlab.run.km.KmSettings;
import org.kmlab.run.km.MomentEstimates;
import org.kmlab.run.km.SeriesAnalysis;
import org.kmlab.run.km.TimeSeries;
import org.kmlab.solve.ssa.DirectMethodSsa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Estimates in the Kramers–Moyal pane, headless: drawn only with the option on, as points with
 * ±1 SE bars (binned) or a band (kernel), D₃ and D₄ on the right axis with the higher orders,
 * with what is shown and Pawula's verdict as subtitles; a user's series replaces the model's
 * curves and brings the series pane with its L1 distance.
 */
class KmEstimatePaneTest {
    private static final Model OU = TestPresets.model("ornstein-uhlenbeck");

    private static TimeSeries series() {
        int n = 30_000;
        double step = 0.01, a = Math.exp(-step), s = Math.sqrt((1 - a * a) / 2);
        double[] t = new double[n], x = new double[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            t[i] = i * step;
            if (i > 0) x[i] = a * x[i - 1] + s * r.nextGaussian();
        }
        return new TimeSeries("ou.csv", t, new double[][] {x}, List.of("x"));
    }

    private static final SeriesAnalysis SERIES = SeriesAnalysis.of(series(), 0, KmSettings.defaults());

    private static KmEstimates fromSsa(KmEstimate e) { return new KmEstimates(List.of(new KmEstimates.Source(DirectMethodSsa.DESCRIPTOR, e))); }

    private static ChartSet shown(Set<String> options, Map<Class<?>, Object> analyses) {
        ChartSet set = new ChartSet(OU, ChartStyle.light());
        set.show(OU, 10, null, -1, options, analyses);
        return set;
    }

    private static XYPlot plot(ChartSet set) { return ChartLooks.xyPlots(set.pane("km").orElseThrow().chart().getPlot()).get(0); }

    private static List<String> visibleSubtitles(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.getSubtitleCount(); i++) if (c.getSubtitle(i) instanceof TextTitle t && t.isVisible()) out.add(t.getText());
        return out;
    }

    @Test void theRunsEstimateIsDrawnOnlyWithTheOption() {
        Map<Class<?>, Object> a = Map.of(KmEstimates.class, fromSsa(SERIES.estimate()));
        ChartSet off = shown(Set.of(), a);
        assertEquals(0, plot(off).getDataset(EstimateOverlay.BINNED_LEFT).getSeriesCount());
        assertTrue(visibleSubtitles(off.pane("km").orElseThrow().chart()).isEmpty());

        ChartSet on = shown(Set.of(KramersMoyalPane.ESTIMATE), a);
        XYPlot p = plot(on);
        assertTrue(p.getRenderer(EstimateOverlay.BINNED_LEFT) instanceof XYErrorRenderer);
        IntervalXYDataset d = (IntervalXYDataset) p.getDataset(EstimateOverlay.BINNED_LEFT);
        assertEquals(List.of("SSA est. D₁ = M₁", "SSA est. M₂ = 2·D₂"), List.of(d.getSeriesKey(0).toString(), d.getSeriesKey(1).toString()));
        assertEquals(SeriesKey.Role.ESTIMATE, ((SeriesKey) d.getSeriesKey(0)).role());
        MomentEstimates m = SERIES.estimate().shown();
        int item = 0;
        for (int i = 0; i < m.size(); i++) {
            if (!m.has(2, i)) continue;
            assertEquals(m.moment(2, i), d.getYValue(1, item), 0, "M₂ = 2·D₂, as B");
            assertEquals(m.moment(2, i) - m.se(2, i), d.getStartYValue(1, item), 1e-12);
            assertEquals(m.moment(2, i) + m.se(2, i), d.getEndYValue(1, item), 1e-12);
            item++;
        }
        assertEquals(item, d.getItemCount(1));
        assertTrue(item > 5);
        assertEquals(0, p.getDataset(EstimateOverlay.BINNED_RIGHT).getSeriesCount(), "D₃, D₄ only with the higher orders");
        List<String> subs = visibleSubtitles(on.pane("km").orElseThrow().chart());
        assertTrue(subs.get(0).startsWith("SSA: D_k = M_k/k!, binned"), subs.toString());
        assertEquals(SERIES.estimate().pawula().line(), subs.get(1));

        ChartSet higher = shown(Set.of(KramersMoyalPane.ESTIMATE, KramersMoyalPane.HIGHER_ORDERS), a);
        IntervalXYDataset right = (IntervalXYDataset) plot(higher).getDataset(EstimateOverlay.BINNED_RIGHT);
        assertEquals(List.of("SSA est. D₃ = M₃/3!", "SSA est. D₄ = M₄/4!"), List.of(right.getSeriesKey(0).toString(), right.getSeriesKey(1).toString()));
        assertEquals(1, plot(higher).getRangeAxisIndex(plot(higher).getRangeAxisForDataset(EstimateOverlay.BINNED_RIGHT)));
    }

    @Test void aKernelEstimateIsACurveWithABand() {
        SeriesAnalysis kernel = SERIES.with(KmSettings.defaults().withKernel(Kernel.EPANECHNIKOV));
        ChartSet set = shown(Set.of(KramersMoyalPane.ESTIMATE), Map.of(KmEstimates.class, fromSsa(kernel.estimate())));
        XYPlot p = plot(set);
        assertEquals(0, p.getDataset(EstimateOverlay.BINNED_LEFT).getSeriesCount());
        assertTrue(p.getRenderer(EstimateOverlay.KERNEL_LEFT) instanceof DeviationRenderer);
        IntervalXYDataset d = (IntervalXYDataset) p.getDataset(EstimateOverlay.KERNEL_LEFT);
        assertEquals(2, d.getSeriesCount());
        assertTrue(d.getItemCount(0) > 20, "a curve: " + d.getItemCount(0));
        assertTrue(d.getEndYValue(0, d.getItemCount(0) / 2) > d.getStartYValue(0, d.getItemCount(0) / 2), "a band of ±1 SE");
    }

    @Test void aSeriesReplacesTheModelsCurvesAndBringsItsPane() {
        assertFalse(Panes.forModel(OU).contains(Panes.SERIES), "no series, no series pane");
        ChartSet set = shown(Set.of(), Map.of(SeriesAnalysis.class, SERIES));
        XYPlot p = plot(set);
        assertEquals(0, p.getDataset(0).getItemCount(0), "the model's A(x) gives way to the data's");
        assertEquals("ou.csv (x) est. D₁ = M₁", p.getDataset(EstimateOverlay.BINNED_LEFT).getSeriesKey(0).toString());
        JFreeChart fit = set.pane("series").orElseThrow().chart();
        assertEquals("Time series vs Fokker–Planck: ou.csv (x)", fit.getTitle().getText());
        XYPlot fp = (XYPlot) fit.getPlot();
        assertTrue(fp.getDataset(0).getItemCount(0) > 5, "the histogram");
        assertTrue(fp.getDataset(1).getItemCount(0) > 100, "the FP density");
        assertEquals(SERIES.estimate().fp().line(), visibleSubtitles(fit).get(0));
    }
}
