package org.kmlab.ui;

import javafx.animation.AnimationTimer;

/** Measures the longest gap between two JavaFX pulses while it runs (started and stopped on the FX thread). */
final class PulseGapProbe extends AnimationTimer {
    private long last = -1;
    private volatile long longest;
    private volatile long pulses;

    @Override public void handle(long now) {
        if (last > 0) longest = Math.max(longest, now - last);
        last = now;
        pulses++;
    }

    double longestMillis() { return longest / 1e6; }

    long pulses() { return pulses; }
}
