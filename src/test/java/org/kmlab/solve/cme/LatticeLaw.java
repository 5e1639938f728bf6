package org.kmlab.solve.cme;

import org.apache.commons.math3.special.Gamma;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

import java.util.function.IntToDoubleFunction;

/** Test help: a snapshot read back as P(n) on the lattice, and L1 distances to exact laws. */
final class LatticeLaw {
    private LatticeLaw() {}

    /** An exact law on one or two counts. */
    interface Law2 {
        double p(long a, long b);
    }

    static double poisson(long n, double mu) {
        if (n < 0) return 0;
        if (mu == 0) return n == 0 ? 1 : 0;
        return Math.exp(-mu + n * Math.log(mu) - Gamma.logGamma(n + 1.0));
    }

    /**
     * Σ_n |P(n) − exact(n)| over the snapshot's lattice plus the exact mass it lacks
     * ({@code 1 − Σ exact} over the lattice): the whole L1 distance, as long as exact sums to 1.
     */
    static double l1(Snapshot s, double omega, IntToDoubleFunction exactOfCount) {
        Density1D d = s.marginal(0);
        long lo = Math.round(d.x0() * omega);
        double[] p = d.p();
        double l1 = 0, covered = 0;
        for (int i = 0; i < p.length; i++) {
            double e = exactOfCount.applyAsDouble((int) (lo + i));
            l1 += Math.abs(p[i] / omega - e);
            covered += e;
        }
        return l1 + Math.max(0, 1 - covered);
    }

    /** The same in 2-D, from the joint (which must not be binned: at most 400 states a side). */
    static double l1(Snapshot s, double omega, Law2 exact) {
        Density2D d = s.joint();
        if (Math.abs(d.dx() * omega - 1) > 1e-12 || Math.abs(d.dy() * omega - 1) > 1e-12) throw new IllegalArgumentException("a binned joint");
        long lo0 = Math.round(d.x0() * omega), lo1 = Math.round(d.y0() * omega);
        double l1 = 0, covered = 0;
        for (int j = 0; j < d.ny(); j++) {
            for (int i = 0; i < d.nx(); i++) {
                double e = exact.p(lo0 + i, lo1 + j);
                l1 += Math.abs(d.density(i, j) / (omega * omega) - e);
                covered += e;
            }
        }
        return l1 + Math.max(0, 1 - covered);
    }

    /** L1 distance between the lattice laws of two snapshots (each on its own window). */
    static double l1(Snapshot a, Snapshot b, double omega) {
        if (a.dimension() == 1) {
            Density1D da = a.marginal(0), db = b.marginal(0);
            long la = Math.round(da.x0() * omega), lb = Math.round(db.x0() * omega);
            long lo = Math.min(la, lb), hi = Math.max(la + da.size(), lb + db.size());
            double l1 = 0;
            for (long n = lo; n < hi; n++) {
                double pa = n >= la && n < la + da.size() ? da.density((int) (n - la)) : 0;
                double pb = n >= lb && n < lb + db.size() ? db.density((int) (n - lb)) : 0;
                l1 += Math.abs(pa - pb) / omega;
            }
            return l1;
        }
        Density2D da = a.joint(), db = b.joint();
        long ax = Math.round(da.x0() * omega), ay = Math.round(da.y0() * omega), bx = Math.round(db.x0() * omega), by = Math.round(db.y0() * omega);
        long x0 = Math.min(ax, bx), x1 = Math.max(ax + da.nx(), bx + db.nx()), y0 = Math.min(ay, by), y1 = Math.max(ay + da.ny(), by + db.ny());
        double l1 = 0;
        for (long y = y0; y < y1; y++) {
            for (long x = x0; x < x1; x++) {
                double pa = x >= ax && x < ax + da.nx() && y >= ay && y < ay + da.ny() ? da.density((int) (x - ax), (int) (y - ay)) : 0;
                double pb = x >= bx && x < bx + db.nx() && y >= by && y < by + db.ny() ? db.density((int) (x - bx), (int) (y - by)) : 0;
                l1 += Math.abs(pa - pb) / (omega * omega);
            }
        }
        return l1;
    }
}
