package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiPanelFigureTest {

    @Test
    void panelsAreLabelledInReadingOrderAndTheLabelsAreDrawn() throws Exception {
        List<JFreeChart> charts = List.of(TestCharts.lines("one"), TestCharts.histogram(), TestCharts.lines("three"), TestCharts.histogram());
        MultiPanelFigure figure = MultiPanelFigure.of(charts, FigureSize.DOUBLE, PublicationStyle.DEFAULT);
        assertEquals(List.of("a", "b", "c", "d"), figure.labels());

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(SvgFigureWriter.render(figure).getBytes(StandardCharsets.UTF_8)));
        List<String> texts = FigureFilesTest.texts(svg);
        for (String label : figure.labels()) assertTrue(texts.contains(label), label + " in " + texts);
        assertTrue(labelStyle(svg, "a").contains("font-weight: bold"), labelStyle(svg, "a"));
    }

    @Test
    void gridFollowsTheWidthAndRowsAddHeight() {
        List<JFreeChart> four = List.of(TestCharts.lines("1"), TestCharts.lines("2"), TestCharts.lines("3"), TestCharts.lines("4"));
        MultiPanelFigure d = MultiPanelFigure.of(four, FigureSize.DOUBLE, null);
        assertEquals(2, d.columns());
        assertEquals(2, d.rows());
        assertEquals(FigureSize.DOUBLE.widthPt(), d.widthPt(), 1e-9);
        assertEquals(2 * (FigureSize.DOUBLE.widthPt() / 2) * MultiPanelFigure.PANEL_ASPECT, d.heightPt(), 1e-9);

        MultiPanelFigure three = MultiPanelFigure.of(four.subList(0, 3), FigureSize.DOUBLE, null);
        assertEquals(2, three.columns(), "three panels in a row of a double column are too cramped");
        assertEquals(2, three.rows());

        MultiPanelFigure single = MultiPanelFigure.of(four.subList(0, 2), FigureSize.SINGLE, null);
        assertEquals(1, single.columns());
        assertEquals(2, single.rows());

        MultiPanelFigure slide = MultiPanelFigure.of(four, FigureSize.SLIDE, null);
        assertEquals(FigureSize.SLIDE.widthPt(), slide.widthPt(), 1e-9);
        assertEquals(FigureSize.SLIDE.heightPt(), slide.heightPt(), 1e-9, "a slide keeps its 16:9 page");
    }

    @Test
    void aSolverKeepsOneLookAcrossPanels() {
        JFreeChart first = TestCharts.lines("1"), second = TestCharts.lines("2");
        // the second chart lists the same solvers in another order: ssa moves from first to last
        org.jfree.data.xy.XYSeriesCollection d2 = (org.jfree.data.xy.XYSeriesCollection) ((XYPlot) second.getPlot()).getDataset();
        org.jfree.data.xy.XYSeries ssa = d2.getSeries(0);
        d2.removeSeries(0);
        d2.addSeries(ssa);
        MultiPanelFigure figure = MultiPanelFigure.of(List.of(first, second), FigureSize.DOUBLE, PublicationStyle.DEFAULT);
        var r1 = ((XYPlot) figure.panelChart(0).getPlot()).getRenderer();
        var r2 = ((XYPlot) figure.panelChart(1).getPlot()).getRenderer();
        assertEquals(r1.getSeriesPaint(0), r2.getSeriesPaint(2), "ssa");
        assertEquals(r1.getSeriesStroke(0), r2.getSeriesStroke(2));
        assertEquals(r1.getSeriesPaint(2), r2.getSeriesPaint(1), "fp");
        assertEquals(r1.getSeriesPaint(1), r2.getSeriesPaint(0), "cme");
        assertTrue(!r1.getSeriesPaint(0).equals(r1.getSeriesPaint(2)));
    }

    @Test
    void labelsContinuePastZ() {
        assertEquals("z", MultiPanelFigure.label(25));
        assertEquals("aa", MultiPanelFigure.label(26));
    }

    private static String labelStyle(Document svg, String label) {
        var nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getTextContent().equals(label)) return nodes.item(i).getAttributes().getNamedItem("style").getNodeValue();
        }
        return "";
    }
}
