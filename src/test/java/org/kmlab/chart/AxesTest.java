package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Automatic ticks on a tall probability axis stay far enough apart to read. */
class AxesTest {
    private static final int HEIGHT = 900;

    private static double ticksOn(NumberAxis y) {
        XYSeries s = new XYSeries("p");
        s.add(0, 0);
        s.add(1, 0.225);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("x"), y, new XYLineAndShapeRenderer());
        new JFreeChart(plot).createBufferedImage(500, HEIGHT);
        return y.getRange().getLength() / y.getTickUnit().getSize();
    }

    @Test void aTallAxisGetsAtMostOneTickPerMinimumGap() {
        double plain = ticksOn(new NumberAxis("P"));
        double readable = ticksOn(Axes.number("P"));
        assertTrue(plain > HEIGHT / Axes.MIN_TICK_GAP_VERTICAL, "JFreeChart alone packs them tighter: " + plain);
        assertTrue(readable <= HEIGHT / Axes.MIN_TICK_GAP_VERTICAL, "ticks: " + readable);
        assertTrue(readable >= 5, "still enough ticks to read a value: " + readable);
    }
}
