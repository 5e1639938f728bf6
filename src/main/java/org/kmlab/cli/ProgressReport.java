package org.kmlab.cli;

import org.kmlab.run.BatchRun;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a batch on stderr, only when it helps: nothing for a solver that finishes within
 * {@link #QUIET_SECONDS}, then a sparse line such as {@code "ssa   43%"} at most once per
 * {@link #INTERVAL_SECONDS}, and a closing {@code "ssa   done in 12.3 s"}. Lines rather than a
 * carriage-return display, so logs and pipes stay readable.
 */
final class ProgressReport implements BatchRun.Listener {
    private static final double QUIET_SECONDS = 1.0;
    private static final double INTERVAL_SECONDS = 1.0;

    private final PrintWriter err;
    private final LongSupplier clock;
    private long startNanos;
    private long lastNanos;
    private boolean shown;

    ProgressReport(PrintWriter err) { this(err, System::nanoTime); }

    /** With a clock in nanoseconds (tests pass their own). */
    ProgressReport(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override public synchronized void started(String solver) {
        startNanos = clock.getAsLong();
        lastNanos = startNanos;
        shown = false;
    }

    @Override public synchronized void progress(String solver, double fraction) {
        long now = clock.getAsLong();
        if ((now - startNanos) * 1e-9 < QUIET_SECONDS || (shown && (now - lastNanos) * 1e-9 < INTERVAL_SECONDS)) return;
        lastNanos = now;
        shown = true;
        err.printf(java.util.Locale.ROOT, "%-5s %3d%%%n", solver, (int) Math.floor(100 * Math.min(1, Math.max(0, fraction))));
        err.flush();
    }

    @Override public synchronized void finished(String solver, double wallSeconds) {
        if (shown) {
            err.printf(java.util.Locale.ROOT, "%-5s done in %.1f s%n", solver, wallSeconds);
            err.flush();
        }
    }

    @Override public synchronized void skipped(String solver, String reason) {
        err.println("kmlab: " + solver + " skipped: " + reason);
        err.flush();
    }
}
