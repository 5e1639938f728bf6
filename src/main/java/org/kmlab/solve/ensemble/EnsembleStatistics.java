package org.kmlab.solve.ensemble;

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
 * <p>Bins are one lattice point wide unless the occupied range needs more than
 * {@value #MAX_MARGINAL_BINS} bins ({@value #MAX_JOINT_BINS} per axis for the joint).
 *
 * <p>Everything is computed on one thread in member order, so a snapshot is bit-identical whatever
 * the number of worker threads.
 */
public final class EnsembleStatistics {
    public static final int MAX_MARGINAL_BINS = 4096;
    public static final int MAX_JOINT_BINS = 200;

    private final int keepSamples;

    /** @param keepSamples how many members' states each snapshot keeps */
    public EnsembleStatistics(int keepSamples) {
        this.keepSamples = keepSamples;
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
        Density1D[] marginals = new Density1D[d];
        for (int a = 0; a < d; a++) {
            cells[a] = cells(e, a);
            marginals[a] = marginal(cells[a], axis(cells[a], 1, MAX_MARGINAL_BINS), e.omega());
        }
        Density2D joint = d == 2 ? joint(cells[0], cells[1], e.omega()) : null;

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

    private static LatticeAxis axis(long[] cells, long width, int maxBins) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long c : cells) {
            if (c < min) min = c;
            if (c > max) max = c;
        }
        return LatticeAxis.covering(min, max, width, maxBins);
    }

    private static Density1D marginal(long[] cells, LatticeAxis axis, double omega) {
        long[] counts = new long[axis.bins()];
        for (long c : cells) counts[axis.bin(c)]++;
        double dx = axis.binWidth(omega);
        double[] p = new double[counts.length];
        for (int b = 0; b < p.length; b++) p[b] = counts[b] / (cells.length * dx);
        return new Density1D(axis.firstCentre(omega), dx, p);
    }

    private static Density2D joint(long[] xs, long[] ys, double omega) {
        LatticeAxis x = axis(xs, 1, MAX_JOINT_BINS), y = axis(ys, 1, MAX_JOINT_BINS);
        long[] counts = new long[x.bins() * y.bins()];
        for (int i = 0; i < xs.length; i++) counts[y.bin(ys[i]) * x.bins() + x.bin(xs[i])]++;
        double dx = x.binWidth(omega), dy = y.binWidth(omega);
        double[] p = new double[counts.length];
        for (int b = 0; b < p.length; b++) p[b] = counts[b] / (xs.length * dx * dy);
        return new Density2D(x.firstCentre(omega), dx, x.bins(), y.firstCentre(omega), dy, y.bins(), p);
    }
}
