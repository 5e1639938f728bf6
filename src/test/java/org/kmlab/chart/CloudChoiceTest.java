package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.ModelText;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.solve.Snapshot;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A model with three species: the cloud shows the pair chosen by {@link CloudAxes} (axis labels,
 * the ensemble's states and the LNA ellipse's centre in those species), the first two by default;
 * and the fading trail holds the earlier output times asked for, none before the first.
 */
class CloudChoiceTest {
    private static final Model CHAIN = ModelText.parse("""
            k1 = 1; k2 = 0.5; k3 = 0.2; Omega = 10; A = 5; B = 0; C = 0
            0 -> A @ k1
            A -> B @ k2
            B -> C @ k3
            C -> 0 @ k3
            """, "chain").model();

    /** States (a, b, c) = (1 + k, 2 + k, 3 + k)·{1, 1.1}: two trajectories; a Gaussian centred on (10k + 1, 10k + 2, 10k + 3). */
    private static Recording recording(int outputs) {
        double[] times = new double[outputs];
        for (int k = 0; k < outputs; k++) times[k] = k;
        Recording rec = RecordingFixture.of(times, List.of("ssa", "lna"));
        for (int k = 0; k < outputs; k++) {
            double[][] states = {{1 + k, 2 + k, 3 + k}, {1.1 * (1 + k), 1.1 * (2 + k), 1.1 * (3 + k)}};
            RecordingFixture.put(rec, 0, k, new Snapshot(k, new double[] {1 + k, 2 + k, 3 + k}, new double[3][3], null, null, states, 1));
            double[][] cov = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            RecordingFixture.put(rec, 1, k, new Snapshot(k, new double[] {10 * k + 1, 10 * k + 2, 10 * k + 3}, cov, null, null, new double[0][], 1));
        }
        return rec;
    }

    private static XYDataset dataset(XYPlot plot, SeriesKey.Role role) {
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            XYDataset d = plot.getDataset(i);
            if (d != null && d.getSeriesCount() > 0 && ((SeriesKey) d.getSeriesKey(0)).role() == role) return d;
        }
        throw new AssertionError("no dataset of " + role);
    }

    private static double meanX(XYDataset d, int series) {
        double s = 0;
        for (int i = 0; i < d.getItemCount(series); i++) s += d.getXValue(series, i);
        return s / d.getItemCount(series);
    }

    @Test
    void theChosenPairIsOnTheAxesAndInTheData() {
        Recording rec = recording(3);
        ChartSet set = new ChartSet(CHAIN, ChartStyle.light());
        CloudPane pane = (CloudPane) set.pane("cloud").orElseThrow();
        JFreeChart chart = pane.chart();
        XYPlot plot = (XYPlot) chart.getPlot();

        set.show(CHAIN, 10, rec, 2, Set.of());
        assertEquals("x = A/Ω", plot.getDomainAxis().getLabel());
        assertEquals("y = B/Ω", plot.getRangeAxis().getLabel());
        assertEquals(3, dataset(plot, SeriesKey.Role.STATES).getXValue(0, 0), 1e-12, "A of the first trajectory at k = 2");

        set.show(CHAIN, 10, rec, 2, Set.of(), Map.of(CloudAxes.class, new CloudAxes(2, 0)));
        assertEquals("x = C/Ω", plot.getDomainAxis().getLabel());
        assertEquals("y = A/Ω", plot.getRangeAxis().getLabel());
        XYDataset states = dataset(plot, SeriesKey.Role.STATES);
        assertEquals(5, states.getXValue(0, 0), 1e-12, "C across");
        assertEquals(3, states.getYValue(0, 0), 1e-12, "A up");
        assertEquals(23, meanX(dataset(plot, SeriesKey.Role.ELLIPSE_1SD), 0), 0.05, "the LNA ellipse is centred on C's mean");
        chart.draw(new BufferedImage(500, 400, BufferedImage.TYPE_INT_ARGB).createGraphics(), new Rectangle(500, 400));
    }

    @Test
    void theTrailHoldsEarlierTimesOnlyWhenAskedAndNoneBeforeTheStart() {
        Recording rec = recording(101);
        ChartSet set = new ChartSet(CHAIN, ChartStyle.dark());
        CloudPane pane = (CloudPane) set.pane("cloud").orElseThrow();
        set.show(CHAIN, 100, rec, 50, Set.of());
        assertEquals(0, pane.trailSteps(), "off by default");
        set.show(CHAIN, 100, rec, 50, Set.of(CloudPane.TRAIL));
        assertEquals(6, pane.trailSteps());
        set.show(CHAIN, 100, rec, 5, Set.of(CloudPane.TRAIL));
        assertEquals(1, pane.trailSteps(), "101 outputs: a stride of 4, so only k = 1 lies before k = 5");
        set.show(CHAIN, 100, rec, 0, Set.of(CloudPane.TRAIL));
        assertEquals(0, pane.trailSteps());
        pane.chart().draw(new BufferedImage(500, 400, BufferedImage.TYPE_INT_ARGB).createGraphics(), new Rectangle(500, 400));
    }
}
