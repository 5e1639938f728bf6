package org.kmlab.chart;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window never shows a curve it knows to be wrong without saying so: a solver whose own error
 * estimate at the time on show exceeds 1 % in L1 is named, with the estimate, under the title of
 * the distribution and cloud panes; below that, or at another time, nothing is written.
 */
class ErrorWarningTest {
    private static Snapshot oneSpecies(double error) {
        Density1D d = new Density1D(4, 0.5, new double[] {0.1, 0.5, 1.0, 0.4, 0.0});
        return new Snapshot(1, new double[] {d.mean()}, new double[][] {{d.variance()}}, new Density1D[] {d}, null, new double[0][], d.mass())
                .withError(error);
    }

    private static Snapshot twoSpecies(double error) {
        return new Snapshot(1, new double[] {1, 2}, new double[][] {{0.1, 0}, {0, 0.2}}, null, null, new double[0][], 1).withError(error);
    }

    @Test
    void theDistributionPaneNamesTheSolverWhoseEstimateIsVisible() {
        Model m = TestPresets.model("birth-death");
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("cme", "fp"));
        RecordingFixture.put(rec, 0, 0, oneSpecies(1e-9));   // (solver, output index)
        RecordingFixture.put(rec, 0, 1, oneSpecies(0.002));
        RecordingFixture.put(rec, 1, 0, oneSpecies(1e-9));
        RecordingFixture.put(rec, 1, 1, oneSpecies(0.032));
        ChartSet set = new ChartSet(m, ChartStyle.light());
        DistributionPane pane = (DistributionPane) set.pane("distribution").orElseThrow();

        set.show(m, 1, rec, 0, Set.of());
        assertEquals("", pane.errorWarning(), "both estimates are far below 1 % at t = 0");

        set.show(m, 1, rec, 1, Set.of());
        String warning = pane.errorWarning();
        assertTrue(warning.contains("FP\u00A03.2\u00A0%"), "solver, value and unit kept together (no-break spaces): " + warning);
        assertFalse(warning.contains("CME"), "the CME's 0.2 % cannot be seen: " + warning);
        pane.chart().draw(new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB).createGraphics(), new Rectangle(600, 400));
    }

    @Test
    void theCloudPaneNamesItToo() {
        Model m = TestPresets.model("predator-prey");
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("cme", "fp"));
        RecordingFixture.put(rec, 0, 0, twoSpecies(0));
        RecordingFixture.put(rec, 0, 1, twoSpecies(0.011));
        RecordingFixture.put(rec, 1, 0, twoSpecies(0));
        RecordingFixture.put(rec, 1, 1, twoSpecies(0.25));
        ChartSet set = new ChartSet(m, ChartStyle.dark());
        CloudPane pane = (CloudPane) set.pane("cloud").orElseThrow();
        set.show(m, 1, rec, 1, Set.of());
        String warning = pane.errorWarning();
        assertTrue(warning.contains("CME\u00A01.1\u00A0%") && warning.contains("FP\u00A025.0\u00A0%"), warning);
        set.show(m, 1, rec, 0, Set.of());
        assertEquals("", pane.errorWarning());
    }
}
