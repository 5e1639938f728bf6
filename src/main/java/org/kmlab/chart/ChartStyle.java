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
 * The window's look: backgrounds, text and grid colours, type sizes and line widths, and the
 * palette from which every series takes its colour by meaning ({@link #lookOf}): a solver keeps
 * its colour in every pane (SSA blue, CME black or white, FP red, CLE green, LNA purple, more slots
 * for new solvers), the model's own curves (deterministic path, KM coefficients) take colours no
 * solver has. Themes: {@link #light()}, {@link #dark()}; {@link #classroom()} is either of them with
 * large type and thick lines, readable from the back of a room.
 *
 * @param palette colours by solver style slot (slot 1, the master equation, is the text colour)
 */
public record ChartStyle(String name, Color background, Color plotBackground, Color foreground, Color grid,
                         Color[] palette, Color deterministic, Color extra, float fontSize, float lineWidth) implements Looks {

    public ChartStyle {
        palette = palette.clone();
    }

    @Override public Color[] palette() { return palette.clone(); }

    public static ChartStyle light() {
        return new ChartStyle("light", Color.WHITE, Color.WHITE, new Color(0x20, 0x20, 0x20), new Color(0xDD, 0xDD, 0xDD),
                new Color[] {new Color(0x4C, 0x8B, 0xD6), new Color(0x1A, 0x1A, 0x1A), new Color(0xD6, 0x27, 0x28),
                        new Color(0x2C, 0xA0, 0x2C), new Color(0x94, 0x67, 0xBD), new Color(0x17, 0xBE, 0xCF),
                        new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2)},
                new Color(0xE6, 0x8A, 0x00), new Color(0x00, 0x86, 0x9E), 12f, 2f);
    }

    public static ChartStyle dark() {
        return new ChartStyle("dark", new Color(0x1E, 0x1F, 0x22), new Color(0x26, 0x28, 0x2C), new Color(0xE6, 0xE6, 0xE6), new Color(0x44, 0x47, 0x4D),
                new Color[] {new Color(0x6A, 0xA8, 0xF0), new Color(0xF2, 0xF2, 0xF2), new Color(0xFF, 0x5C, 0x5C),
                        new Color(0x5C, 0xD6, 0x5C), new Color(0xC3, 0x9B, 0xF0), new Color(0x4D, 0xD8, 0xE6),
                        new Color(0xC4, 0x9C, 0x94), new Color(0xF7, 0xB6, 0xD2)},
                new Color(0xFF, 0xB3, 0x40), new Color(0x5F, 0xD3, 0xE8), 12f, 2f);
    }

    /** The light theme at classroom scale. */
    public static ChartStyle classroom() { return light().classroomScale(); }

    /**
     * This theme for a projector: type and lines about 1.7 and 2 times larger, stronger colours on
     * light backgrounds (a dark theme keeps its colours, which are already light on dark).
     */
    public ChartStyle classroomScale() {
        if (name.endsWith("-classroom")) return this;
        Color[] p = palette.clone();
        Color fg = foreground;
        if (background.getRed() > 128) {
            p[0] = new Color(0x00, 0x5B, 0xD6);
            p[1] = Color.BLACK;
            p[2] = new Color(0xE0, 0x00, 0x00);
            p[3] = new Color(0x00, 0x8A, 0x00);
            p[4] = new Color(0x7A, 0x00, 0xC8);
            fg = Color.BLACK;
        }
        return new ChartStyle(name + "-classroom", background, plotBackground, fg, grid.darker(), p, deterministic, extra, 20f, 4f);
    }

    /** "light", "dark", "classroom" (light at classroom scale) or "dark-classroom". */
    public static ChartStyle named(String name) {
        return switch (name) {
            case "dark" -> dark();
            case "classroom", "light-classroom" -> classroom();
            case "dark-classroom" -> dark().classroomScale();
            default -> light();
        };
    }

    /** The colour of a palette slot (solvers' style slots; wraps around). */
    public Color slotColor(int slot) { return palette[slot % palette.length]; }

    @Override public SeriesLook lookOf(SeriesKey key) {
        Color c = key.solver() == null ? foreground : slotColor(key.solver().styleSlot());
        return WindowLooks.lookOf(key, c, foreground, deterministic, extra);
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
            legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, fontSize));   // a gap between entries
        }
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, fontSize));   // room for the last tick label at the right edge
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
        } else if (plot instanceof PanelRow row) {
            for (XYPlot p : row.panels()) stylePlot(p);
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
