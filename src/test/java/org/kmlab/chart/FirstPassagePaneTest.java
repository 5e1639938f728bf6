package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Recording;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.cme.FiniteStateProjection;
import org.kmlab.solve.ssa.DirectMethodSsa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The first-passage pane: only for models with an absorbing set; one survival curve per solver with its mean time in the legend. */
class FirstPassagePaneTest {
    private static final double[] TIMES = {0, 1, 2};

    private static List<String> ids(Model m) { return new ChartSet(m, ChartStyle.light()).panes().stream().map(p -> p.kind().id()).toList(); }

    @Test void appearsForLogisticAndNotForBirthDeath() {
        assertTrue(ids(TestPresets.model("logistic")).contains("firstpassage"));
        assertFalse(ids(TestPresets.model("birth-death")).contains("firstpassage"));
        assertEquals(List.of("distribution", "timecourse", "km", "firstpassage"), ids(TestPresets.model("logistic")));
    }

    private static SolverResult result(org.kmlab.solve.SolverDescriptor d, FirstPassage f) {
        List<Snapshot> snaps = new ArrayList<>();
        for (double t : TIMES) snaps.add(new Snapshot(t, new double[] {1}, new double[][] {{0.1}}, new Density1D[] {new Density1D(0.05, 0.1, new double[] {10})}, null, new double[0][], 1));
        return new SolverResult(d, snaps, Map.of(FirstPassage.KEY, f));
    }

    @Test void drawsEachSolversSurvivalWithItsMeanTime() {
        Model m = TestPresets.model("logistic");
        Map<String, SolverResult> results = new LinkedHashMap<>();
        results.put("ssa", result(DirectMethodSsa.DESCRIPTOR, new FirstPassage(TIMES, new double[] {1, 0.6, 0.3}, 1.5, 0.05, 700, "sampled")));
        results.put("cme", result(FiniteStateProjection.DESCRIPTOR, new FirstPassage(TIMES, new double[] {1, 0.61, 0.31}, 1.523, 0, -1, "solved")));
        Recording rec = Recording.of(TIMES, results);
        ChartSet set = new ChartSet(m, ChartStyle.light());
        set.show(m, 2, rec, 2, Set.of());
        JFreeChart c = set.pane("firstpassage").orElseThrow().chart();
        XYPlot plot = c.getXYPlot();
        assertEquals(2, plot.getDataset().getSeriesCount());
        assertEquals(0.31, plot.getDataset().getYValue(1, 2));
        LegendItemCollection items = plot.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) labels.add(items.get(i).getLabel());
        assertEquals(List.of("SSA  T = 1.500 ± 0.05000 (30% censored)", "CME  T = 1.523"), labels);
        String subtitle = "";
        for (int i = 0; i < c.getSubtitleCount(); i++) if (c.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) subtitle = t.getText();
        assertTrue(subtitle.startsWith("absorbing: X <= 0   exact mean first-passage time T = 83.3"), subtitle);
        assertEquals(640, c.createBufferedImage(640, 400).getWidth());
    }
}
