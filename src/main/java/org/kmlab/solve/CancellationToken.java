package org.kmlab.solve;

/** A flag a solver polls inside its loop (every few thousand events or one time step). */
public final class CancellationToken {
    private volatile boolean cancelled;

    public void cancel() { cancelled = true; }

    public boolean isCancelled() { return cancelled; }

    /** Throws {@link CancelledException} when cancelled. */
    public void check() {
        if (cancelled) throw new CancelledException();
    }

    public static CancellationToken none() { return new CancellationToken(); }
}
