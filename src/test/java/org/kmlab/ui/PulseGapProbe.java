package org.kmlab.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the JavaFX thread while it runs:
 * <ul>
 * <li>the longest gap between two pulses (an AnimationTimer);</li>
 * <li>the longest wait of a task posted to the FX thread every 10 ms (how long the FX thread was
 * busy with something else: blocked, in our terms);</li>
 * <li>as a control, the longest time an idle background thread overslept a 2 ms park: what the
 * operating system itself imposes on any thread (a busy machine delays every thread).</li>
 * </ul>
 */
final class PulseGapProbe extends AnimationTimer {
    private long last = -1;
    private volatile long longestGap, longestWait, controlWorst, pulses;
    private volatile boolean running;
    private final ExecutorService watcher = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "pulse-probe");
        t.setDaemon(true);
        return t;
    });

    @Override public void start() {
        running = true;
        watcher.execute(() -> {
            while (running) {
                long before = System.nanoTime();
                LockSupport.parkNanos(2_000_000L);
                controlWorst = Math.max(controlWorst, System.nanoTime() - before - 2_000_000L);
            }
        });
        watcher.execute(() -> {
            while (running) {
                CountDownLatch ran = new CountDownLatch(1);
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    longestWait = Math.max(longestWait, System.nanoTime() - posted);
                    ran.countDown();
                });
                try {
                    if (!ran.await(10, TimeUnit.SECONDS)) longestWait = Long.MAX_VALUE;
                } catch (InterruptedException e) {
                    return;
                }
                LockSupport.parkNanos(10_000_000L);
            }
        });
        super.start();
    }

    @Override public void stop() {
        super.stop();
        running = false;
        watcher.shutdown();
    }

    @Override public void handle(long now) {
        if (last > 0) longestGap = Math.max(longestGap, now - last);
        last = now;
        pulses++;
    }

    double longestGapMillis() { return longestGap / 1e6; }

    /** The longest a task posted to the FX thread waited before it ran, in ms. */
    double longestWaitMillis() { return longestWait / 1e6; }

    /** The worst scheduling delay the idle control thread saw, in ms. */
    double controlMillis() { return controlWorst / 1e6; }

    long pulses() { return pulses; }

    /** True between {@link #start} and {@link #stop}. */
    boolean isRunning() { return running; }
}
