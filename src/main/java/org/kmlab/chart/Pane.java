package org.kmlab.chart;

import org.jfree.chart.JFreeChart;

/**
 * One chart of the window and of figures: built for a model by its {@link PaneKind}, fed
 * {@link Frame}s. JFreeChart is not thread-safe: a pane is used from one thread (the window's
 * render thread, or the exporter's).
 */
public interface Pane {
    PaneKind kind();

    JFreeChart chart();

    /** Shows the frame (one chart change event). */
    void show(Frame frame);
}
