package org.kmlab.export;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * PNG at a chosen resolution: the figure is laid out in points at its printed size and the
 * Graphics2D scaled by dpi/72, so text and lines keep their printed sizes at any DPI; the pHYs
 * chunk records the DPI, so a word processor places the image at its intended size.
 */
public final class PngFigureWriter {
    public static final double DEFAULT_DPI = 300;
    public static final double MIN_DPI = 36;
    public static final double MAX_DPI = 1200;
    /** Beyond this many pixels a figure would need more memory than a desktop JVM can be assumed to have. */
    static final long MAX_PIXELS = 120_000_000L;

    private PngFigureWriter() {}

    public static void write(Figure figure, Path target, double dpi) throws ExportException {
        BufferedImage image = render(figure, dpi);
        AtomicExport.write(target, out -> writePng(image, dpi, out));
    }

    /** The figure as an opaque RGB image at {@code dpi}: round(width in inches × dpi) pixels across. */
    public static BufferedImage render(Figure figure, double dpi) {
        checkDpi(dpi);
        int w = FigureSize.pixels(figure.widthPt(), dpi);
        int h = FigureSize.pixels(figure.heightPt(), dpi);
        if ((long) w * h > MAX_PIXELS) {
            throw new IllegalArgumentException("a " + w + " × " + h + " px image is too large: lower the DPI (" + Math.round(dpi) + ") or the size");
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            prepare(g, w, h);
            g.scale(dpi / FigureSize.POINTS_PER_INCH, dpi / FigureSize.POINTS_PER_INCH);
            figure.draw(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** White background and the hints that make small print-size text crisp. */
    static void prepare(Graphics2D g, int w, int h) {
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    public static void checkDpi(double dpi) {
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            throw new IllegalArgumentException("dpi must be between " + (int) MIN_DPI + " and " + (int) MAX_DPI + ", got " + dpi);
        }
    }

    /** Writes {@code image} as PNG with a pHYs chunk of {@code dpi} (stored as pixels per metre). */
    static void writePng(BufferedImage image, double dpi, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            setPhysicalDpi(metadata, dpi);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    private static void setPhysicalDpi(IIOMetadata metadata, double dpi) throws IIOInvalidTreeException {
        String pixelsPerMetre = Long.toString(Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        metadata.mergeTree("javax_imageio_png_1.0", root);
    }
}
