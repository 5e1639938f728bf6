package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The crosshair's readout: each visible series' value at x, read off the line between its items. */
class SeriesReadoutTest {
    private static JFreeChart chart() {
        XYSeries line = new XYSeries("CME");
        line.add(0, 0.0);
        line.add(1, 0.5);
        line.add(2, 0.1);
        XYSeries point = new XYSeries("exact");
        point.add(1.01, 0.25);
        XYSeries hidden = new XYSeries("hidden");
        hidden.add(0, 9);
        hidden.add(2, 9);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(line);
        data.addSeries(point);
        data.addSeries(hidden);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesVisibleInLegend(2, false);
        NumberAxis x = new NumberAxis("x");
        x.setRange(0, 2);
        return new JFreeChart(new XYPlot(data, x, new NumberAxis("P"), r));
    }

    @Test void readsEveryVisibleSeriesAtX() {
        assertEquals("CME 0.5000 · exact 0.2500", SeriesReadout.at(chart(), 0, 1.0), "a lone point counts when x is on it");
        assertEquals("CME 0.2500", SeriesReadout.at(chart(), 0, 0.5), "interpolated; the lone point is far; the hidden series is left out");
    }

    @Test void aSeriesWithoutItemsNearXSaysNothing() {
        assertEquals("CME 0.3000", SeriesReadout.at(chart(), 0, 1.5));
        assertEquals("", SeriesReadout.at(chart(), 3, 1.5), "no such panel");
    }
}
