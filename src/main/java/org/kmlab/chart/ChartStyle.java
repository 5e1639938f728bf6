package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;

/**
 * Colours, type sizes and line widths of every kmlab chart, one value per look: {@link #light()},
 * {@link #dark()} and {@link #classroom()} (large type, thick lines, high contrast, readable from
 * the back of a room). A solver keeps its colour in every chart: SSA blue, CME black/white points,
 * FP red, CLE green, LNA purple.
 */
public record ChartStyle(String name, Color background, Color plotBackground, Color foreground, Color grid,
                         Color ssa, Color cme, Color fp, Color cle, Color lna, Color deterministic,
                         float fontSize, float lineWidth) {

    public static ChartStyle light() {
        return new ChartStyle("light", Color.WHITE, Color.WHITE, new Color(0x20, 0x20, 0x20), new Color(0xDD, 0xDD, 0xDD),
                new Color(0x4C, 0x8B, 0xD6), new Color(0x1A, 0x1A, 0x1A), new Color(0xD6, 0x27, 0x28),
                new Color(0x2C, 0xA0, 0x2C), new Color(0x94, 0x67, 0xBD), new Color(0xE6, 0x8A, 0x00), 12f, 2f);
    }

    public static ChartStyle dark() {
        return new ChartStyle("dark", new Color(0x1E, 0x1F, 0x22), new Color(0x26, 0x28, 0x2C), new Color(0xE6, 0xE6, 0xE6), new Color(0x44, 0x47, 0x4D),
                new Color(0x6A, 0xA8, 0xF0), new Color(0xF2, 0xF2, 0xF2), new Color(0xFF, 0x5C, 0x5C),
                new Color(0x5C, 0xD6, 0x5C), new Color(0xC3, 0x9B, 0xF0), new Color(0xFF, 0xB3, 0x40), 12f, 2f);
    }

    /** High contrast, large type, thick lines: readable on a projector from the back of a room. */
    public static ChartStyle classroom() {
        return new ChartStyle("classroom", Color.WHITE, Color.WHITE, Color.BLACK, new Color(0xC8, 0xC8, 0xC8),
                new Color(0x00, 0x5B, 0xD6), Color.BLACK, new Color(0xE0, 0x00, 0x00),
                new Color(0x00, 0x8A, 0x00), new Color(0x7A, 0x00, 0xC8), new Color(0xE6, 0x7E, 0x00), 20f, 4f);
    }

    public static ChartStyle named(String name) {
        return switch (name) {
            case "dark" -> dark();
            case "classroom" -> classroom();
            default -> light();
        };
    }

    /** The colour of a solver by id. */
    public Color solverColor(String solver) {
        return switch (solver) {
            case "ssa" -> ssa;
            case "cme" -> cme;
            case "fp" -> fp;
            case "cle" -> cle;
            case "lna" -> lna;
            default -> foreground;
        };
    }

    /** A translucent version of a colour (alpha in [0, 1]). */
    public static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    public Font titleFont() { return new Font(Font.SANS_SERIF, Font.BOLD, Math.round(fontSize * 1.15f)); }

    public Font labelFont() { return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize)); }

    public Font tickFont() { return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize * 0.9f)); }

    public BasicStroke line() { return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }

    public BasicStroke thinLine() { return new BasicStroke(Math.max(1f, lineWidth * 0.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }

    public BasicStroke dashed() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6 * lineWidth / 2, 4 * lineWidth / 2}, 0f);
    }

    /** Applies backgrounds, fonts and grid colours to a chart and every (sub)plot and axis. */
    public void apply(JFreeChart chart) {
        chart.setBackgroundPaint(background);
        chart.setAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(titleFont());
            title.setPaint(foreground);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(labelFont());
            legend.setItemPaint(foreground);
            legend.setBackgroundPaint(background);
            legend.setFrame(new org.jfree.chart.block.BlockBorder(background));
        }
        stylePlot(chart.getPlot());
    }

    private void stylePlot(Plot plot) {
        plot.setBackgroundPaint(plotBackground);
        plot.setOutlinePaint(grid);
        if (plot instanceof CombinedRangeXYPlot c) {
            styleAxis(c.getRangeAxis());
            for (Object p : (List<?>) c.getSubplots()) stylePlot((Plot) p);
        } else if (plot instanceof CombinedDomainXYPlot c) {
            styleAxis(c.getDomainAxis());
            for (Object p : (List<?>) c.getSubplots()) stylePlot((Plot) p);
        }
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) styleAxis(xy.getDomainAxis(i));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) styleAxis(xy.getRangeAxis(i));
        }
    }

    private void styleAxis(Axis axis) {
        if (axis == null) return;
        axis.setLabelFont(labelFont());
        axis.setLabelPaint(foreground);
        axis.setTickLabelFont(tickFont());
        axis.setTickLabelPaint(foreground);
        Paint line = foreground;
        axis.setAxisLinePaint(line);
        axis.setTickMarkPaint(line);
    }
}
