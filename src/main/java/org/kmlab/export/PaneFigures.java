package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.kmlab.export.WindowCharts.Pane;
import org.kmlab.run.Recording;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/** Figures of the window's panes: one pane, or several as a multi-panel figure; and animations over a run. */
public final class PaneFigures {
    private PaneFigures() {}

    /**
     * One chart as a figure, or several as panels a, b, c… Copies the charts now: call it on the
     * thread that updates them (the FX thread for the window's own charts).
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
    public static Figure of(WindowCharts charts, List<Pane> panes, FigureSize size, PublicationStyle style) {
        List<JFreeChart> list = new ArrayList<>();
        for (Pane p : panes) list.add(charts.chart(p));
        return of(list, size, style);
    }

    /**
     * One frame per output time of the recording, each built when the GIF writer asks for it from
     * charts played in order, as the window's play button shows them. For a single pass, in order
     * (as {@link GifAnimationWriter} reads it).
     */
    public static List<Figure> animation(WindowCharts charts, Recording recording, List<Pane> panes, FigureSize size, PublicationStyle style) {
        return new AbstractList<>() {
            private int shown = -1;

            @Override public int size() { return recording.timeCount(); }

            @Override public Figure get(int k) {
                for (int j = shown + 1; j <= k; j++) charts.show(recording, j);
                shown = Math.max(shown, k);
                return of(charts, panes, size, style);
            }
        };
    }
}
