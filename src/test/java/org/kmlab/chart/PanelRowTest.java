package org.kmlab.chart;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Panels side by side get the same data width whatever room their value axes take: only the first
 * carries the axis label, and equal shares of the row gave its data a third less width in the
 * narrow row of a figure (the S_T panel of the enzyme's 4-panel figure was half as wide as the others).
 */
class PanelRowTest {
    @Test
    void panelsWithAndWithoutAnAxisLabelGetTheSameDataWidth() {
        List<XYPlot> plots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DefaultXYDataset data = new DefaultXYDataset();
            data.addSeries("s", new double[][] {{0, 1, 2}, {0, 1000 * (i + 1), 0}});
            plots.add(new XYPlot(data, new NumberAxis("x"), new NumberAxis(i == 0 ? "density P(x, t)" : null), null));
        }
        JFreeChart chart = new JFreeChart(new PanelRow(plots, 14));
        chart.removeLegend();
        for (int width : new int[] {300, 900}) {
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = new BufferedImage(width, 200, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g2 = image.createGraphics();
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, 200), info);
            g2.dispose();
            int panels = info.getPlotInfo().getSubplotCount();
            assertEquals(3, panels);
            double first = info.getPlotInfo().getSubplotInfo(0).getDataArea().getWidth();
            assertTrue(first > 0, "a data area at width " + width);
            for (int i = 1; i < panels; i++) {
                assertEquals(first, info.getPlotInfo().getSubplotInfo(i).getDataArea().getWidth(), 1.0,
                        "panel " + i + " against the first (which has the axis label) at width " + width);
            }
        }
    }
}
