package org.kmlab.run.km;

import java.util.Arrays;

/**
 * Running sums of increments filed by starting cell, one block per lag ℓ = 1..{@value #LAGS} (the
 * increment over ℓ·Δt): per (lag, cell) the count n, Σx (the starting points), Στ (the time each
 * increment spans) and Σ Δ^p for p = 1..{@value #MAX_POWER}, enough for the moments up to order 6
 * and their standard errors. Mutable and unsynchronized: one instance per chunk of an ensemble, or
 * per series; {@link #snapshot} makes the immutable {@link IncrementTable} estimators read.
 */
public final class IncrementSums {
    /** Increments over Δt, 2Δt, 3Δt and 4Δt: enough points to see the trend in Δt and extrapolate it to 0. */
    public static final int LAGS = 4;
    /** Σ Δ^12 gives the standard error of the sixth moment. */
    public static final int MAX_POWER = 12;
    static final int N = 0, SUM_X = 1, SUM_TAU = 2, FIRST_POWER = 3, STRIDE = FIRST_POWER + MAX_POWER;

    private final CellGrid grid;
    private final double[] sums;
    private final long[] outside = new long[LAGS];
    private int touchedLo = Integer.MAX_VALUE, touchedHi = -1;

    public IncrementSums(CellGrid grid) {
        this.grid = grid;
        this.sums = new double[LAGS * grid.cells() * STRIDE];
    }

    public CellGrid grid() { return grid; }

    /**
     * Files one increment {@code delta} of lag {@code lag} (0-based: lag 0 is Δt) that started at
     * {@code x} and spans time {@code tau}. Allocation-free.
     */
    public void add(int lag, double x, double tau, double delta) {
        int cell = grid.cellOf(x);
        if (cell < 0) {
            outside[lag]++;
            return;
        }
        if (cell < touchedLo) touchedLo = cell;
        if (cell > touchedHi) touchedHi = cell;
        int o = (lag * grid.cells() + cell) * STRIDE;
        double[] s = sums;
        s[o + N] += 1;
        s[o + SUM_X] += x;
        s[o + SUM_TAU] += tau;
        if (delta != 0) {   // most SSA increments over a short Δt are 0: nothing to add to the powers
            double p = delta;
            for (int k = o + FIRST_POWER, end = o + STRIDE; k < end; k++) {
                s[k] += p;
                p *= delta;
            }
        }
    }

    /** Adds {@code other}'s sums to these and clears {@code other} (only the cells it touched). */
    public void drain(IncrementSums other) {
        if (other.grid != grid && !other.grid.equals(grid)) throw new IllegalArgumentException("different cell grids");
        for (int l = 0; l < LAGS; l++) {
            outside[l] += other.outside[l];
            other.outside[l] = 0;
        }
        if (other.touchedHi < 0) return;
        touchedLo = Math.min(touchedLo, other.touchedLo);
        touchedHi = Math.max(touchedHi, other.touchedHi);
        for (int l = 0; l < LAGS; l++) {
            int from = (l * grid.cells() + other.touchedLo) * STRIDE, to = (l * grid.cells() + other.touchedHi + 1) * STRIDE;
            for (int i = from; i < to; i++) sums[i] += other.sums[i];
            Arrays.fill(other.sums, from, to, 0.0);
        }
        other.touchedLo = Integer.MAX_VALUE;
        other.touchedHi = -1;
    }

    /** An immutable copy of the sums so far. */
    public IncrementTable snapshot(double dt, String source) {
        return new IncrementTable(grid, dt, sums.clone(), outside.clone(), source);
    }
}
