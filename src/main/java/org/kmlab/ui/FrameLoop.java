package org.kmlab.ui;

import javafx.animation.AnimationTimer;
import org.kmlab.run.Run;

/**
 * Once per JavaFX pulse (at most 60 times a second): advances playback, and when the run has new
 * snapshots or another time is on show, redraws the charts from the newest state (latest wins:
 * snapshots that arrived between two frames are simply not drawn) and refreshes the status line.
 */
final class FrameLoop extends AnimationTimer {
    private static final long MIN_FRAME_NANOS = 16_000_000L;
    private final SessionViewModel session;
    private final TransportViewModel transport;
    private final StatusViewModel status;
    private final ChartsView charts;
    private static final long MIN_DRAW_NANOS = 50_000_000L;
    /** The status line changes at most 10 times a second: a new text re-lays out the window. */
    private static final long STATUS_NANOS = 100_000_000L;
    private long lastPulse, lastDraw, lastStatus;
    private Run statusRun;
    private Run shownRun;
    private long shownVersion = -1;
    private int shownIndex = -1;
    private boolean dirty = true;
    private long frames;

    FrameLoop(SessionViewModel session, TransportViewModel transport, StatusViewModel status, ChartsView charts) {
        this.session = session;
        this.transport = transport;
        this.status = status;
        this.charts = charts;
    }

    /** Forces a redraw at the next frame (new charts, new theme, new model). */
    void invalidate() { dirty = true; }

    /** Frames drawn so far (for tests). */
    long frames() { return frames; }

    @Override public void handle(long now) {
        if (now - lastPulse < MIN_FRAME_NANOS) return;
        lastPulse = now;
        transport.tick(now);
        Run run = session.run();
        int k = transport.index();
        long version = run == null ? -1 : run.recording().version();
        boolean due = now - lastDraw >= Math.max(MIN_DRAW_NANOS, charts.minFrameIntervalNanos());   // ≤ 20 Hz, ≤ a third of a core
        if (dirty || run != shownRun || (due && (version != shownVersion || k != shownIndex))) {
            lastDraw = now;
            charts.show(run, k);
            shownRun = run;
            shownVersion = version;
            shownIndex = k;
            dirty = false;
            frames++;
        }
        charts.present();
        if (run == statusRun && now - lastStatus < STATUS_NANOS) return;
        lastStatus = now;
        statusRun = run;
        // the status names the time the charts show (drawing may trail playback on a slow machine)
        int shown = charts.shownIndex();
        status.update(run, shown >= 0 && run != null && shown < run.recording().timeCount() ? shown : k,
                run == null ? session.noticeProperty().get() : session.freshNotice());
        status.reportDrawingProblem(charts.drawingProblem());
    }
}
