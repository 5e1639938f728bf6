package org.kmlab.solve.cme;

import org.kmlab.model.Model;
import org.kmlab.model.Propensities;

/**
 * Where probability leaves a lattice: the flow {@code Σ_n a_r(n) P(n)} of the jumps that land
 * outside, split by side of the bounding box ({@code 2s} low, {@code 2s+1} high side of axis s)
 * and, last, into a cut corner. Used only to decide how to grow a lattice, so it favours clarity
 * over speed.
 */
final class LeakSides {
    private LeakSides() {}

    static double[] of(Model model, Lattice lattice, double[] p) {
        int dim = lattice.dimension();
        Propensities prop = model.propensities();
        double[] env = prop.newEnvironment(), bySide = new double[2 * dim + 1];
        long[] n = new long[dim], target = new long[dim];
        for (int j = 0; j < lattice.rows(); j++) {
            int base = lattice.start(j) - lattice.from(j);
            for (int i = lattice.from(j); i < lattice.to(j); i++) {
                double q = p[base + i];
                if (q == 0) continue;
                n[0] = lattice.lo(0) + i;
                if (dim == 2) n[1] = lattice.lo(1) + j;
                for (int s = 0; s < dim; s++) env[s] = n[s];
                for (int r = 0; r < prop.size(); r++) {
                    for (int s = 0; s < dim; s++) target[s] = n[s] + prop.jump(r, s);
                    if (lattice.contains(target)) continue;
                    double flow = Math.max(0, prop.propensity(r, env)) * q;
                    bySide[side(lattice, target)] += flow;
                }
            }
        }
        return bySide;
    }

    private static int side(Lattice lattice, long[] target) {
        for (int s = 0; s < lattice.dimension(); s++) {
            if (target[s] < lattice.lo(s)) return 2 * s;
            if (target[s] > lattice.hi(s)) return 2 * s + 1;
        }
        return 2 * lattice.dimension();
    }

    /** {@code p} moved onto a larger lattice that keeps every state of {@code from}; returns the mass that found no place. */
    static double embed(Lattice from, double[] p, Lattice to, double[] out) {
        int dim = from.dimension();
        long[] n = new long[dim];
        double dropped = 0;
        java.util.Arrays.fill(out, 0);
        for (int j = 0; j < from.rows(); j++) {
            int base = from.start(j) - from.from(j);
            for (int i = from.from(j); i < from.to(j); i++) {
                n[0] = from.lo(0) + i;
                if (dim == 2) n[1] = from.lo(1) + j;
                int k = to.index(n);
                if (k >= 0) out[k] = p[base + i];
                else dropped += p[base + i];
            }
        }
        return dropped;
    }
}
