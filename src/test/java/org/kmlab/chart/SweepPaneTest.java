package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Descriptors;
import org.kmlab.run.sweep.CoefficientScaling;
import org.kmlab.run.sweep.LogLogFit;
import org.kmlab.run.sweep.SolverSeries;
import org.kmlab.run.sweep.SweepResult;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep pane, headless: there only once a frame carries a sweep result; distances on log–log
 * axes with each solver's slope in the legend and its fitted line; the Hellinger option; the
 * coefficient panel with the slopes theory expects; series keys by solver × role.
 */
class SweepPaneTest {
    private static final Model BIRTH_DEATH = TestPresets.model("birth-death");

    static SweepResult result(SweepResult.State state) {
        double[] omega = {3, 10, 30, 100};
        double[] fp = new double[4], lna = new double[4], b = new double[4], m4 = new double[4], cancelled = new double[4];
        for (int i = 0; i < 4; i++) {
            fp[i] = 0.004 / omega[i];
            lna[i] = 0.08 / Math.sqrt(omega[i]);
            b[i] = 10 / omega[i];
            m4[i] = 20 / 24.0 / Math.pow(omega[i], 3);
            cancelled[i] = Double.NaN;
        }
        double[] nan = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        String[] none = {"", "", "", ""};
        List<SolverSeries> series = List.of(
                new SolverSeries(Descriptors.of("fp"), fp, fp, nan, none, LogLogFit.of(omega, fp), LogLogFit.of(omega, fp)),
                new SolverSeries(Descriptors.of("lna"), lna, lna, nan, none, LogLogFit.of(omega, lna), LogLogFit.of(omega, lna)));
        double[][] sizes = {b, cancelled, m4};
        CoefficientScaling analytic = new CoefficientScaling("analytic", "analytic", new int[] {2, 3, 4}, sizes,
                new LogLogFit[] {LogLogFit.of(omega, b), LogLogFit.NONE, LogLogFit.of(omega, m4)}, new double[] {-1, -2, -3},
                new String[] {"", "vanishes at the fixed point (the jumps' k-th powers cancel there)", ""});
        return new SweepResult("Birth–death", "Omega", omega, 10, "cme", series, List.of(analytic), new boolean[] {true, true, true, true},
                RunSettings.defaults(), 1.5, state);
    }

    private static List<String> legend(JFreeChart c) {
        List<String> out = new ArrayList<>();
        LegendItemCollection items = c.getLegend().getSources()[0].getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
        return out;
    }

    @Test
    void thePaneIsThereOnlyWithASweepAndPrintsTheSlopes() {
        assertFalse(Panes.forModel(BIRTH_DEATH).contains(Panes.SWEEP), "a run alone does not bring the sweep pane");
        assertTrue(Panes.forModel(BIRTH_DEATH, Set.of(SweepResult.class)).contains(Panes.SWEEP));
        ChartSet set = new ChartSet(BIRTH_DEATH, ChartStyle.light());
        set.show(BIRTH_DEATH, 10, null, -1, Set.of());
        assertTrue(set.pane("sweep").isEmpty());

        set.show(BIRTH_DEATH, 10, null, -1, Set.of(), Map.of(SweepResult.class, result(SweepResult.State.DONE)));
        assertEquals(List.of("distribution", "timecourse", "km", "sweep"), set.panes().stream().map(p -> p.kind().id()).toList());
        JFreeChart chart = set.pane("sweep").orElseThrow().chart();
        List<String> labels = legend(chart);
        assertTrue(labels.contains("FP  slope −1.00"), labels.toString());
        assertTrue(labels.contains("LNA  slope −0.50"), labels.toString());
        assertTrue(labels.contains("B = M₂  slope −1.00 (theory −1.00)"), labels.toString());
        assertTrue(labels.contains("M₃/3!  cancels at x*"), labels.toString());
        assertTrue(labels.contains("M₄/4!  slope −3.00 (theory −3.00)"), labels.toString());
        assertFalse(labels.stream().anyMatch(l -> l.endsWith("fit")), "fitted lines are not in the legend: " + labels);

        XYPlot distances = ((PanelRow) chart.getPlot()).panels().get(0);
        XYDataset data = distances.getDataset(0), fits = distances.getDataset(1);
        assertEquals(SeriesKey.Role.DISTANCE_L1, ((SeriesKey) data.getSeriesKey(0)).role());
        assertEquals("fp", ((SeriesKey) data.getSeriesKey(0)).solver().id());
        assertEquals(4, data.getItemCount(0));
        assertEquals(SeriesKey.Role.FIT, ((SeriesKey) fits.getSeriesKey(0)).role());
        assertEquals(0.004 / 100, fits.getYValue(0, 1), 1e-12, "the fitted line ends at the last value");
        assertTrue(distances.getRangeAxis().getLabel().startsWith("L1 distance to CME at t = 10"), distances.getRangeAxis().getLabel());
        chart.draw(new BufferedImage(800, 400, BufferedImage.TYPE_INT_ARGB).createGraphics(), new java.awt.Rectangle(800, 400));

        set.show(BIRTH_DEATH, 10, null, -1, Set.of(SweepPane.HELLINGER), Map.of(SweepResult.class, result(SweepResult.State.RUNNING)));
        distances = ((PanelRow) chart.getPlot()).panels().get(0);
        assertEquals(SeriesKey.Role.DISTANCE_HELLINGER, ((SeriesKey) distances.getDataset(0).getSeriesKey(0)).role());
        assertTrue(chart.getTitle().getText().contains("4 of 4 values"), chart.getTitle().getText());
    }
}
