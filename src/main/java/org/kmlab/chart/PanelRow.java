package org.kmlab.chart;

import org.jfree.chart.LegendItemCollection;
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
        double w = (inner.getWidth() - gap * (n - 1)) / n;
        for (int i = 0; i < n; i++) {
            Rectangle2D cell = new Rectangle2D.Double(inner.getX() + i * (w + gap), inner.getY(), w, inner.getHeight());
            PlotRenderingInfo sub = null;
            if (info != null) {
                sub = new PlotRenderingInfo(info.getOwner());
                info.addSubplotInfo(sub);
            }
            drawn.get(i).draw(g2, cell, anchor, parentState, sub);
        }
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
