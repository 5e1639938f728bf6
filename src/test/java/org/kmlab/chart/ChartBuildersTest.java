package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.run.ModelCurves;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart builders, headless and without JavaFX (as the exporters use them). */
class ChartBuildersTest {
    private static Snapshot snapshot(double t, double mean) {
        Density1D d = new Density1D(0, 0.5, new double[] {0.2, mean, 0.4});
        return new Snapshot(t, new double[] {mean}, new double[][] {{0.25}}, new Density1D[] {d}, null,
                new double[][] {{mean - 0.1}, {mean + 0.1}}, 1);
    }

    @Test void theDistributionShowsEachSolversDensityAndOnlyTheirLegendEntries() {
        Recording rec = RecordingFixture.of(new double[] {0, 1, 2}, List.of("ssa", "fp"));
        for (int k = 0; k < 3; k++) {
            RecordingFixture.put(rec, 0, k, snapshot(k, 0.6 + 0.1 * k));
            RecordingFixture.put(rec, 1, k, snapshot(k, 0.7 + 0.1 * k));
        }
        DistributionChart chart = new DistributionChart(List.of("X"), ChartStyle.light());
        chart.show(rec, 1);
        XYPlot plot = (XYPlot) ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().get(0);
        assertEquals(0.6 + 0.1, plot.getDataset(0).getYValue(0, 1), 0.0, "SSA bars at k = 1");
        assertEquals(0.7 + 0.1, plot.getDataset(2).getYValue(0, 1), 0.0, "FP line at k = 1");
        assertEquals(0, plot.getDataset(1).getItemCount(0), "no CME in this run");
        LegendItemCollection legend = chart.chart().getPlot().getLegendItems();
        assertEquals(2, legend.getItemCount(), "legend: SSA and FP only");
        assertEquals("Distribution at t = 1.00", chart.chart().getTitle().getText());
        draws(chart.chart());
    }

    @Test void theTimeCourseGrowsWithTheIndexOnShow() {
        Recording rec = RecordingFixture.of(new double[] {0, 1, 2, 3}, List.of("ssa"));
        for (int k = 0; k < 4; k++) RecordingFixture.put(rec, 0, k, snapshot(k, k));
        TimeCourseChart chart = new TimeCourseChart(List.of("X"), 2, ChartStyle.classroom());
        chart.show(rec, 2);
        XYPlot plot = chart.chart().getXYPlot();
        assertEquals(3, plot.getDataset(1).getItemCount(0), "SSA mean up to t = 2");
        assertEquals(2 - 0.5, ((org.jfree.data.xy.IntervalXYDataset) plot.getDataset(1)).getStartYValue(0, 2), 1e-12, "mean − 1 s.d.");
        assertEquals(3, plot.getDataset(0).getItemCount(1), "second sample path");
        draws(chart.chart());
    }

    @Test void theCloudDrawsTheDensityAsOneImageBehindTheStates() {
        Model pp = PresetIO.read(Path.of("presets", "predator-prey.json")).model();
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("ssa"));
        double[][] states = new double[2000][];
        for (int i = 0; i < states.length; i++) states[i] = new double[] {0.5 + 0.001 * i, 0.2 + 0.0005 * i};
        RecordingFixture.put(rec, 0, 1, new Snapshot(1, new double[] {1.5, 0.7}, new double[][] {{1, 0}, {0, 1}}, null, null, states, 1));
        CloudChart chart = new CloudChart(List.of("X", "Y"), ChartStyle.dark());
        chart.setDeterministicPath(ModelCurves.deterministicPath(pp, 10, 100), 10);
        chart.show(rec, 1);
        assertEquals(2000, chart.chart().getXYPlot().getDataset(0).getItemCount(0));
        assertEquals(1, ((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) chart.chart().getXYPlot().getRenderer()).getAnnotations().size(), "one heat-map image, not one shape per cell");
        draws(chart.chart());
    }

    @Test void theKramersMoyalChartPlotsDriftAndDiffusion() {
        Model bd = PresetIO.read(Path.of("presets", "birth-death.json")).model();
        KramersMoyalChart chart = new KramersMoyalChart(List.of("X"), ChartStyle.light());
        chart.show(bd, new double[][] {{0, 20}}, new double[] {0}, false);
        XYPlot plot = (XYPlot) ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().get(0);
        assertEquals(10, plot.getDataset().getYValue(0, 0), 1e-12, "A(0) = k1");
        assertEquals(30, plot.getDataset().getYValue(1, plot.getDataset().getItemCount(1) - 1), 1e-9, "B(20) = k1 + k2·20");
        assertEquals(0, plot.getDataset().getItemCount(2), "higher orders off");
        draws(chart.chart());
    }

    @Test void theKramersMoyalCurvesOfACountStartAtZero() {
        Model bd = PresetIO.read(Path.of("presets", "birth-death.json")).model();
        KramersMoyalChart chart = new KramersMoyalChart(List.of("X"), ChartStyle.light());
        chart.show(bd, new double[][] {{-2, 20}}, new double[] {0}, false);
        XYPlot plot = (XYPlot) ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().get(0);
        assertEquals(0, plot.getDataset().getXValue(0, 0), 0, "a copy number is never negative: the drift curve starts at x = 0");
        assertEquals(20, plot.getDataset().getXValue(0, plot.getDataset().getItemCount(0) - 1), 1e-12);
        assertTrue(plot.getDomainAxis().getLowerBound() >= 0, "x axis from " + plot.getDomainAxis().getLowerBound());
        assertEquals(10, plot.getDataset().getYValue(0, 0), 1e-12, "A(0) = k1");
    }

    private static void draws(JFreeChart chart) {
        BufferedImage img = chart.createBufferedImage(640, 400);
        assertTrue(img.getWidth() == 640);
    }
}
