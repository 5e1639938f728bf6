package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartFigureTest {

    @Test
    void publicationStyleRestylesACopyAndLeavesTheWindowChartAlone() {
        JFreeChart window = TestCharts.lines("window");
        XYPlot windowPlot = (XYPlot) window.getPlot();
        Paint windowBackground = window.getBackgroundPaint();
        Paint windowSeries0 = windowPlot.getRenderer().getSeriesPaint(0);

        ChartFigure figure = ChartFigure.publication(window, FigureSize.SINGLE, PublicationStyle.DEFAULT);

        assertSame(windowBackground, window.getBackgroundPaint());
        assertSame(windowSeries0, windowPlot.getRenderer().getSeriesPaint(0));
        assertEquals(Color.WHITE, figure.chart().getBackgroundPaint());
        XYPlot copy = (XYPlot) figure.chart().getPlot();
        assertEquals(Color.WHITE, copy.getBackgroundPaint());
        assertEquals(PublicationStyle.PALETTE[0], copy.getRenderer().getSeriesPaint(0), "SSA in Okabe–Ito blue");
        assertEquals(Color.BLACK, copy.getRenderer().getSeriesPaint(1), "the master equation in black");
    }

    @Test
    void theCopyOwnsItsDataAndItsLegendReadsTheRestyledPlot() {
        JFreeChart window = TestCharts.lines("window");
        XYSeriesCollection windowData = (XYSeriesCollection) ((XYPlot) window.getPlot()).getDataset();
        ChartFigure figure = ChartFigure.publication(window, FigureSize.SINGLE, PublicationStyle.DEFAULT);
        XYPlot copy = (XYPlot) figure.chart().getPlot();
        int before = copy.getDataset().getItemCount(0);

        windowData.getSeries(0).add(99.0, 1.0); // the window keeps updating its chart
        assertEquals(before, copy.getDataset().getItemCount(0));
        assertNotEquals(windowData, copy.getDataset());

        LegendItemCollection items = figure.chart().getLegend().getSources()[0].getLegendItems();
        assertSame(copy, figure.chart().getLegend().getSources()[0]);
        assertEquals(PublicationStyle.PALETTE[2], items.get(2).getLinePaint(), "Fokker–Planck in vermillion, in the legend too");
    }

    @Test
    void eachSeriesGetsItsOwnDashSoGreyscalePrintKeepsThemApart() {
        ChartFigure figure = ChartFigure.publication(TestCharts.lines("t"), FigureSize.SINGLE, PublicationStyle.DEFAULT);
        XYPlot plot = (XYPlot) figure.chart().getPlot();
        Set<String> dashes = new HashSet<>();
        for (int s = 0; s < 3; s++) {
            BasicStroke stroke = (BasicStroke) plot.getRenderer().getSeriesStroke(s);
            assertEquals(FigureSize.SINGLE.lineWidthPt(), stroke.getLineWidth(), 1e-6);
            dashes.add(java.util.Arrays.toString(stroke.getDashArray()));
        }
        assertEquals(3, dashes.size());
        assertTrue(((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer()).getDrawSeriesLineAsPath(),
                "dashes run along the whole curve, not restarting at each of its many points");
    }

    @Test
    void slideLinesAreThickerThanPrintLines() {
        XYPlot print = (XYPlot) ChartFigure.publication(TestCharts.lines("t"), FigureSize.SINGLE, PublicationStyle.DEFAULT).chart().getPlot();
        XYPlot slide = (XYPlot) ChartFigure.publication(TestCharts.lines("t"), FigureSize.SLIDE, PublicationStyle.DEFAULT).chart().getPlot();
        float p = ((BasicStroke) print.getRenderer().getSeriesStroke(0)).getLineWidth();
        float s = ((BasicStroke) slide.getRenderer().getSeriesStroke(0)).getLineWidth();
        assertEquals(2 * p, s, 1e-6);
    }

    @Test
    void fontsTakeThePrintSizesOfTheFigureSize() {
        ChartFigure single = ChartFigure.asShown(TestCharts.lines("t"), FigureSize.SINGLE);
        XYPlot plot = (XYPlot) single.chart().getPlot();
        assertEquals(8f, plot.getDomainAxis().getTickLabelFont().getSize2D(), 1e-6);
        assertEquals(9f, plot.getDomainAxis().getLabelFont().getSize2D(), 1e-6);
        assertEquals(10f, single.chart().getTitle().getFont().getSize2D(), 1e-6);
        assertEquals(8f, single.chart().getLegend().getItemFont().getSize2D(), 1e-6);
        ChartFigure slide = ChartFigure.asShown(TestCharts.lines("t"), FigureSize.SLIDE);
        assertEquals(14f, ((XYPlot) slide.chart().getPlot()).getDomainAxis().getTickLabelFont().getSize2D(), 1e-6);
    }

    @Test
    void asShownKeepsTheWindowColoursAndSerifStyleSwitchesTheFamily() {
        ChartFigure shown = ChartFigure.asShown(TestCharts.lines("t"), FigureSize.SINGLE);
        assertEquals(Color.RED, ((XYPlot) shown.chart().getPlot()).getRenderer().getSeriesPaint(0));
        ChartFigure serif = ChartFigure.publication(TestCharts.lines("t"), FigureSize.SINGLE,
                new PublicationStyle(PublicationStyle.Typeface.SERIF, false));
        XYPlot plot = (XYPlot) serif.chart().getPlot();
        assertEquals("Serif", plot.getDomainAxis().getLabelFont().getName());
        assertTrue(!plot.isDomainGridlinesVisible() && !plot.isRangeGridlinesVisible());
    }

    @Test
    void histogramsLoseGradientsAndShadows() {
        ChartFigure figure = ChartFigure.publication(TestCharts.histogram(), FigureSize.SINGLE, PublicationStyle.DEFAULT);
        var r = (org.jfree.chart.renderer.xy.XYBarRenderer) ((XYPlot) figure.chart().getPlot()).getRenderer();
        assertTrue(r.getBarPainter() instanceof org.jfree.chart.renderer.xy.StandardXYBarPainter);
        assertTrue(!r.getShadowsVisible());
        LegendItem item = r.getLegendItem(0, 0);
        assertNotNull(item);
    }

    @Test
    void aBandKeepsItsTranslucencyAndSolversWithoutDataLeaveTheLegend() {
        org.jfree.data.xy.YIntervalSeriesCollection data = new org.jfree.data.xy.YIntervalSeriesCollection();
        org.jfree.data.xy.YIntervalSeries band = new org.jfree.data.xy.YIntervalSeries(TestCharts.key("ssa", org.kmlab.chart.SeriesKey.Role.BAND));
        for (int i = 0; i < 10; i++) band.add(i, i, i - 1, i + 1);
        data.addSeries(band);
        data.addSeries(new org.jfree.data.xy.YIntervalSeries(TestCharts.key("cle", org.kmlab.chart.SeriesKey.Role.BAND)));
        org.jfree.chart.renderer.xy.DeviationRenderer r = new org.jfree.chart.renderer.xy.DeviationRenderer(true, false);
        r.setSeriesPaint(0, Color.BLUE);
        r.setSeriesFillPaint(0, new Color(0, 0, 255, 64));
        r.setSeriesPaint(1, Color.RED);
        XYPlot plot = new XYPlot(data, new org.jfree.chart.axis.NumberAxis("t"), new org.jfree.chart.axis.NumberAxis("x"), r);
        JFreeChart chart = new JFreeChart("band", JFreeChart.DEFAULT_TITLE_FONT, plot, true);

        ChartFigure figure = ChartFigure.publication(chart, FigureSize.SINGLE, PublicationStyle.DEFAULT);
        var styled = (org.jfree.chart.renderer.xy.DeviationRenderer) ((XYPlot) figure.chart().getPlot()).getRenderer();
        Color fill = (Color) styled.getSeriesFillPaint(0);
        assertEquals(64, fill.getAlpha());
        assertEquals(PublicationStyle.PALETTE[0].getRGB() & 0xFFFFFF, fill.getRGB() & 0xFFFFFF);
        assertEquals(255, ((Color) styled.getSeriesPaint(0)).getAlpha());
        assertEquals(1, figure.chart().getLegend().getSources()[0].getLegendItems().getItemCount());
        assertEquals(2, chart.getLegend().getSources()[0].getLegendItems().getItemCount(), "the window's legend is untouched");
    }

    @Test
    void screenMarkersShrinkToPrintSizeAndOpenUp() {
        org.jfree.data.xy.XYSeries points = new org.jfree.data.xy.XYSeries(TestCharts.key("cme", org.kmlab.chart.SeriesKey.Role.DENSITY));
        for (int i = 0; i < 10; i++) points.add(i, i * i);
        var r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, true);
        JFreeChart chart = new JFreeChart(new XYPlot(new org.jfree.data.xy.XYSeriesCollection(points), new org.jfree.chart.axis.NumberAxis("n"),
                new org.jfree.chart.axis.NumberAxis("P"), r));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4.5, -4.5, 9, 9)); // 9 px in the window
        var print = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) ((XYPlot) ChartFigure.publication(chart, FigureSize.SINGLE, PublicationStyle.DEFAULT).chart().getPlot()).getRenderer();
        var slide = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) ((XYPlot) ChartFigure.publication(chart, FigureSize.SLIDE, PublicationStyle.DEFAULT).chart().getPlot()).getRenderer();
        assertEquals(4.5, print.getSeriesShape(0).getBounds2D().getWidth(), 1e-9);
        assertEquals(9.0, slide.getSeriesShape(0).getBounds2D().getWidth(), 1e-9);
        assertEquals(Color.WHITE, print.getSeriesFillPaint(0));
        assertTrue(print.getUseFillPaint() && print.getDrawOutlines() && !print.getUseOutlinePaint());
        assertEquals(9.0, r.getSeriesShape(0).getBounds2D().getWidth(), 1e-9, "the window's marker is untouched");
    }
}
