package org.kmlab.ui;

import org.jfree.chart.JFreeChart;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.Pane;
import org.kmlab.model.Model;
import org.kmlab.run.Run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The window's panes (a {@link ChartSet}, the same code the figure export uses) by pane id. Used
 * only on the chart render thread ({@link ChartRenderer}): JFreeChart is not thread-safe, and
 * drawing it there keeps the JavaFX thread free. The panes are rebuilt for a model with other
 * species or for another theme; everything else (values, Ω, the end time) is in each frame.
 */
final class ChartBoard {
    private volatile ChartSet charts;
    private ChartStyle style = ChartStyle.light();

    /** The panes (read them, for tests, only once a frame has been shown). */
    ChartSet charts() { return charts; }

    void useStyle(ChartStyle s) {
        if (s.equals(style)) return;
        style = s;
        charts = null;
    }

    /**
     * Fills the panes with the run at output index k (before a run: the model alone, run to
     * {@code tEnd}); returns the charts to draw, by pane id.
     */
    Map<String, JFreeChart> show(Run run, int k, Model model, double tEnd, Set<String> options) {
        if (run != null && !names(run.request().model()).equals(names(model))) run = null;   // a frame asked for before the model changed
        Model shown = run != null ? run.request().model() : model;
        double end = run != null ? run.request().settings().tEnd() : tEnd;
        ChartSet c = charts;
        if (c == null || !c.fits(shown)) c = charts = new ChartSet(shown, style);
        c.show(shown, end, run == null ? null : run.recording(), run == null ? -1 : k, options);
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        for (Pane p : c.panes()) out.put(p.kind().id(), p.chart());
        return out;
    }

    private static java.util.List<String> names(Model m) { return m.species().stream().map(org.kmlab.model.Species::name).toList(); }
}
