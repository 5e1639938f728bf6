package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GifAnimationWriterTest {
    @TempDir Path dir;

    @Test
    void gifDecodesWithTheAskedFramesDelayAndSizeAndLoops() throws Exception {
        FigureSize size = FigureSize.SINGLE;
        List<Figure> frames = new AbstractList<>() { // built on demand, as the CLI does per output time
            @Override public Figure get(int i) { return ChartFigure.publication(TestCharts.lines("t = " + i), size, PublicationStyle.DEFAULT); }
            @Override public int size() { return 5; }
        };
        Path gif = dir.resolve("anim.gif");
        GifAnimationWriter.write(frames, gif, 4, 96);

        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            for (int i = 0; i < 5; i++) {
                BufferedImage frame = reader.read(i);
                assertEquals(size.widthPixels(96), frame.getWidth());
                assertEquals(size.heightPixels(96), frame.getHeight());
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("25", control.getAttribute("delayTime"), "4 frames per second = 25/100 s");
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject(), "loop forever");
        }
    }

    @Test
    void framesDifferWhenTheChartsDo() throws Exception {
        JFreeChart a = TestCharts.lines("a"), b = TestCharts.histogram();
        FigureSize size = new FigureSize("small", 144, 108, 8, 1);
        Path gif = dir.resolve("two.gif");
        GifAnimationWriter.write(List.of(ChartFigure.asShown(a, size), ChartFigure.asShown(b, size)), gif, 1, 72);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            BufferedImage f0 = reader.read(0), f1 = reader.read(1);
            int differing = 0;
            for (int y = 0; y < f0.getHeight(); y++) for (int x = 0; x < f0.getWidth(); x++) if (f0.getRGB(x, y) != f1.getRGB(x, y)) differing++;
            org.junit.jupiter.api.Assertions.assertTrue(differing > 500, "frames show different charts: " + differing);
        }
    }

    @Test
    void delaysFollowTheFrameRateAndBadRatesAreRefused() {
        assertEquals(10, GifAnimationWriter.delayCentiseconds(10));
        assertEquals(100, GifAnimationWriter.delayCentiseconds(1));
        assertEquals(2, GifAnimationWriter.delayCentiseconds(50));
        Figure f = ChartFigure.asShown(TestCharts.lines("t"), FigureSize.SINGLE);
        assertEquals("frame rate must be in (0, 50] per second, got 60.0",
                assertThrows(IllegalArgumentException.class, () -> GifAnimationWriter.write(List.of(f), dir.resolve("x.gif"), 60, 96)).getMessage());
        Path x = dir.resolve("x.gif");
        assertEquals("cannot write " + x.toAbsolutePath() + ": all frames must have one size",
                assertThrows(ExportException.class, () -> GifAnimationWriter.write(
                        List.of(f, ChartFigure.asShown(TestCharts.lines("t"), FigureSize.DOUBLE)), x, 5, 96)).getMessage());
        assertEquals(List.of(), java.util.Arrays.asList(dir.toFile().list()));
    }
}
