package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Several charts as one figure: a grid of panels labelled a, b, c… in bold at their top-left
 * corners, as journals ask. The layout follows the width: two panels a row from a double column
 * up (a panel is 3:4 there), one column below it (a panel is 5:8, so a column figure stays
 * readable), and a slide's 16:9 page shared by the panels. A column of panels taller than a page
 * ({@value #MAX_HEIGHT_INCHES} in) is refused with a size that works.
 */
public final class MultiPanelFigure implements Figure {
    /** Height : width of one panel in print, two panels a row… */
    static final double PANEL_ASPECT = 0.75;
    /** …and one panel a row. */
    static final double COLUMN_PANEL_ASPECT = 0.625;
    /** The tallest figure a journal page holds. */
    static final double MAX_HEIGHT_INCHES = 9.5;

    private final List<ChartFigure> panels;
    private final List<String> labels;
    private final int columns;
    private final double cellWidth;
    private final double cellHeight;
    private final Font labelFont;

    private MultiPanelFigure(List<ChartFigure> panels, int columns, double cellWidth, double cellHeight, Font labelFont) {
        this.panels = List.copyOf(panels);
        this.columns = columns;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.labelFont = labelFont;
        List<String> l = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) l.add(label(i));
        this.labels = List.copyOf(l);
    }

    /**
     * @param charts the panels, in reading order (copied; the originals are not touched)
     * @param style  the publication style, or null for the look shown in the window
     */
    public static MultiPanelFigure of(List<JFreeChart> charts, FigureSize size, PublicationStyle style) {
        if (charts.isEmpty()) throw new IllegalArgumentException("charts must not be empty");
        int n = charts.size();
        int columns = columns(n, size);
        int rows = (n + columns - 1) / columns;
        double cellWidth = size.widthPt() / columns;
        double cellHeight = size.isSlide() ? size.heightPt() / rows : cellWidth * (columns == 1 ? COLUMN_PANEL_ASPECT : PANEL_ASPECT);
        if (!size.isSlide() && rows * cellHeight > MAX_HEIGHT_INCHES * FigureSize.POINTS_PER_INCH) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%d panels at size %s would make a figure %.1f in tall, more than a page; use size double (two panels a row) or export the panes one by one",
                    n, size.name(), rows * cellHeight / FigureSize.POINTS_PER_INCH));
        }
        FigureSize cell = new FigureSize(size.name(), cellWidth, cellHeight, size.textPt(), size.lineWidthPt());
        String family = style == null ? Font.SANS_SERIF : style.typeface().family();
        Font labelFont = new Font(family, Font.BOLD, 1).deriveFont((float) size.panelLabelPt());
        List<ChartFigure> panels = new ArrayList<>();
        for (JFreeChart c : charts) {
            ChartFigure panel = ChartFigure.styled(c, cell, style);
            makeRoomForLabel(panel.chart(), size.panelLabelPt());
            panels.add(panel);
        }
        return new MultiPanelFigure(panels, columns, cellWidth, cellHeight, labelFont);
    }

    /**
     * Columns for n panels: one below a double column's width (two panels in 3.5 or 5.5 in are too
     * cramped for titles, axis labels and legends), else at most two per row, so a panel keeps at
     * least 3.6 in; a slide shares its page.
     */
    static int columns(int n, FigureSize size) {
        if (n == 1) return 1;
        if (size.isSlide()) return n <= 3 ? n : (int) Math.ceil(Math.sqrt(n));
        if (size.widthPt() < 7 * FigureSize.POINTS_PER_INCH) return 1;
        return 2;
    }

    /** "a" … "z", then "aa", "ab" … */
    static String label(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : label(i / 26 - 1) + label(i % 26);
    }

    private static void makeRoomForLabel(JFreeChart chart, double labelPt) {
        RectangleInsets p = chart.getPadding();
        double top = Math.max(p.getTop(), labelPt * 1.1);
        double left = Math.max(p.getLeft(), labelPt * 0.9);
        chart.setPadding(new RectangleInsets(top, left, p.getBottom(), p.getRight()));
    }

    public int panelCount() { return panels.size(); }

    /** Panel i's styled chart copy (for tests). */
    JFreeChart panelChart(int i) { return panels.get(i).chart(); }

    public List<String> labels() { return labels; }

    public int columns() { return columns; }

    public int rows() { return (panels.size() + columns - 1) / columns; }

    @Override public double widthPt() { return cellWidth * columns; }

    @Override public double heightPt() { return cellHeight * rows(); }

    @Override
    public void draw(Graphics2D g) {
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, widthPt(), heightPt()));
        for (int i = 0; i < panels.size(); i++) {
            double x = (i % columns) * cellWidth;
            double y = (i / columns) * cellHeight;
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            panels.get(i).draw(g);
            g.setTransform(saved);
            drawLabel(g, labels.get(i), x, y);
        }
    }

    private void drawLabel(Graphics2D g, String label, double x, double y) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(labelFont);
        g.setPaint(Color.BLACK);
        float ascent = g.getFontMetrics().getAscent();
        g.drawString(label, (float) (x + labelFont.getSize2D() * 0.15), (float) (y + ascent * 0.95));
    }
}
