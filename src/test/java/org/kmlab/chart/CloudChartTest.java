package org.kmlab.chart;

import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kmlab.run.Recording;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.Snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CloudChartTest {
    private static final double[] MEAN = {1.0, 0.8};
    private static final double[][] COV = {{0.04, -0.01}, {-0.01, 0.02}};

    private static Snapshot withJoint(double[] samplePoint) {
        double[] p = new double[4 * 4];
        java.util.Arrays.fill(p, 1 / (4 * 4 * 0.25 * 0.25));
        Density2D joint = new Density2D(0.5, 0.25, 4, 0.4, 0.25, 4, p);
        return new Snapshot(1, MEAN, COV, null, joint, samplePoint == null ? null : new double[][] {samplePoint}, 1);
    }

    private static Recording recording(Map<String, Snapshot> at1) {
        Map<String, SolverResult> results = new LinkedHashMap<>();
        at1.forEach((id, s) -> results.put(id, new SolverResult(org.kmlab.run.Descriptors.of(id), List.of(s, s), Map.of())));
        return Recording.of(new double[] {0, 1}, results);
    }

    private static String subtitle(CloudChart chart) {
        return ((TextTitle) chart.chart().getSubtitle(0)).getText();
    }

    @Test
    void theLinearNoiseEllipsesAreDrawnAtOneAndTwoSigma() {
        CloudChart chart = new CloudChart(List.of("X", "Y"), ChartStyle.light());
        chart.show(recording(Map.of("ssa", withJoint(new double[] {1, 1}), "lna", withJoint(null))), 1);
        XYDataset e = chart.chart().getXYPlot().getDataset(2);
        assertEquals(2, e.getSeriesCount());
        double det = COV[0][0] * COV[1][1] - COV[0][1] * COV[1][0];
        for (int series = 0; series < 2; series++) {
            assertTrue(e.getItemCount(series) > 50);
            for (int i = 0; i < e.getItemCount(series); i++) {
                double dx = e.getXValue(series, i) - MEAN[0], dy = e.getYValue(series, i) - MEAN[1];
                double q = (COV[1][1] * dx * dx - 2 * COV[0][1] * dx * dy + COV[0][0] * dy * dy) / det;
                assertEquals((series + 1) * (series + 1), q, 1e-9, "(p−m)ᵀΣ⁻¹(p−m) = n²");
            }
        }
    }

    @Test
    void noEllipsesWithoutTheLinearNoiseApproximation() {
        CloudChart chart = new CloudChart(List.of("X", "Y"), ChartStyle.light());
        chart.show(recording(Map.of("ssa", withJoint(new double[] {1, 1}))), 1);
        XYDataset e = chart.chart().getXYPlot().getDataset(2);
        assertEquals(0, e.getItemCount(0));
        assertFalse(legend(chart).contains("LNA 1σ, 2σ"), "no legend entry for a solver that did not run: " + legend(chart));
        chart.show(recording(Map.of("ssa", withJoint(new double[] {1, 1}), "lna", withJoint(null))), 1);
        assertTrue(legend(chart).contains("LNA 1σ, 2σ"), legend(chart).toString());
    }

    private static List<String> legend(CloudChart chart) {
        List<String> labels = new java.util.ArrayList<>();
        var items = chart.chart().getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) labels.add(items.get(i).getLabel());
        return labels;
    }

    @Test
    void theShadingComesFromTheMasterEquationWhenItRan() {
        CloudChart chart = new CloudChart(List.of("X", "Y"), ChartStyle.light());
        chart.show(recording(Map.of("ssa", withJoint(new double[] {1, 1}), "fp", withJoint(null), "cme", withJoint(null))), 1);
        assertEquals("shading: Master equation density", subtitle(chart));
        chart.show(recording(Map.of("ssa", withJoint(new double[] {1, 1}), "fp", withJoint(null))), 1);
        assertEquals("shading: Fokker–Planck density", subtitle(chart));
        chart.show(recording(Map.of("ssa", withJoint(new double[] {1, 1}))), 1);
        assertEquals("shading: SSA (Gillespie) density", subtitle(chart));
    }
}
