package org.kmlab.export;

import org.jfree.chart.JFreeChart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Figures and charts as in-memory images, e.g. for the clipboard. */
public final class FigureRenderer {
    private FigureRenderer() {}

    /**
     * The chart exactly as the window shows it, at a pixel size (the clipboard copy). Draws
     * {@code chart} itself without changing it: call it on the thread that updates the chart.
     */
    public static BufferedImage toImage(JFreeChart chart, int widthPx, int heightPx) {
        if (widthPx < 1 || heightPx < 1) throw new IllegalArgumentException("image size must be positive, got " + widthPx + " × " + heightPx);
        BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            PngFigureWriter.prepare(g, widthPx, heightPx);
            chart.draw(g, new Rectangle2D.Double(0, 0, widthPx, heightPx));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A figure at a resolution, as its PNG would hold it. */
    public static BufferedImage toImage(Figure figure, double dpi) {
        return PngFigureWriter.render(figure, dpi);
    }
}
