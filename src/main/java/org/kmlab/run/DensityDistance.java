package org.kmlab.run;

import org.kmlab.solve.Density1D;

/**
 * L1 distance ∫|p − q| dx between two 1-D densities on different grids, for the status bar: q is
 * read at p's cell centres by linear interpolation (0 outside its grid), and q's mass outside p's
 * range is added. 0 means identical, 2 means disjoint.
 */
public final class DensityDistance {
    private DensityDistance() {}

    public static double l1(Density1D p, Density1D q) {
        double sum = 0;
        for (int i = 0; i < p.size(); i++) sum += Math.abs(p.density(i) - interpolate(q, p.x(i))) * p.dx();
        double lo = p.x(0) - p.dx() / 2, hi = p.x(p.size() - 1) + p.dx() / 2;
        for (int j = 0; j < q.size(); j++) {
            double x = q.x(j);
            if (x < lo || x > hi) sum += Math.abs(q.density(j)) * q.dx();
        }
        return sum;
    }

    static double interpolate(Density1D q, double x) {
        double u = (x - q.x0()) / q.dx();
        if (u < -0.5 || u > q.size() - 0.5) return 0;
        int i = (int) Math.floor(u);
        if (i < 0) return q.density(0);
        if (i >= q.size() - 1) return q.density(q.size() - 1);
        double w = u - i;
        return (1 - w) * q.density(i) + w * q.density(i + 1);
    }
}
