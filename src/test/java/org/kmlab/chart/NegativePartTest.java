package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A truncated Kramers–Moyal expansion whose density dips below zero: the distribution pane fills
 * the negative part in its own colour (resolved from the NEGATIVE role by the looks, the same in
 * every theme), stretches the axis below zero, and prints the "probability" below zero; a density
 * that stays positive gets no such series.
 */
class NegativePartTest {
    private static final Model BIRTH_DEATH = TestPresets.model("birth-death");

    private static Snapshot snapshot(double[] p) {
        Density1D d = new Density1D(4, 0.5, p);
        return new Snapshot(1, new double[] {d.mean()}, new double[][] {{d.variance()}}, new Density1D[] {d}, null, new double[0][], d.mass());
    }

    @Test
    void theNegativePartIsFilledInItsOwnColourAndItsMassPrinted() {
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("cme", "km2", "km3"));
        RecordingFixture.put(rec, 0, 1, snapshot(new double[] {0.1, 0.5, 1.0, 0.4, 0.0}));
        RecordingFixture.put(rec, 1, 1, snapshot(new double[] {0.1, 0.5, 1.0, 0.4, 0.0}));
        RecordingFixture.put(rec, 2, 1, snapshot(new double[] {-0.04, 0.6, 1.0, 0.46, -0.02}));
        for (ChartStyle style : new ChartStyle[] {ChartStyle.light(), ChartStyle.dark()}) {
            ChartSet set = new ChartSet(BIRTH_DEATH, style);
            set.show(BIRTH_DEATH, 1, rec, 1, Set.of());
            JFreeChart chart = set.pane("distribution").orElseThrow().chart();
            XYPlot plot = (XYPlot) chart.getPlot();
            int negative = -1;
            for (int i = 0; i < plot.getDatasetCount(); i++) {
                XYDataset d = plot.getDataset(i);
                if (d != null && d.getSeriesCount() > 0 && ((SeriesKey) d.getSeriesKey(0)).role() == SeriesKey.Role.NEGATIVE) negative = i;
            }
            assertTrue(negative >= 0, "a dataset of negative parts");
            XYDataset d = plot.getDataset(negative);
            assertEquals(2, d.getSeriesCount(), "one series per density solver (km2, km3)");
            assertEquals(0, d.getItemCount(0), "km2 stays positive: nothing drawn");
            assertEquals(2, d.getItemCount(1), "km3's two negative cells");
            assertTrue(d.getYValue(1, 0) < 0);
            Color paint = (Color) plot.getRenderer(negative).getSeriesPaint(1);
            assertEquals(WindowLooks.NEGATIVE_COLOR.getRGB() & 0xFFFFFF, paint.getRGB() & 0xFFFFFF, style.name());
            assertTrue(plot.getRangeAxis().getLowerBound() < -0.04, "the axis shows the dip: " + plot.getRangeAxis().getLowerBound());
            String note = ChartNotes.of(chart);
            assertTrue(note.contains("P < 0") && note.contains("KM3 0.03"), note);   // (0.04 + 0.02)·0.5
            String raw = ((org.jfree.chart.title.TextTitle) chart.getSubtitles().stream()
                    .filter(t -> DistributionPane.NOTES_ID.equals(((org.jfree.chart.title.Title) t).getID())).findFirst().orElseThrow()).getText();
            assertTrue(raw.contains("KM3" + DistributionPane.NO_BREAK + "0.03"), "a solver and its value are not split when the line wraps: " + raw);
            assertFalse(note.contains("KM2"), note);
            chart.draw(new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB).createGraphics(), new java.awt.Rectangle(400, 300));
        }
        assertTrue(SolverRegistry.builtIn().has("km3"), "the truncations are registered");
    }
}
