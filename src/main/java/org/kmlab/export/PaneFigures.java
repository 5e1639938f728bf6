package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.Pane;
import org.kmlab.chart.PaneKind;
import org.kmlab.model.Model;
import org.kmlab.run.Recording;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Figures of the panes: one pane, or several as a multi-panel figure; and animations over a run. */
public final class PaneFigures {
    private PaneFigures() {}

    /**
     * One chart as a figure, or several as panels a, b, c… Copies the charts now: call it on the
     * thread that updates them (the render thread for the window's own charts).
     *
     * @param style the publication style, or null for the look shown in the window
     */
    public static Figure of(List<JFreeChart> charts, FigureSize size, PublicationStyle style) {
        if (charts.size() == 1) {
            return style == null ? ChartFigure.asShown(charts.get(0), size) : ChartFigure.publication(charts.get(0), size, style);
        }
        return MultiPanelFigure.of(charts, size, style);
    }

    /** The given panes of {@code charts} as they show now. */
    public static Figure of(ChartSet charts, List<PaneKind> panes, FigureSize size, PublicationStyle style) {
        return of(chartsOf(charts, panes), size, style);
    }

    /**
     * One frame per output time of the recording, each built when the GIF writer asks for it from
     * panes played in order, as the window's play button shows them. For a single pass, in order
     * (as {@link GifAnimationWriter} reads it).
     */
    public static List<Figure> animation(ChartSet charts, Model model, double tEnd, Recording recording, Set<String> options,
                                         List<PaneKind> panes, FigureSize size, PublicationStyle style) {
        return animation(charts, model, tEnd, recording, options, Map.of(), panes, size, style);
    }

    /** As {@link #animation(ChartSet, Model, double, Recording, Set, List, FigureSize, PublicationStyle)}, with analysis results (a ghost run…) drawn in every frame. */
    public static List<Figure> animation(ChartSet charts, Model model, double tEnd, Recording recording, Set<String> options,
                                         Map<Class<?>, Object> analyses, List<PaneKind> panes, FigureSize size, PublicationStyle style) {
        return new AbstractList<>() {
            @Override public int size() { return recording.timeCount(); }

            @Override public Figure get(int k) {
                charts.show(model, tEnd, recording, k, options, analyses);
                return of(charts, panes, size, style);
            }
        };
    }

    private static List<JFreeChart> chartsOf(ChartSet charts, List<PaneKind> panes) {
        List<JFreeChart> list = new ArrayList<>();
        for (PaneKind kind : panes) {
            Pane p = charts.pane(kind.id()).orElseThrow(() -> new IllegalArgumentException("no " + kind.id() + " pane for this model"));
            list.add(p.chart());
        }
        return list;
    }
}
