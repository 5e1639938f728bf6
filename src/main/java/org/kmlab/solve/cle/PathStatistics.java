package org.kmlab.solve.cle;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

/**
 * Turns the CLE ensemble at one output time into a {@link Snapshot} (x units): sample mean and
 * covariance (divisor N − 1), each species' histogram density on lattice-aligned bins over its
 * occupied range ({@link LatticeAxis}, at most {@value #MAX_MARGINAL_BINS} bins), the joint
 * histogram of a 2-species model (at most {@value #MAX_JOINT_BINS}² bins), the states of the first
 * {@code keepSamples} paths, and mass 1. Computed on one thread in path order, so a snapshot is
 * bit-identical whatever the number of worker threads.
 */
final class PathStatistics {
    static final int MAX_MARGINAL_BINS = 200;
    static final int MAX_JOINT_BINS = 64;

    private final double omega;
    private final int keepSamples;

    PathStatistics(double omega, int keepSamples) {
        this.omega = omega;
        this.keepSamples = keepSamples;
    }

    Snapshot snapshot(double time, PathEnsemble e) {
        int n = e.size, d = e.species;
        double[] x = e.x;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) mean[a] += x[i * d + a];
        for (int a = 0; a < d; a++) mean[a] /= n;
        double[][] cov = new double[d][d];
        if (n > 1) {
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    double da = x[i * d + a] - mean[a];
                    for (int b = 0; b <= a; b++) cov[a][b] += da * (x[i * d + b] - mean[b]);
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] /= n - 1;
                    cov[b][a] = cov[a][b];
                }
            }
        }
        Density1D[] marginals = new Density1D[d];
        for (int a = 0; a < d; a++) marginals[a] = marginal(e, a, occupied(e, a, MAX_MARGINAL_BINS));
        Density2D joint = d == 2 ? joint(e) : null;
        int kept = Math.min(keepSamples, n);
        double[][] samples = new double[kept][d];
        for (int i = 0; i < kept; i++) System.arraycopy(x, i * d, samples[i], 0, d);
        return new Snapshot(time, mean, cov, marginals, joint, samples, 1.0);
    }

    private LatticeAxis occupied(PathEnsemble e, int a, int maxBins) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < e.size; i++) {
            long c = LatticeAxis.cell(e.x[i * e.species + a], omega);
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        return LatticeAxis.covering(min, max, maxBins);
    }

    private Density1D marginal(PathEnsemble e, int a, LatticeAxis axis) {
        long[] counts = new long[axis.bins()];
        for (int i = 0; i < e.size; i++) counts[axis.bin(LatticeAxis.cell(e.x[i * e.species + a], omega))]++;
        double dx = axis.binWidth(omega);
        double[] p = new double[counts.length];
        for (int b = 0; b < p.length; b++) p[b] = counts[b] / (e.size * dx);
        return new Density1D(axis.firstCentre(omega), dx, p);
    }

    private Density2D joint(PathEnsemble e) {
        LatticeAxis ax = occupied(e, 0, MAX_JOINT_BINS), ay = occupied(e, 1, MAX_JOINT_BINS);
        long[] counts = new long[ax.bins() * ay.bins()];
        for (int i = 0; i < e.size; i++) {
            int bx = ax.bin(LatticeAxis.cell(e.x[2 * i], omega)), by = ay.bin(LatticeAxis.cell(e.x[2 * i + 1], omega));
            counts[by * ax.bins() + bx]++;
        }
        double dx = ax.binWidth(omega), dy = ay.binWidth(omega);
        double[] p = new double[counts.length];
        for (int b = 0; b < p.length; b++) p[b] = counts[b] / (e.size * dx * dy);
        return new Density2D(ax.firstCentre(omega), dx, ax.bins(), ay.firstCentre(omega), dy, ay.bins(), p);
    }
}
