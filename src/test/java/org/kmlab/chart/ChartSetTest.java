package org.kmlab.chart;

import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four panes of a model and how a recording feeds them: the code shared by the window and the figure export. */
class ChartSetTest {
    private static Model birthDeath() { return PresetIO.read(Path.of("presets/birth-death.json")).model(); }

    /** An SSA density at x in [c − 1, c + 1] and mean c: the shown range moves right with c. */
    private static Recording moving() {
        Recording rec = RecordingFixture.of(new double[] {0, 1, 2}, List.of("ssa"));
        for (int k = 0; k < 3; k++) {
            double c = 5 + 5 * k;
            Density1D d = new Density1D(c - 1, 1, new double[] {0.25, 0.5, 0.25});
            RecordingFixture.put(rec, 0, k, new Snapshot(k, new double[] {c}, new double[][] {{0.5}}, new Density1D[] {d}, null, null, 1));
        }
        return rec;
    }

    private static XYDataset drift(ChartSet set) {
        return ((XYPlot) ((CombinedRangeXYPlot) set.kramersMoyal().chart().getPlot()).getSubplots().get(0)).getDataset();
    }

    @Test void theCloudIsForTwoSpeciesOnly() {
        assertNull(new ChartSet(birthDeath(), 10, ChartStyle.light()).cloud());
        assertNotNull(new ChartSet(PresetIO.read(Path.of("presets/predator-prey.json")).model(), 10, ChartStyle.light()).cloud());
    }

    @Test void playingGrowsTheShownRangeAndTheKramersMoyalCurvesFollowIt() {
        Recording rec = moving();
        ChartSet set = new ChartSet(birthDeath(), 2, ChartStyle.light());
        set.play(rec, 2, false);
        ChartSet.KramersMoyalView view = set.kramersMoyalView(rec, 2);
        double[] shown = set.distribution().shownRange(0);
        assertArrayEquals(shown, view.ranges()[0]);
        assertEquals(15, view.at()[0], 0, "held at the SSA mean at k = 2");
        assertTrue(shown[0] < 4 && shown[1] > 16, "the range only grows while playing: " + shown[0] + ".." + shown[1]);
        XYDataset a = drift(set);
        assertEquals(shown[0], a.getXValue(0, 0), 1e-12);
        assertEquals(shown[1], a.getXValue(0, a.getItemCount(0) - 1), 1e-12);
        assertEquals(10 - shown[0], a.getYValue(0, 0), 1e-9, "A = k1 − k2·x");

        ChartSet.KramersMoyalView headless = ChartSet.kramersMoyalViewAfterPlaying(birthDeath(), rec, 2);
        assertArrayEquals(view.ranges()[0], headless.ranges()[0], "data exports see the range the window shows");
        assertArrayEquals(view.at(), headless.at());
    }

    @Test void beforeARunTheKramersMoyalCurvesSurroundTheInitialState() {
        ChartSet set = new ChartSet(birthDeath().with("X0", 3), 10, ChartStyle.light());
        set.showModelOnly(true);
        XYDataset a = drift(set);
        assertEquals(0, a.getXValue(0, 0), 1e-12, "x0 = 3 ± 3");
        assertEquals(6, a.getXValue(0, a.getItemCount(0) - 1), 1e-12);
        assertEquals(200, a.getItemCount(2), "M3/3! drawn when asked");
    }

    @Test void newParametersRedrawTheCurvesAndOtherSpeciesAreRefused() {
        ChartSet set = new ChartSet(birthDeath(), 10, ChartStyle.light());
        set.showModelOnly(false);
        double before = drift(set).getYValue(0, 0);
        set.setModel(birthDeath().with("k1", 20));
        set.showModelOnly(false);
        assertEquals(before + 10, drift(set).getYValue(0, 0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> set.setModel(PresetIO.read(Path.of("presets/predator-prey.json")).model()));
    }
}
