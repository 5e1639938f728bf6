package org.kmlab.chart;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A 2-D density drawn as ONE image stretched over its data rectangle (never one shape per cell).
 * Row 0 of the image is the top (largest y).
 */
final class DensityImageAnnotation extends AbstractXYAnnotation {
    private BufferedImage image;
    private double x0, x1, y0, y1;
    private boolean smooth;

    /** @param smooth interpolate between cells (a fine continuous density), or draw each cell flat (a lattice) */
    void set(BufferedImage image, double x0, double x1, double y0, double y1, boolean smooth) {
        this.image = image;
        this.smooth = smooth;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    void clear() { image = null; }

    @Override public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range,
                               int rendererIndex, PlotRenderingInfo info) {
        if (image == null) return;
        RectangleEdge xEdge = plot.getDomainAxisEdge(), yEdge = plot.getRangeAxisEdge();
        double left = domain.valueToJava2D(x0, area, xEdge), right = domain.valueToJava2D(x1, area, xEdge);
        double top = range.valueToJava2D(y1, area, yEdge), bottom = range.valueToJava2D(y0, area, yEdge);
        Object old = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                smooth ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(image, (int) Math.round(left), (int) Math.round(top),
                (int) Math.round(right - left), (int) Math.round(bottom - top), null);
        if (old != null) g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
    }
}
