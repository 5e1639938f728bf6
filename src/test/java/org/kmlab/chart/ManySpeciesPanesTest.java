package org.kmlab.chart;

import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.ModelText;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model with four species (more than the master equation and Fokker–Planck take): the
 * distribution has a panel per species with its own marginal and density axis, the time course a
 * panel per species with its own value axis, and the cloud shows a pair.
 */
class ManySpeciesPanesTest {
    private static final Model CHAIN = ModelText.parse("""
            k = 1; Omega = 1; A = 5; B = 0; C = 0; D = 0
            0 -> A @ k
            A -> B @ k
            B -> C @ k
            C -> D @ k
            D -> 0 @ k
            """, "chain").model();

    /** Species s has mean 10^s (1, 10, 100, 1000) and a marginal peaked at 10^s with height 1/(s + 1). */
    private static Recording recording() {
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("ssa", "lna"));
        for (int k = 0; k < 2; k++) {
            double[] mean = new double[4];
            double[][] cov = new double[4][4];
            Density1D[] marginals = new Density1D[4];
            for (int s = 0; s < 4; s++) {
                mean[s] = Math.pow(10, s);
                cov[s][s] = mean[s];
                marginals[s] = new Density1D(mean[s] - 1, 1, new double[] {0, 1.0 / (s + 1), 0});
            }
            double[][] states = {mean.clone(), mean.clone()};
            RecordingFixture.put(rec, 0, k, new Snapshot(k, mean, cov, marginals, null, states, 1));
            RecordingFixture.put(rec, 1, k, new Snapshot(k, mean, cov, null, null, new double[0][], 1));
        }
        return rec;
    }

    @Test
    void everySpeciesHasItsMarginalAndItsTimeCourse() {
        assertEquals(4, CHAIN.speciesCount());
        ChartSet set = new ChartSet(CHAIN, ChartStyle.light());
        set.show(CHAIN, 1, recording(), 1, Set.of());

        PanelRow row = (PanelRow) set.pane("distribution").orElseThrow().chart().getPlot();
        assertEquals(4, row.panels().size(), "a marginal per species");
        for (int s = 0; s < 4; s++) {
            XYPlot p = row.panels().get(s);
            double centre = Math.pow(10, s);
            assertTrue(p.getDomainAxis().getRange().contains(centre), "species " + s + "'s axis spans its mean " + centre + ": " + p.getDomainAxis().getRange());
        }

        CombinedDomainXYPlot course = (CombinedDomainXYPlot) set.pane("timecourse").orElseThrow().chart().getPlot();
        assertEquals(4, course.getSubplots().size(), "a time course per species");
        XYPlot first = (XYPlot) course.getSubplots().get(0), last = (XYPlot) course.getSubplots().get(3);
        assertTrue(first.getRangeAxis().getUpperBound() < 100 && last.getRangeAxis().getUpperBound() > 900,
                "A ≈ 1 and D ≈ 1000 each on their own axis: " + first.getRangeAxis().getRange() + ", " + last.getRangeAxis().getRange());

        assertTrue(set.pane("cloud").isPresent(), "the cloud of a chosen pair");
        for (String pane : List.of("distribution", "timecourse", "cloud")) {
            set.pane(pane).orElseThrow().chart().draw(new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB).createGraphics(), new Rectangle(600, 400));
        }
    }
}
