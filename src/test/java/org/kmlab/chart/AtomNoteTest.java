package org.kmlab.chart;

import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The note giving P(X = 0) of an absorbing state (drawn as a bar above the scale at the left edge)
 * is a line under the pane's title, not a box over the plot: in the short plots of a multi-panel
 * figure the box (four lines with three solvers) covered half the plot and the peak with it.
 */
class AtomNoteTest {
    @Test
    void theExtinctionNoteIsALineUnderTheTitleNotOverTheCurves() {
        Model m = TestPresets.model("logistic");
        double h = 1 / m.size();
        int cells = (int) Math.round(3 / h);
        double[] p = new double[cells];
        for (int i = 1; i < cells; i++) p[i] = Math.exp(-Math.pow(i * h - 0.8, 2) / 0.18);
        double mass = 0;
        for (double v : p) mass += v * h;
        for (int i = 1; i < cells; i++) p[i] *= 0.8 / mass;
        p[0] = 0.2 / h;   // 20 % extinct
        Density1D d = new Density1D(0, h, p);
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("cme", "fp"));
        Snapshot snap = new Snapshot(1, new double[] {d.mean()}, new double[][] {{d.variance()}}, new Density1D[] {d}, null, new double[0][], d.mass());
        for (int solver = 0; solver < 2; solver++) {
            RecordingFixture.put(rec, solver, 0, snap);
            RecordingFixture.put(rec, solver, 1, snap);
        }
        ChartSet set = new ChartSet(m, ChartStyle.light());
        DistributionPane pane = (DistributionPane) set.pane("distribution").orElseThrow();
        set.show(m, 1, rec, 1, Set.of());

        XYPlot plot = (XYPlot) pane.chart().getPlot();
        assertTrue(plot.getAnnotations().isEmpty(), "nothing drawn over the plot");
        assertEquals("P(X = 0): CME 0.200 · FP 0.200", ChartNotes.of(pane.chart()));
        String raw = ((TextTitle) pane.chart().getSubtitles().stream().filter(t -> DistributionPane.NOTES_ID.equals(((Title) t).getID()))
                .findFirst().orElseThrow()).getText();
        assertTrue(raw.contains("CME" + DistributionPane.NO_BREAK + "0.200"), "a solver and its value are not split when the line wraps: " + raw);
    }
}
