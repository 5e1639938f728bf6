package org.kmlab.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every still format for every size preset: the file exists and parses as asked. */
class FigureFilesTest {
    @TempDir Path dir;

    @Test
    void pngHasThePixelSizeOfItsDpiAndRecordsTheDpi() throws Exception {
        for (FigureSize size : FigureSize.presets()) {
            double dpi = size.isSlide() ? 96 : 300;
            Path png = dir.resolve(size.name() + ".png");
            FigureFiles.write(ChartFigure.publication(TestCharts.lines("t"), size, PublicationStyle.DEFAULT), FigureFormat.PNG, png, dpi);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(Math.round(size.widthInches() * dpi), image.getWidth(), size.name());
            assertEquals(Math.round(size.heightInches() * dpi), image.getHeight(), size.name());
            // pHYs holds whole pixels per metre: the DPI is exact to ±0.0254/2
            assertEquals(dpi, pngDpi(png), 0.0128, size.name());
        }
        assertEquals(1050, ImageIO.read(dir.resolve("single.png").toFile()).getWidth());
    }

    @Test
    void publicationPngIsDrawnInTheOkabeItoPalette() throws Exception {
        Path png = dir.resolve("f.png");
        PngFigureWriter.write(ChartFigure.publication(TestCharts.lines("t"), FigureSize.SINGLE, PublicationStyle.DEFAULT), png, 300);
        BufferedImage image = ImageIO.read(png.toFile());
        for (int slot : new int[] {0, 1, 2}) {
            assertTrue(count(image, PublicationStyle.PALETTE[slot]) > 100, "solver slot " + slot + " drawn in its Okabe–Ito colour");
        }
        assertEquals(0, count(image, Color.RED), "no screen colour left");
        assertEquals(Color.WHITE.getRGB(), image.getRGB(1, 1), "white background, not the window's gradient");
    }

    @Test
    void svgIsWellFormedXmlWithTextElementsAtThePrintedSize() throws Exception {
        for (FigureSize size : FigureSize.presets()) {
            Path svg = dir.resolve(size.name() + ".svg");
            FigureFiles.write(ChartFigure.publication(TestCharts.lines("t"), size, PublicationStyle.DEFAULT), FigureFormat.SVG, svg, 300);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getTagName());
            assertEquals(size.widthPt(), points(doc.getDocumentElement().getAttribute("width")), 1e-9);
            assertEquals(size.heightPt(), points(doc.getDocumentElement().getAttribute("height")), 1e-9);
            String[] viewBox = doc.getDocumentElement().getAttribute("viewBox").trim().split("[\\s,]+");
            assertEquals(size.widthPt(), Double.parseDouble(viewBox[2]), 1e-9, "user units are points");
            assertEquals(size.heightPt(), Double.parseDouble(viewBox[3]), 1e-9);
            List<String> texts = texts(doc);
            assertTrue(texts.contains(TestCharts.X_LABEL), "axis label as text with Ω: " + texts);
            assertTrue(texts.contains(TestCharts.Y_LABEL), "axis label as text with ⟨⟩ and −: " + texts);
        }
    }

    @Test
    void pdfHasOnePageOfTheAskedSizeAndNeedsNoFonts() throws Exception {
        for (FigureSize size : FigureSize.presets()) {
            Path pdf = dir.resolve(size.name() + ".pdf");
            FigureFiles.write(ChartFigure.publication(TestCharts.lines("t"), size, PublicationStyle.DEFAULT), FigureFormat.PDF, pdf, 300);
            byte[] bytes = Files.readAllBytes(pdf);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("%PDF-"), size.name());
            double[] box = mediaBox(text);
            assertEquals(0, box[0]);
            assertEquals(0, box[1]);
            assertEquals(size.widthPt(), box[2], 0.01, size.name());
            assertEquals(size.heightPt(), box[3], 0.01, size.name());
            assertEquals(1, Pattern.compile("/Type /Page\\b").matcher(text).results().count());
            assertFalse(text.contains("/Font"), "text is drawn as outlines, so no font is needed to open it");
        }
    }

    @Test
    void gifIsOnlyWrittenAsAnAnimation() {
        Figure f = ChartFigure.asShown(TestCharts.lines("t"), FigureSize.SINGLE);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FigureFiles.write(f, FigureFormat.GIF, dir.resolve("a.gif"), 96));
        assertTrue(e.getMessage().contains("animation"));
    }

    @Test
    void formatsAreKnownByNameAndExtension() {
        assertEquals(FigureFormat.PDF, FigureFormat.named("PDF"));
        assertEquals(FigureFormat.SVG, FigureFormat.ofFile(Path.of("x/fig.svg"), FigureFormat.PNG));
        assertEquals(FigureFormat.PNG, FigureFormat.ofFile(Path.of("fig"), FigureFormat.PNG));
        assertEquals("unknown format 'tiff': use png, svg, pdf or gif",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FigureFormat.named("tiff")).getMessage());
    }

    @Test
    void dpiOutsideTheSupportedRangeIsRefusedWithAMessage() {
        Figure f = ChartFigure.asShown(TestCharts.lines("t"), FigureSize.SINGLE);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PngFigureWriter.write(f, dir.resolve("a.png"), 5000));
        assertEquals("dpi must be between 36 and 1200, got 5000.0", e.getMessage());
        assertFalse(Files.exists(dir.resolve("a.png")));
    }

    /** "252.0pt" → 252. */
    static double points(String length) {
        assertTrue(length.endsWith("pt"), length);
        return Double.parseDouble(length.substring(0, length.length() - 2));
    }

    static double pngDpi(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata md = reader.getImageMetadata(0);
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            assertEquals(phys.getAttribute("pixelsPerUnitXAxis"), phys.getAttribute("pixelsPerUnitYAxis"));
            return Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
        }
    }

    static int count(BufferedImage image, Color c) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) n++;
        }
        return n;
    }

    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    static double[] mediaBox(String pdf) {
        Matcher m = Pattern.compile("/MediaBox\\s*\\[\\s*([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s*]").matcher(pdf);
        assertTrue(m.find(), "a MediaBox");
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
    }
}
