package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinusSignTicksTest {
    @TempDir Path dir;

    /** A curve over x in [−5, 5], y in [−1, 1]: negative ticks on both axes. */
    private static JFreeChart signed() {
        XYSeries s = new XYSeries("fp");
        for (int i = -20; i <= 20; i++) s.add(i / 4.0, Math.sin(i / 4.0));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("x"), new NumberAxis("A(x)"), new XYLineAndShapeRenderer(true, false));
        return new JFreeChart("signed", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    private static List<String> texts(Path svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    @Test
    void tickUnitsAndFormatOverridesWriteTheMinusSign() {
        NumberAxis auto = new NumberAxis("x");
        MinusSignTicks.apply(auto);
        NumberTickUnit tenth = (NumberTickUnit) auto.getStandardTickUnits().getCeilingTickUnit(0.1);
        assertEquals("\u22120.3", tenth.valueToString(-0.3));
        assertEquals("0.3", tenth.valueToString(0.3));
        NumberTickUnit larger = (NumberTickUnit) auto.getStandardTickUnits().getLargerTickUnit(new NumberTickUnit(0.5));
        assertEquals(new NumberTickUnitSource().getLargerTickUnit(new NumberTickUnit(0.5)).getSize(), larger.getSize(), "the units of JFreeChart's own source");
        assertEquals("\u2212" + larger.valueToString(larger.getSize()), larger.valueToString(-larger.getSize()));

        NumberAxis overridden = new NumberAxis("y");
        overridden.setNumberFormatOverride(new DecimalFormat("0.00"));
        MinusSignTicks.apply(overridden);
        assertEquals("\u22121.50", overridden.getNumberFormatOverride().format(-1.5));

        NumberAxis fixed = new NumberAxis("z");
        fixed.setTickUnit(new NumberTickUnit(2, new DecimalFormat("0")));
        MinusSignTicks.apply(fixed);
        assertEquals("\u22124", fixed.getTickUnit().valueToString(-4));
    }

    @Test
    void publicationFiguresHaveMinusSignsAndTheWindowLookKeepsItsOwn() throws Exception {
        Path pub = dir.resolve("pub.svg"), shown = dir.resolve("shown.svg");
        JFreeChart window = signed();
        FigureFiles.write(ChartFigure.publication(window, FigureSize.SINGLE, PublicationStyle.DEFAULT), FigureFormat.SVG, pub, 300);
        List<String> ticks = texts(pub);
        assertTrue(ticks.stream().anyMatch(t -> t.matches("\u2212\\d+(\\.\\d+)?")), "negative ticks with U+2212: " + ticks);
        assertFalse(ticks.stream().anyMatch(t -> t.matches("-\\d.*")), "no hyphen-minus: " + ticks);
        FigureFiles.write(ChartFigure.asShown(window, FigureSize.SINGLE), FigureFormat.SVG, shown, 300);
        assertTrue(texts(shown).stream().anyMatch(t -> t.matches("-\\d+(\\.\\d+)?")), "the window's chart is left alone: " + texts(shown));
    }

    @Test
    void pdfAndPngDrawTheMinusSignAsAGlyphOutline() throws Exception {
        Figure figure = ChartFigure.publication(signed(), FigureSize.SINGLE, PublicationStyle.DEFAULT);
        Path pdf = dir.resolve("signed.pdf");
        FigureFiles.write(figure, FigureFormat.PDF, pdf, 300);
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"));
        assertFalse(text.contains("/Font"), "text is outlined");
        assertTrue(new Font(Font.SANS_SERIF, Font.PLAIN, 8).canDisplay(MinusSignTicks.MINUS), "the type has a glyph for U+2212, not a missing-glyph box");
        BufferedImage png = FigureRenderer.toImage(figure, 150);
        assertEquals(FigureSize.SINGLE.widthPixels(150), png.getWidth());
    }
}
