package org.kmlab.run.km;

import org.kmlab.solve.FineStepObserver;

import java.util.Locale;

/**
 * Collects the increments of an ensemble run (SSA or CLE) through the engine's fine-step hook,
 * never storing paths: each trajectory keeps its last {@value IncrementSums#LAGS} states at
 * t_j = jΔt, and at every j the increments X(t_j) − X(t_j − ℓΔt) are filed under their starting
 * point for each lag ℓ that divides j. Taking only j ≡ 0 (mod ℓ) keeps a trajectory's increments of
 * one lag from overlapping, so, given their starting points, they are independent (the process is
 * Markov) and the standard errors estimated from the data hold.
 *
 * <p>Determinism: each chunk of the engine's fixed partition files into its own
 * {@link IncrementSums} (no locks: a chunk is observed by one thread at a time); at every output
 * time ({@link #reached}) the chunks are drained into the total in chunk order, so the sums are
 * bit-identical for any thread count. A copy of the total is published at most
 * {@code publishPerSecond} times a second, and always at the last output time, for a window that
 * shows the estimate grow during the run ({@link #latest}, safe from any thread).
 */
public final class EnsembleIncrements implements FineStepObserver {
    private final double step;
    private final CellGrid grid;
    private final String what;
    private final int lastOutput;
    private final long publishNanos;
    private double[] ring;
    private int chunkSize;
    private IncrementSums[] chunks;
    private IncrementSums total;
    private int trajectories;
    private long lastPublished;
    private volatile IncrementTable latest;
    private volatile double reachedTime;
    private volatile boolean complete;

    /**
     * @param step             Δt, in the model's time units
     * @param grid             the cells to file starting points in
     * @param what             the source, for people, e.g. "SSA"
     * @param lastOutput       the index of the run's last output time (the final publication)
     * @param publishPerSecond how often a partial table is published; 0 for only the final one
     */
    public EnsembleIncrements(double step, CellGrid grid, String what, int lastOutput, double publishPerSecond) {
        if (!(step > 0) || !Double.isFinite(step)) throw new IllegalArgumentException("step must be a finite number > 0, got " + step);
        this.step = step;
        this.grid = grid;
        this.what = what;
        this.lastOutput = lastOutput;
        this.publishNanos = publishPerSecond > 0 ? (long) (1e9 / publishPerSecond) : Long.MAX_VALUE;
    }

    @Override public double step() { return step; }

    @Override public void start(int trajectories, int dimension, int chunkSize) {
        if (dimension != 1) throw new IllegalArgumentException("Kramers–Moyal estimation needs 1 species, got " + dimension);
        this.trajectories = trajectories;
        this.chunkSize = chunkSize;
        this.ring = new double[trajectories * IncrementSums.LAGS];
        int n = (trajectories + chunkSize - 1) / chunkSize;
        this.chunks = new IncrementSums[n];
        for (int c = 0; c < n; c++) chunks[c] = new IncrementSums(grid);
        this.total = new IncrementSums(grid);
        this.lastPublished = System.nanoTime();
    }

    @Override public void observe(int trajectory, long fineIndex, double[] x) {
        double now = x[0];
        int base = trajectory * IncrementSums.LAGS;   // LAGS = 4: slot j & 3 holds X(t_j)
        if (fineIndex > 0) {
            IncrementSums sums = chunks[trajectory / chunkSize];
            for (int lag = 1; lag <= IncrementSums.LAGS; lag++) {
                if (fineIndex < lag || fineIndex % lag != 0) continue;
                double from = ring[base + (int) ((fineIndex - lag) & 3)];
                sums.add(lag - 1, from, lag * step, now - from);
            }
        }
        ring[base + (int) (fineIndex & 3)] = now;
    }

    @Override public void reached(int k, double time) {
        for (IncrementSums c : chunks) total.drain(c);
        reachedTime = time;
        long now = System.nanoTime();
        boolean last = k >= lastOutput;
        if (last || now - lastPublished >= publishNanos) {
            lastPublished = now;
            complete = last;
            latest = total.snapshot(step, describe(time, last));
        }
    }

    private String describe(double time, boolean last) {
        return String.format(Locale.ROOT, "%,d %s trajectories to t = %.3g%s", trajectories, what, time, last ? "" : " (so far)");
    }

    /** The newest published table, or null before the first. */
    public IncrementTable latest() { return latest; }

    /** True once the table of the last output time is published. */
    public boolean complete() { return complete; }

    /** The time every trajectory has reached. */
    public double reachedTime() { return reachedTime; }

    public CellGrid grid() { return grid; }
}
