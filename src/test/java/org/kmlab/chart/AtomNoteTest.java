package org.kmlab.chart;

import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
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
 * goes into the top-right corner, as a narrow column, so it covers neither that bar nor the peak
 * next to it (logistic extinction: the peak sits left of the middle).
 */
class AtomNoteTest {
    @Test
    void theExtinctionNoteStaysClearOfTheAtomAndThePeak() {
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
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("cme"));
        Snapshot snap = new Snapshot(1, new double[] {d.mean()}, new double[][] {{d.variance()}}, new Density1D[] {d}, null, new double[0][], d.mass());
        RecordingFixture.put(rec, 0, 0, snap);
        RecordingFixture.put(rec, 0, 1, snap);
        ChartSet set = new ChartSet(m, ChartStyle.light());
        DistributionPane pane = (DistributionPane) set.pane("distribution").orElseThrow();
        set.show(m, 1, rec, 1, Set.of());

        XYPlot plot = (XYPlot) pane.chart().getPlot();
        List<XYTitleAnnotation> notes = plot.getAnnotations().stream()
                .filter(a -> a instanceof XYTitleAnnotation).map(a -> (XYTitleAnnotation) a).toList();
        assertEquals(1, notes.size());
        XYTitleAnnotation note = notes.get(0);
        assertTrue(note.getX() > 0.9, "the note sits in the top-right corner, away from the atom at 0: x = " + note.getX());
        assertEquals("P(X = 0):\nCME 0.200", ((TextTitle) note.getTitle()).getText().replace(DistributionPane.NO_BREAK, " "));
        assertTrue(note.getMaxWidth() <= 0.4, "a narrow column, not a band across the plot");
    }
}
