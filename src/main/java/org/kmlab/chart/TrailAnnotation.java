package org.kmlab.chart;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The cloud at earlier output times, fading with age: each earlier time's ensemble states as
 * small dots and each Gaussian solver's 1σ ellipse, drawn behind the cloud on show, so its drift
 * along the deterministic path reads from a still picture. Oldest first; the newest earlier time
 * is the most opaque.
 */
final class TrailAnnotation extends AbstractXYAnnotation {
    /** One earlier time: states {@code {xs, ys}} (may be empty) and closed ellipse outlines, each {@code {xs, ys}}. */
    record Step(double[][] states, List<double[][]> ellipses) {}

    private List<Step> steps = List.of();
    private Color dots = Color.GRAY, lines = Color.GRAY;
    private float lineWidth = 1, dotSize = 2;

    void set(List<Step> steps, Color dots, Color lines, float lineWidth, float dotSize) {
        this.steps = List.copyOf(steps);
        this.dots = dots;
        this.lines = lines;
        this.lineWidth = lineWidth;
        this.dotSize = dotSize;
    }

    void clear() { steps = List.of(); }

    int size() { return steps.size(); }

    @Override public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range,
                               int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = plot.getDomainAxisEdge(), yEdge = plot.getRangeAxisEdge();
        int n = steps.size();
        Ellipse2D.Double dot = new Ellipse2D.Double(0, 0, dotSize, dotSize);
        g2.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < n; k++) {
            double alpha = 0.08 + 0.32 * (k + 1) / n;   // older → fainter
            Step s = steps.get(k);
            g2.setPaint(ChartStyle.translucent(dots, alpha));
            double[] xs = s.states()[0], ys = s.states()[1];
            for (int i = 0; i < xs.length; i++) {
                dot.x = domain.valueToJava2D(xs[i], area, xEdge) - dotSize / 2;
                dot.y = range.valueToJava2D(ys[i], area, yEdge) - dotSize / 2;
                g2.fill(dot);
            }
            g2.setPaint(ChartStyle.translucent(lines, Math.min(1, 2 * alpha)));
            for (double[][] e : s.ellipses()) {
                Path2D.Double path = new Path2D.Double();
                for (int i = 0; i < e[0].length; i++) {
                    double px = domain.valueToJava2D(e[0][i], area, xEdge), py = range.valueToJava2D(e[1][i], area, yEdge);
                    if (i == 0) path.moveTo(px, py);
                    else path.lineTo(px, py);
                }
                g2.draw(path);
            }
        }
    }
}
