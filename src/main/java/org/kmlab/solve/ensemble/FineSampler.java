package org.kmlab.solve.ensemble;

import org.kmlab.solve.FineStepObserver;

/**
 * The engine's side of the {@link FineStepObserver} hook, one per worker thread: the fine clock
 * t_j = j·Δt (computed from j each time, never accumulated, so every interval agrees on which j it
 * owns) and the conversion of a stepper's state to x units into a scratch array.
 *
 * <p>An output interval (t0, t1] owns the fine indices j with t0 &lt; t_j ≤ t1; the interval that
 * starts at t = 0 owns j = 0 as well (the initial state). So over a run every j with t_j ≤ t_end
 * is reported exactly once.
 */
public final class FineSampler {
    private final FineStepObserver observer;
    private final double step;
    private final double scale;
    private final int dimension;
    private final double[] x;

    FineSampler(FineStepObserver observer, int dimension, double scale) {
        this.observer = observer;
        this.step = observer.step();
        this.scale = scale;
        this.dimension = dimension;
        this.x = new double[dimension];
    }

    /** Δt. */
    public double step() { return step; }

    /** The first fine index an interval starting at t0 owns. */
    public long firstIndex(double t0) {
        if (t0 == 0) return 0;
        long j = (long) Math.floor(t0 / step) + 1;
        while (time(j) <= t0) j++;
        while (j > 1 && time(j - 1) > t0) j--;
        return j;
    }

    /** t_j. */
    public double time(long j) { return j * step; }

    /** Reports member i's state at t_j; {@code state[0..d)} is in the stepper's units (x·scale). */
    public void emit(int i, long j, double[] state) {
        for (int s = 0; s < dimension; s++) x[s] = state[s] / scale;
        observer.observe(i, j, x);
    }
}
