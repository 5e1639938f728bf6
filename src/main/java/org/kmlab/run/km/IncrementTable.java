package org.kmlab.run.km;

/**
 * Increments of a process filed by starting cell, for lags ℓ·Δt with ℓ = 1..{@value IncrementSums#LAGS}
 * (immutable; made by {@link IncrementSums#snapshot}). What every estimator reads: per lag and
 * cell the number of increments, the sum of their starting points, the time they span, and the
 * sums of their powers 1..{@value IncrementSums#MAX_POWER}, all in x = n/Ω units.
 *
 * {@link #dt()} is the base step Δt (lag 0 spans Δt, lag ℓ−1 spans ℓ·Δt); {@link #source()} says
 * what the increments came from, for people (e.g. "10,000 SSA trajectories to t = 10").
 */
public final class IncrementTable {
    private final CellGrid grid;
    private final double dt;
    private final double[] sums;
    private final long[] outside;
    private final String source;

    /** Takes the arrays as they are (package-private: {@link IncrementSums#snapshot} hands over fresh copies). */
    IncrementTable(CellGrid grid, double dt, double[] sums, long[] outside, String source) {
        if (!(dt > 0)) throw new IllegalArgumentException("dt must be > 0, got " + dt);
        if (sums.length != IncrementSums.LAGS * grid.cells() * IncrementSums.STRIDE) throw new IllegalArgumentException("sums do not fit the grid");
        this.grid = grid;
        this.dt = dt;
        this.sums = sums;
        this.outside = outside;
        this.source = source;
    }

    public CellGrid grid() { return grid; }

    public double dt() { return dt; }

    public String source() { return source; }

    /** The same increments described otherwise (e.g. once the run is known to be complete). */
    public IncrementTable describedAs(String text) { return new IncrementTable(grid, dt, sums, outside, text); }

    public int lags() { return IncrementSums.LAGS; }

    /** The nominal time lag {@code lag} (0-based) spans: (lag + 1)·Δt. */
    public double tau(int lag) { return (lag + 1) * dt; }

    private int at(int lag, int cell) { return (lag * grid.cells() + cell) * IncrementSums.STRIDE; }

    public double count(int lag, int cell) { return sums[at(lag, cell) + IncrementSums.N]; }

    public double sumX(int lag, int cell) { return sums[at(lag, cell) + IncrementSums.SUM_X]; }

    public double sumTau(int lag, int cell) { return sums[at(lag, cell) + IncrementSums.SUM_TAU]; }

    /** Σ Δ^p over the increments of this lag that started in this cell, p = 1..12. */
    public double sumPower(int lag, int cell, int p) { return sums[at(lag, cell) + IncrementSums.FIRST_POWER + p - 1]; }

    /** Increments of this lag in all cells. */
    public double total(int lag) {
        double n = 0;
        for (int c = 0; c < grid.cells(); c++) n += count(lag, c);
        return n;
    }

    /** Increments of this lag whose starting point lay outside the grid (not filed, not used). */
    public long outside(int lag) { return outside[lag]; }
}
