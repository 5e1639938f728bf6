package org.kmlab.ui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.kmlab.chart.ChartLooks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The axis ranges a user zoomed to, per pane and panel. Kept on the JavaFX thread; each frame
 * request carries an immutable copy, which the render thread lays over the ranges the pane chose.
 */
final class ZoomState {
    /** A panel's zoomed x and y ranges. */
    record Window(double xLo, double xHi, double yLo, double yHi) {
        Window {
            if (!(xHi > xLo) || !(yHi > yLo)) throw new IllegalArgumentException("empty zoom window");
        }
    }

    private final Map<String, Map<Integer, Window>> byPane = new HashMap<>();

    void set(String pane, int panel, Window w) { byPane.computeIfAbsent(pane, p -> new HashMap<>()).put(panel, w); }

    void clear(String pane) { byPane.remove(pane); }

    void clearAll() { byPane.clear(); }

    boolean isZoomed(String pane) { return byPane.containsKey(pane); }

    /** An immutable copy for a frame request. */
    Map<String, Map<Integer, Window>> snapshot() {
        Map<String, Map<Integer, Window>> copy = new HashMap<>();
        byPane.forEach((pane, panels) -> copy.put(pane, Map.copyOf(panels)));
        return Map.copyOf(copy);
    }

    /** Sets the zoomed panels' axis ranges (render thread, after the pane has set its own). */
    static void apply(Map<Integer, Window> zoom, JFreeChart chart) {
        if (zoom == null || zoom.isEmpty()) return;
        List<XYPlot> panels = ChartLooks.panels(chart.getPlot());
        zoom.forEach((i, w) -> {
            if (i >= panels.size()) return;
            XYPlot p = panels.get(i);
            p.getDomainAxis().setRange(w.xLo(), w.xHi());
            p.getRangeAxis().setRange(w.yLo(), w.yHi());
        });
    }
}
