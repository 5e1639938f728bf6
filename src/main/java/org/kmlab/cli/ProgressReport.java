package org.kmlab.cli;

import org.kmlab.run.RunListener;
import org.kmlab.run.SolverPhase;
import org.kmlab.run.SolverState;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a batch on stderr, only when it helps: nothing for a solver that finishes within
 * {@link #QUIET_SECONDS}, then a sparse line such as {@code "ssa   43%"} at most once per
 * {@link #INTERVAL_SECONDS}, and a closing {@code "ssa   done in 12.3 s"}. Lines rather than a
 * carriage-return display, so logs and pipes stay readable.
 */
final class ProgressReport implements RunListener {
    private static final double QUIET_SECONDS = 1.0;
    private static final double INTERVAL_SECONDS = 1.0;

    private final PrintWriter err;
    private final LongSupplier clock;
    private long startNanos;
    private long lastNanos;
    private boolean shown;
    private final java.util.Map<String, SolverPhase> phases = new java.util.HashMap<>();

    ProgressReport(PrintWriter err) { this(err, System::nanoTime); }

    /** With a clock in nanoseconds (tests pass their own). */
    ProgressReport(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
    }

    /** Turns a run's state changes into started / progress / finished / skipped. */
    @Override public synchronized void changed(SolverState state) {
        SolverPhase before = phases.put(state.solver(), state.phase());
        switch (state.phase()) {
            case RUNNING -> {
                if (before != SolverPhase.RUNNING) started(state.solver());
                else progress(state.solver(), state.progress());
            }
            case DONE -> {
                if (before != SolverPhase.DONE) finished(state.solver(), (clock.getAsLong() - startNanos) * 1e-9);
            }
            case SKIPPED -> {
                if (before != SolverPhase.SKIPPED) skipped(state.solver(), state.message());
            }
            default -> { }
        }
    }

    synchronized void started(String solver) {
        startNanos = clock.getAsLong();
        lastNanos = startNanos;
        shown = false;
    }

    synchronized void progress(String solver, double fraction) {
        long now = clock.getAsLong();
        if ((now - startNanos) * 1e-9 < QUIET_SECONDS || (shown && (now - lastNanos) * 1e-9 < INTERVAL_SECONDS)) return;
        lastNanos = now;
        shown = true;
        err.printf(java.util.Locale.ROOT, "%-5s %3d%%%n", solver, (int) Math.floor(100 * Math.min(1, Math.max(0, fraction))));
        err.flush();
    }

    synchronized void finished(String solver, double wallSeconds) {
        if (shown) {
            err.printf(java.util.Locale.ROOT, "%-5s done in %.1f s%n", solver, wallSeconds);
            err.flush();
        }
    }

    synchronized void skipped(String solver, String reason) {
        err.println("kmlab: " + solver + " skipped: " + reason);
        err.flush();
    }
}
