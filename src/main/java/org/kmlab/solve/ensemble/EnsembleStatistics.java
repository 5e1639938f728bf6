package org.kmlab.solve.ensemble;

import org.kmlab.model.LatticeWalls;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

/**
 * Turns an {@link Ensemble} at one output time into a {@link Snapshot} in x = n/Ω units, the same
 * way for every ensemble method: sample mean and sample covariance (divisor N − 1), each species'
 * histogram density on {@link LatticeAxis lattice-aligned} bins over its occupied range
 * ({@code p = count/(N·dx)}, so Σp·dx = 1), the joint histogram of a 2-species model (none for more
 * species: marginals only), the states of the first {@code keepSamples} members, and mass 1.
 *
 * <p><b>Binning: to the cloud's width, in whole lattice steps.</b> A histogram at one bin per
 * lattice point is noise once the cloud spans many lattice points (large Ω), so each axis takes the
 * Freedman–Diaconis width h = 2·IQR·N^(−1/3) (Freedman &amp; Diaconis, Z. Wahrscheinlichkeitstheorie
 * 57 (1981) 453), in the d-dimensional form h = 2·IQR·N^(−1/(d+2)) for the d = 2 joint, rounded
 * UP to a whole number of lattice steps 1/Ω: a bin never splits a lattice point, so lattice
 * discreteness never aliases into the histogram, and at small Ω (a cloud a few lattice points
 * wide) it stays one bin per lattice point. The joint's bins are a whole multiple of the
 * marginal's, so the joint's marginal is a coarsening of the marginal histogram. The IQR is of the
 * members' lattice points (nearest-rank quartiles); IQR = 0 gives one lattice point per bin. At
 * most {@value #MAX_MARGINAL_BINS} bins ({@value #MAX_JOINT_BINS} per axis for the joint), widened
 * in whole steps if a heavy tail would need more. SSA and CLE share the rule, so their distances
 * to each other and to the master equation are comparable.
 *
 * <p>Everything is computed on one thread in member order, so a snapshot is bit-identical whatever
 * the number of worker threads.
 */
public final class EnsembleStatistics {
    public static final int MAX_MARGINAL_BINS = 4096;
    public static final int MAX_JOINT_BINS = 200;

    private final int keepSamples;
    private final int[][] observables;
    private final LatticeWalls walls;

    /** @param keepSamples how many members' states each snapshot keeps */
    public EnsembleStatistics(int keepSamples) { this(keepSamples, new int[0][]); }

    /**
     * @param observables integer weights of the model's observables by species ({@code Model#observableWeights}):
     *                    each one's histogram follows the species' marginals in the snapshot, binned by the same rule
     */
    public EnsembleStatistics(int keepSamples, int[][] observables) { this(keepSamples, observables, LatticeWalls.none()); }

    /**
     * @param walls the walls of a one-species lattice ({@link LatticeWalls#of}): the species' bins
     *              end on a wall the members reach rather than straddle it
     */
    public EnsembleStatistics(int keepSamples, int[][] observables, LatticeWalls walls) {
        this.keepSamples = keepSamples;
        this.observables = observables.clone();
        this.walls = walls;
    }

    public Snapshot snapshot(double time, Ensemble e) {
        int n = e.size(), d = e.dimension();
        double[] v = e.state;
        double scale = e.scale();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) mean[a] += v[i * d + a];
        for (int a = 0; a < d; a++) mean[a] /= n;
        double[][] cov = new double[d][d];
        if (n > 1) {
            double[] dev = new double[d];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) dev[a] = v[i * d + a] - mean[a];
                for (int a = 0; a < d; a++) for (int b = 0; b <= a; b++) cov[a][b] += dev[a] * dev[b];
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] /= (n - 1) * scale * scale;
                    cov[b][a] = cov[a][b];
                }
            }
        }
        for (int a = 0; a < d; a++) mean[a] /= scale;

        long[][] cells = new long[d][];
        LatticeAxis[] axes = new LatticeAxis[d];
        Density1D[] marginals = new Density1D[d + observables.length];
        double marginalRate = Math.pow(n, -1.0 / 3), jointRate = Math.pow(n, -1.0 / 4);
        for (int a = 0; a < d; a++) {
            cells[a] = cells(e, a);
            axes[a] = axis(cells[a], marginalRate, 1, MAX_MARGINAL_BINS, d == 1 ? walls : LatticeWalls.none());
            marginals[a] = marginal(cells[a], axes[a], e.omega());
        }
        for (int k = 0; k < observables.length; k++) {
            long[] c = observableCells(e, observables[k]);
            marginals[d + k] = marginal(c, axis(c, marginalRate, 1, MAX_MARGINAL_BINS), e.omega());
        }
        Density2D joint = null;
        if (d == 2) {
            LatticeAxis x = axis(cells[0], jointRate, axes[0].width(), MAX_JOINT_BINS);
            LatticeAxis y = axis(cells[1], jointRate, axes[1].width(), MAX_JOINT_BINS);
            joint = joint(cells[0], cells[1], x, y, e.omega());
        }

        int kept = Math.min(keepSamples, n);
        double[][] samples = new double[kept][d];
        for (int i = 0; i < kept; i++) for (int a = 0; a < d; a++) samples[i][a] = v[i * d + a] / scale;
        return new Snapshot(time, mean, cov, marginals, joint, samples, 1.0);
    }

    /** Each member's nearest lattice point n = round(x·Ω) in species a (exact for the SSA's counts). */
    private static long[] cells(Ensemble e, int a) {
        int n = e.size(), d = e.dimension();
        double perUnit = e.omega() / e.scale();
        long[] c = new long[n];
        for (int i = 0; i < n; i++) c[i] = Math.round(e.state[i * d + a] * perUnit);
        return c;
    }

    /** Each member's observable Σ_a w_a·x_a on the lattice, n = round(Σ_a w_a·x_a·Ω) (exact for the SSA's counts). */
    private static long[] observableCells(Ensemble e, int[] w) {
        int n = e.size(), d = e.dimension();
        double perUnit = e.omega() / e.scale();
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int a = 0; a < d; a++) v += w[a] * e.state[i * d + a];
            c[i] = Math.round(v * perUnit);
        }
        return c;
    }

    /** {@link #axis(long[], double, long, int, LatticeWalls)} without walls. */
    private static LatticeAxis axis(long[] cells, double rate, long unit, int maxBins) {
        return axis(cells, rate, unit, maxBins, LatticeWalls.none());
    }

    /**
     * The axis over the occupied range of {@code cells} with bins 2·IQR·{@code rate} lattice steps
     * wide, rounded up to a multiple of {@code unit}, with edges on the lattice's walls where the
     * members reach them ({@link LatticeAxis#covering}: where both are reached and no width fits
     * the box, the wall with more members within a bin of it).
     */
    private static LatticeAxis axis(long[] cells, double rate, long unit, int maxBins, LatticeWalls walls) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long c : cells) {
            if (c < min) min = c;
            if (c > max) max = c;
        }
        double width = 2 * interquartileRange(cells, min, max) * rate;
        if (!walls.hasLow() && !walls.hasHigh()) return LatticeAxis.covering(min, max, width, unit, maxBins);
        long reach = Math.max(unit, (long) Math.ceil(width));
        int nearLow = 0, nearHigh = 0;
        for (long c : cells) {
            if (walls.hasLow() && c - walls.lo() < reach) nearLow++;
            if (walls.hasHigh() && walls.hi() - c < reach) nearHigh++;
        }
        return LatticeAxis.covering(min, max, width, unit, maxBins, walls.lo(), walls.hi(), nearHigh > nearLow);
    }

    /**
     * q₃ − q₁ of the lattice points, with nearest-rank quartiles (q_p is the smallest c with at
     * least ⌈p·N⌉ members at or below c): integer and order-free, so the same ensemble gives the
     * same bins on any thread count.
     */
    static long interquartileRange(long[] cells, long min, long max) {
        int n = cells.length;
        long lowRank = Math.max(1, (n + 3) / 4), highRank = Math.max(1, (3L * n + 3) / 4);
        long span = max - min + 1;
        if (span <= Math.max(1024, 4L * n)) {               // counting beats sorting, in little memory
            int[] counts = new int[(int) span];
            for (long c : cells) counts[(int) (c - min)]++;
            long below = 0, q1 = Long.MIN_VALUE;
            for (int k = 0; k < counts.length; k++) {
                below += counts[k];
                if (q1 == Long.MIN_VALUE && below >= lowRank) q1 = min + k;
                if (below >= highRank) return min + k - q1;
            }
            return max - q1;
        }
        long[] sorted = cells.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) highRank - 1] - sorted[(int) lowRank - 1];
    }

    private static Density1D marginal(long[] cells, LatticeAxis axis, double omega) {
        long[] counts = new long[axis.bins()];
        for (long c : cells) counts[axis.bin(c)]++;
        double dx = axis.binWidth(omega);
        double[] p = new double[counts.length];
        for (int b = 0; b < p.length; b++) p[b] = counts[b] / (cells.length * dx);
        return new Density1D(axis.firstCentre(omega), dx, p);
    }

    private static Density2D joint(long[] xs, long[] ys, LatticeAxis x, LatticeAxis y, double omega) {
        long[] counts = new long[x.bins() * y.bins()];
        for (int i = 0; i < xs.length; i++) counts[y.bin(ys[i]) * x.bins() + x.bin(xs[i])]++;
        double dx = x.binWidth(omega), dy = y.binWidth(omega);
        double[] p = new double[counts.length];
        for (int b = 0; b < p.length; b++) p[b] = counts[b] / (xs.length * dx * dy);
        return new Density2D(x.firstCentre(omega), dx, x.bins(), y.firstCentre(omega), dy, y.bins(), p);
    }
}
