package org.kmlab.solve.lna;

import org.kmlab.model.Observable;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Snapshot;

/**
 * Draws the LNA's Gaussian N(m, Σ) (x units) onto grids for a {@link Snapshot}:
 * <ul>
 *   <li>each marginal as exact cell averages ({@link Distances#gaussianOn(Density1D, double, double)})
 *       on a grid covering m ± 6 sd: {@value #MARGINAL_CELLS} cells, or the lattice cells of
 *       width 1/Ω centred on n/Ω when those are fewer (so it lines up with the master equation);</li>
 *   <li>for two species, the joint density on {@value #JOINT_CELLS}² cells over m ± 5 sd
 *       ({@link Distances#gaussianOn(Density2D, double[], double[][])});</li>
 *   <li>a zero variance (t = 0) as a point mass in a lattice cell, on 3 lattice cells;</li>
 *   <li>after the species, the law of each of the model's observables Σ c_s·x_s: the Gaussian with
 *       mean cᵀm and variance cᵀΣc (exact for a Gaussian), on a grid drawn as a species'.</li>
 * </ul>
 * The Gaussian is drawn in full even below x = 0 for a count: that mass is part of the
 * approximation (and a sign that Ω is too small for it). Mass is reported as 1.
 */
final class GaussianSnapshots {
    static final int MARGINAL_CELLS = 400;
    static final int JOINT_CELLS = 128;
    private static final double MARGINAL_HALF_WIDTH = 6, JOINT_HALF_WIDTH = 5;

    private final double omega;
    private final int[][] observables;

    /** @param observables integer weights of the model's observables by species ({@code Model#observableWeights}) */
    GaussianSnapshots(double omega, int[][] observables) {
        this.omega = omega;
        this.observables = observables.clone();
    }

    Snapshot snapshot(double time, double[] mean, double[][] cov) {
        int d = mean.length;
        Density1D[] marginals = new Density1D[d + observables.length];
        for (int s = 0; s < d; s++) marginals[s] = gaussian(mean[s], cov[s][s]);
        for (int k = 0; k < observables.length; k++) {
            marginals[d + k] = gaussian(Observable.value(observables[k], mean), Observable.variance(observables[k], cov));
        }
        Density2D joint = null;
        if (d == 2) {
            double[] sd = {Math.sqrt(Math.max(0, cov[0][0])), Math.sqrt(Math.max(0, cov[1][1]))};
            Axis x = jointAxis(mean[0], sd[0]), y = jointAxis(mean[1], sd[1]);
            Density2D grid = new Density2D(x.x0, x.dx, x.n, y.x0, y.dx, y.n, new double[x.n * y.n]);
            joint = Distances.gaussianOn(grid, mean, cov);
        }
        return new Snapshot(time, mean, cov, marginals, joint, new double[0][], 1.0);
    }

    private Density1D gaussian(double m, double variance) {
        double v = Math.max(0, variance);
        return Distances.gaussianOn(marginalGrid(m, Math.sqrt(v)), m, v);
    }

    private Density1D marginalGrid(double m, double sd) {
        if (!(sd > 0)) return latticeGrid(Math.round(m * omega) - 1, Math.round(m * omega) + 1);
        double lo = m - MARGINAL_HALF_WIDTH * sd, hi = m + MARGINAL_HALF_WIDTH * sd;
        if ((hi - lo) * omega < MARGINAL_CELLS) return latticeGrid((long) Math.floor(lo * omega), (long) Math.ceil(hi * omega));
        double dx = (hi - lo) / MARGINAL_CELLS;
        return new Density1D(lo + dx / 2, dx, new double[MARGINAL_CELLS]);
    }

    private Density1D latticeGrid(long nLo, long nHi) {
        return new Density1D(nLo / omega, 1 / omega, new double[(int) (nHi - nLo + 1)]);
    }

    private record Axis(double x0, double dx, int n) {}

    private Axis jointAxis(double m, double sd) {
        if (!(sd > 0)) return new Axis((Math.round(m * omega) - 1) / omega, 1 / omega, 3);
        double dx = 2 * JOINT_HALF_WIDTH * sd / JOINT_CELLS;
        return new Axis(m - JOINT_HALF_WIDTH * sd + dx / 2, dx, JOINT_CELLS);
    }
}
