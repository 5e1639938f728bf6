package org.kmlab.chart;

import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.event.PlotChangeEvent;
import org.jfree.chart.event.PlotChangeListener;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Panels side by side in one chart, each with its own axes (JFreeChart's combined plots share one
 * axis, which squashes a species whose density is on another scale). Used for one panel per
 * species. The legend is the first panel's: the panels show the same solvers.
 */
public final class PanelRow extends Plot implements PlotChangeListener {
    private List<XYPlot> panels;
    private final double gap;
    /** Which panels are drawn (all by default): a pane may show one of its quantities alone. */
    private boolean[] shown;

    public PanelRow(List<XYPlot> panels, double gap) {
        this.panels = new ArrayList<>(panels);
        this.gap = gap;
        this.shown = new boolean[this.panels.size()];
        java.util.Arrays.fill(shown, true);
        for (XYPlot p : this.panels) adopt(p);
    }

    /** Draws only the panels whose flag is set (all when none is); one change event. */
    public void setShown(boolean[] which) {
        boolean[] next = new boolean[panels.size()];
        boolean any = false;
        for (int i = 0; i < next.length; i++) any |= next[i] = i < which.length && which[i];
        if (!any) java.util.Arrays.fill(next, true);
        if (java.util.Arrays.equals(next, shown)) return;
        shown = next;
        fireChangeEvent();
    }

    /** The panels drawn, in order. */
    public List<XYPlot> shownPanels() {
        List<XYPlot> out = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) if (shown[i]) out.add(panels.get(i));
        return out;
    }

    private void adopt(XYPlot p) {
        p.setParent(this);
        p.addChangeListener(this);
    }

    public List<XYPlot> panels() { return List.copyOf(panels); }

    @Override public String getPlotType() { return "Panel row"; }

    @Override public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        if (info != null) info.setPlotArea(area);
        Rectangle2D inner = (Rectangle2D) area.clone();
        getInsets().trim(inner);
        List<XYPlot> drawn = shownPanels();
        int n = drawn.size();
        double[] widths = widths(g2, drawn, inner);
        double x = inner.getX();
        for (int i = 0; i < n; i++) {
            Rectangle2D cell = new Rectangle2D.Double(x, inner.getY(), widths[i], inner.getHeight());
            x += widths[i] + gap;
            PlotRenderingInfo sub = null;
            if (info != null) {
                sub = new PlotRenderingInfo(info.getOwner());
                info.addSubplotInfo(sub);
            }
            drawn.get(i).draw(g2, cell, anchor, parentState, sub);
        }
    }

    /**
     * Each panel's share of the row: the same data width for all, plus the room its own value axis
     * takes (only the first has the axis label, so equal shares gave its data a third less width
     * in a figure's narrow row); equal shares when the axes leave no room.
     */
    private double[] widths(Graphics2D g2, List<XYPlot> drawn, Rectangle2D inner) {
        int n = drawn.size();
        double[] widths = new double[n];
        double equal = (inner.getWidth() - gap * (n - 1)) / n, axes = 0;
        Rectangle2D rough = new Rectangle2D.Double(inner.getX(), inner.getY(), equal, inner.getHeight());
        for (int i = 0; i < n; i++) {
            XYPlot p = drawn.get(i);
            ValueAxis axis = p.getRangeAxis();
            AxisSpace space = new AxisSpace();
            if (axis != null && axis.isVisible()) space = axis.reserveSpace(g2, p, rough, p.getRangeAxisEdge(), space);
            widths[i] = space.getLeft() + space.getRight();
            axes += widths[i];
        }
        double data = (inner.getWidth() - gap * (n - 1) - axes) / n;
        if (!(data > 0.25 * equal)) {
            java.util.Arrays.fill(widths, equal);
            return widths;
        }
        for (int i = 0; i < n; i++) widths[i] += data;
        return widths;
    }

    @Override public LegendItemCollection getLegendItems() {
        List<XYPlot> drawn = shownPanels();
        return drawn.isEmpty() ? new LegendItemCollection() : drawn.get(0).getLegendItems();
    }

    @Override public void plotChanged(PlotChangeEvent event) { fireChangeEvent(); }

    @Override public Object clone() throws CloneNotSupportedException {
        PanelRow copy = (PanelRow) super.clone();
        copy.panels = new ArrayList<>();
        copy.shown = shown.clone();
        for (XYPlot p : panels) {
            XYPlot c = (XYPlot) p.clone();
            copy.panels.add(c);
            copy.adopt(c);
        }
        return copy;
    }
}
