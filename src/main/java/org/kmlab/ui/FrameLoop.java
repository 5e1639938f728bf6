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
    private static final long MIN_DRAW_NANOS = 33_000_000L;
    private long lastFrame, lastPulse, lastDraw;
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
        long t0 = System.nanoTime();
        handleFrame(now);
        long dt = System.nanoTime() - t0;
        if (System.getenv("KMLAB_DEBUG_FRAMES") != null && dt > 5_000_000) System.err.printf("DBG frame %.1f ms%n", dt / 1e6);
    }

    private void handleFrame(long now) {
        if (now - lastPulse < MIN_FRAME_NANOS) return;
        lastPulse = now;
        lastFrame = System.nanoTime();
        transport.tick(now);
        Run run = session.run();
        int k = transport.index();
        long version = run == null ? -1 : run.recording().version();
        boolean due = now - lastDraw >= Math.max(MIN_DRAW_NANOS, charts.minFrameIntervalNanos());   // ≤ 30 Hz, ≤ half a core
        if (dirty || run != shownRun || (due && (version != shownVersion || k != shownIndex))) {
            lastDraw = now;
            charts.show(run, k);
            shownRun = run;
            shownVersion = version;
            shownIndex = k;
            dirty = false;
            frames++;
        }
        long a = System.nanoTime();
        charts.present();
        long b = System.nanoTime();
        status.update(run, k, session.noticeProperty().get());
        long c = System.nanoTime();
        if (System.getenv("KMLAB_DEBUG_FRAMES") != null && c - lastFrame > 5_000_000) System.err.printf("DBG pre %.1f present %.1f status %.1f%n", (a - lastFrame) / 1e6, (b - a) / 1e6, (c - b) / 1e6);
    }
}
