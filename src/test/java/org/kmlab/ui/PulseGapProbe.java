package org.kmlab.ui;

import javafx.animation.AnimationTimer;

/** Measures the longest gap between two JavaFX pulses while it runs (started and stopped on the FX thread). */
final class PulseGapProbe extends AnimationTimer {
    private long last = -1;
    private volatile long longest;
    private volatile long pulses;

    @Override public void handle(long now) {
        if (last > 0) longest = Math.max(longest, now - last);
        if (last > 0 && now - last > 30_000_000 && System.getenv("KMLAB_DEBUG_FRAMES") != null) System.err.printf("DBG gap %.1f ms at pulse %d (%d)%n", (now - last) / 1e6, pulses, System.nanoTime());
        last = now;
        pulses++;
    }

    double longestMillis() { return longest / 1e6; }

    long pulses() { return pulses; }
}
