package org.kmlab.solve.cme;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

/**
 * Turns a lattice distribution P(n) into a {@link Snapshot} in x = n/Ω units. Moments are those of
 * P conditioned on the box (divided by the mass it holds), computed exactly over every state;
 * densities are not renormalised: a marginal is {@code P(n)·Ω} on cells of width 1/Ω, so it
 * integrates to the mass in the box. A 2-D joint wider than {@value #MAX_JOINT_SIDE} cells per
 * side is summed over blocks of states to keep snapshots small; moments are not affected.
 */
final class LatticeSnapshots {
    static final int MAX_JOINT_SIDE = 400;

    private final Lattice box;
    private final double omega;
    private final long[] counts;

    LatticeSnapshots(Lattice box, double omega) {
        this.box = box;
        this.omega = omega;
        this.counts = new long[box.dimension()];
    }

    Snapshot of(double time, double[] p) {
        int dim = box.dimension(), n = p.length;
        double mass = 0;
        double[] sum = new double[dim];
        for (int i = 0; i < n; i++) {
            if (p[i] == 0) continue;
            box.counts(i, counts);
            mass += p[i];
            for (int s = 0; s < dim; s++) sum[s] += p[i] * counts[s];
        }
        double[] meanCount = new double[dim];
        for (int s = 0; s < dim; s++) meanCount[s] = sum[s] / mass;
        double[][] cov = new double[dim][dim];
        double[] d = new double[dim];
        for (int i = 0; i < n; i++) {
            if (p[i] == 0) continue;
            box.counts(i, counts);
            for (int s = 0; s < dim; s++) d[s] = counts[s] - meanCount[s];
            for (int a = 0; a < dim; a++) for (int b = 0; b <= a; b++) cov[a][b] += p[i] * d[a] * d[b];
        }
        double[] mean = new double[dim];
        for (int a = 0; a < dim; a++) {
            mean[a] = meanCount[a] / omega;
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= mass * omega * omega;
                cov[b][a] = cov[a][b];
            }
        }
        Density1D[] marginals = new Density1D[dim];
        for (int s = 0; s < dim; s++) marginals[s] = marginal(p, s);
        Density2D joint = dim == 2 ? joint(p) : null;
        return new Snapshot(time, mean, cov, marginals, joint, new double[0][], mass);
    }

    private Density1D marginal(double[] p, int axis) {
        double[] q = new double[(int) box.width(axis)];
        if (box.dimension() == 1) {
            for (int i = 0; i < p.length; i++) q[i] = p[i] * omega;
        } else {
            int w = (int) box.width(0);
            for (int i = 0; i < p.length; i++) q[axis == 0 ? i % w : i / w] += p[i];
            for (int i = 0; i < q.length; i++) q[i] *= omega;
        }
        return new Density1D(box.lo(axis) / omega, 1 / omega, q);
    }

    private Density2D joint(double[] p) {
        int w0 = (int) box.width(0), w1 = (int) box.width(1);
        int block = (Math.max(w0, w1) + MAX_JOINT_SIDE - 1) / MAX_JOINT_SIDE;
        int nx = (w0 + block - 1) / block, ny = (w1 + block - 1) / block;
        double[] q = new double[nx * ny];
        for (int i = 0; i < p.length; i++) q[(i / w0 / block) * nx + (i % w0) / block] += p[i];
        double cell = block / omega;
        for (int i = 0; i < q.length; i++) q[i] /= cell * cell;
        double centre = (block - 1) / 2.0;   // a block's centre, in states from its first state
        return new Density2D((box.lo(0) + centre) / omega, cell, nx, (box.lo(1) + centre) / omega, cell, ny, q);
    }
}
