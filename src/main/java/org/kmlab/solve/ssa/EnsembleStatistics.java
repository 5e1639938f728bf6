package org.kmlab.solve.ssa;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

/**
 * Turns the ensemble's counts at one output time into a {@link Snapshot} in x = n/Ω units: sample
 * mean and sample covariance (divisor N−1), a histogram density of each species over its occupied
 * range (one bin per lattice point, {@code p = count/(N·dx)} with dx = 1/Ω, unless the range is
 * wider than {@link #MAX_MARGINAL_BINS}), the joint histogram of a 2-species model on at most
 * {@link #MAX_JOINT_BINS}² bins, and the states of the first few trajectories.
 *
 * <p>Everything is computed on one thread in trajectory order from integer counts, so a snapshot
 * is bit-identical whatever the number of worker threads.
 */
final class EnsembleStatistics {
    static final int MAX_MARGINAL_BINS = 4096;
    static final int MAX_JOINT_BINS = 200;

    private final double omega;
    private final int keepSamples;

    EnsembleStatistics(double omega, int keepSamples) {
        this.omega = omega;
        this.keepSamples = keepSamples;
    }

    Snapshot snapshot(double time, Ensemble e) {
        int n = e.size, s = e.species;
        long[] c = e.counts;
        double[] mean = new double[s];
        for (int i = 0; i < n; i++) for (int a = 0; a < s; a++) mean[a] += c[i * s + a];
        for (int a = 0; a < s; a++) mean[a] /= n;
        double[][] cov = new double[s][s];
        if (n > 1) {
            double[] d = new double[s];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < s; a++) d[a] = c[i * s + a] - mean[a];
                for (int a = 0; a < s; a++) for (int b = 0; b <= a; b++) cov[a][b] += d[a] * d[b];
            }
            for (int a = 0; a < s; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] /= (n - 1) * omega * omega;
                    cov[b][a] = cov[a][b];
                }
            }
        }
        for (int a = 0; a < s; a++) mean[a] /= omega;

        LatticeBins[] axes = new LatticeBins[s];
        Density1D[] marginals = new Density1D[s];
        for (int a = 0; a < s; a++) {
            axes[a] = occupied(e, a, MAX_MARGINAL_BINS);
            marginals[a] = marginal(e, a, axes[a]);
        }
        Density2D joint = s == 2 ? joint(e) : null;

        int kept = Math.min(keepSamples, n);
        double[][] samples = new double[kept][s];
        for (int i = 0; i < kept; i++) for (int a = 0; a < s; a++) samples[i][a] = c[i * s + a] / omega;
        return new Snapshot(time, mean, cov, marginals, joint, samples, 1.0);
    }

    private static LatticeBins occupied(Ensemble e, int a, int maxBins) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < e.size; i++) {
            long v = e.counts[i * e.species + a];
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return LatticeBins.covering(min, max, maxBins);
    }

    private Density1D marginal(Ensemble e, int a, LatticeBins axis) {
        long[] counts = new long[axis.bins()];
        for (int i = 0; i < e.size; i++) counts[axis.bin(e.counts[i * e.species + a])]++;
        double dx = axis.binWidth(omega);
        double[] p = new double[counts.length];
        for (int b = 0; b < p.length; b++) p[b] = counts[b] / (e.size * dx);
        return new Density1D(axis.firstCentre(omega), dx, p);
    }

    private Density2D joint(Ensemble e) {
        LatticeBins x = occupied(e, 0, MAX_JOINT_BINS), y = occupied(e, 1, MAX_JOINT_BINS);
        long[] counts = new long[x.bins() * y.bins()];
        for (int i = 0; i < e.size; i++) {
            counts[y.bin(e.counts[2 * i + 1]) * x.bins() + x.bin(e.counts[2 * i])]++;
        }
        double dx = x.binWidth(omega), dy = y.binWidth(omega);
        double[] p = new double[counts.length];
        for (int b = 0; b < p.length; b++) p[b] = counts[b] / (e.size * dx * dy);
        return new Density2D(x.firstCentre(omega), dx, x.bins(), y.firstCentre(omega), dy, y.bins(), p);
    }
}
