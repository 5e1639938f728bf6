package org.kmlab.solve.cme;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

/**
 * Turns a lattice distribution P(n) into a {@link Snapshot} in x = n/Ω units. Moments are those of
 * P conditioned on the lattice (divided by the mass it holds), computed exactly over every state;
 * densities are not renormalised: a marginal is {@code P(n)·Ω} on cells of width 1/Ω, so it
 * integrates to the mass on the lattice. The 2-D joint covers the bounding box (zero in a cut
 * corner); wider than {@value #MAX_JOINT_SIDE} cells per side it is summed over square blocks of
 * states to keep snapshots small, which leaves the moments untouched.
 */
final class LatticeSnapshots {
    static final int MAX_JOINT_SIDE = 400;

    private final Lattice lattice;
    private final double omega;
    private final int[][] observables;

    LatticeSnapshots(Lattice lattice, double omega) { this(lattice, omega, new int[0][]); }

    /** @param observables integer weights of the model's observables by species: their laws follow the species' marginals */
    LatticeSnapshots(Lattice lattice, double omega, int[][] observables) {
        this.lattice = lattice;
        this.omega = omega;
        this.observables = observables;
    }

    Snapshot of(double time, double[] p) {
        int dim = lattice.dimension();
        double[] px = new double[(int) lattice.width(0)];
        double[] py = dim == 2 ? new double[(int) lattice.width(1)] : null;
        double[] joint = dim == 2 ? new double[px.length * py.length] : null;
        for (int j = 0; j < lattice.rows(); j++) {
            int base = lattice.start(j) - lattice.from(j);
            for (int i = lattice.from(j); i < lattice.to(j); i++) {
                double q = p[base + i];
                px[i] += q;
                if (dim == 2) {
                    py[j] += q;
                    joint[j * px.length + i] = q;
                }
            }
        }
        // moments from the exact marginals and, for the covariance, the joint
        double mass = 0;
        for (double q : px) mass += q;
        double[] meanCount = new double[dim];
        meanCount[0] = firstMoment(px, lattice.lo(0)) / mass;
        if (dim == 2) meanCount[1] = firstMoment(py, lattice.lo(1)) / mass;
        double[][] cov = new double[dim][dim];
        cov[0][0] = centralSecond(px, lattice.lo(0), meanCount[0]) / mass;
        if (dim == 2) {
            cov[1][1] = centralSecond(py, lattice.lo(1), meanCount[1]) / mass;
            double c = 0;
            for (int j = 0; j < py.length; j++) {
                double dy = lattice.lo(1) + j - meanCount[1], row = 0;
                int base = j * px.length;
                for (int i = lattice.from(j); i < lattice.to(j); i++) row += joint[base + i] * (lattice.lo(0) + i - meanCount[0]);
                c += row * dy;
            }
            cov[0][1] = cov[1][0] = c / mass;
        }
        double[] mean = new double[dim];
        for (int a = 0; a < dim; a++) {
            mean[a] = meanCount[a] / omega;
            for (int b = 0; b < dim; b++) cov[a][b] /= omega * omega;
        }
        Density1D[] marginals = new Density1D[dim + observables.length];
        marginals[0] = density(px, 0);
        if (dim == 2) marginals[1] = density(py, 1);
        for (int k = 0; k < observables.length; k++) marginals[dim + k] = observable(p, observables[k]);
        return new Snapshot(time, mean, cov, marginals, dim == 2 ? joint(joint, px.length, py.length) : null, new double[0][], mass);
    }

    private static double firstMoment(double[] q, long lo) {
        double s = 0;
        for (int i = 0; i < q.length; i++) s += q[i] * (lo + i);
        return s;
    }

    private static double centralSecond(double[] q, long lo, double mean) {
        double s = 0;
        for (int i = 0; i < q.length; i++) {
            double d = lo + i - mean;
            s += q[i] * d * d;
        }
        return s;
    }

    /** The exact law of Σ_s w_s·n_s: P summed over the states with each value, as P·Ω on cells 1/Ω wide. */
    private Density1D observable(double[] p, int[] w) {
        int dim = lattice.dimension();
        long lo = 0, hi = 0;
        for (int s = 0; s < dim; s++) {
            lo += Math.min(w[s] * lattice.lo(s), w[s] * (lattice.lo(s) + lattice.width(s) - 1));
            hi += Math.max(w[s] * lattice.lo(s), w[s] * (lattice.lo(s) + lattice.width(s) - 1));
        }
        double[] q = new double[(int) (hi - lo + 1)];
        for (int j = 0; j < lattice.rows(); j++) {
            int base = lattice.start(j) - lattice.from(j);
            long y = dim == 2 ? w[1] * (lattice.lo(1) + j) : 0;
            for (int i = lattice.from(j); i < lattice.to(j); i++) q[(int) (w[0] * (lattice.lo(0) + i) + y - lo)] += p[base + i];
        }
        for (int i = 0; i < q.length; i++) q[i] *= omega;
        return new Density1D(lo / omega, 1 / omega, q);
    }

    private Density1D density(double[] q, int axis) {
        double[] d = new double[q.length];
        for (int i = 0; i < q.length; i++) d[i] = q[i] * omega;
        return new Density1D(lattice.lo(axis) / omega, 1 / omega, d);
    }

    private Density2D joint(double[] p, int w0, int w1) {
        int block = (Math.max(w0, w1) + MAX_JOINT_SIDE - 1) / MAX_JOINT_SIDE;
        int nx = (w0 + block - 1) / block, ny = (w1 + block - 1) / block;
        double[] q = new double[nx * ny];
        for (int j = 0; j < w1; j++) for (int i = 0; i < w0; i++) q[(j / block) * nx + i / block] += p[j * w0 + i];
        double cell = block / omega;
        for (int i = 0; i < q.length; i++) q[i] /= cell * cell;
        double centre = (block - 1) / 2.0;   // a block's centre, in states from its first state
        return new Density2D((lattice.lo(0) + centre) / omega, cell, nx, (lattice.lo(1) + centre) / omega, cell, ny, q);
    }
}
