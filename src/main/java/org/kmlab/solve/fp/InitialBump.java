package org.kmlab.solve.fp;

/**
 * The initial delta at n0 as a normalised bump one lattice cell wide: uniform on
 * [x0 − h/2, x0 + h/2] (h = 1/Ω, clipped to the grid), deposited on cell centres by
 * cloud-in-cell weighting of many sub-points, so the discrete mean is x0 exactly (away from the
 * boundary) and the bump occupies at least one cell when the grid is coarser than h.
 */
final class InitialBump {
    private InitialBump() {}

    /** Probability mass per cell (sums to 1) on {@code cells} cells of width dx starting at lo. */
    static double[] masses(double x0, double h, double lo, double dx, int cells) {
        double hi = lo + cells * dx;
        double a = Math.max(lo, x0 - 0.5 * h), b = Math.min(hi, x0 + 0.5 * h);
        if (!(b > a)) { a = Math.max(lo, Math.min(hi, x0)); b = a; }
        int points = (int) Math.min(1 << 14, Math.max(16, Math.ceil(16 * (b - a) / dx)));
        double[] m = new double[cells];
        double w = 1.0 / points;
        for (int k = 0; k < points; k++) {
            double x = a + (k + 0.5) * (b - a) / points;
            double s = (x - lo) / dx - 0.5;
            int i = (int) Math.floor(s);
            if (i < 0) { m[0] += w; continue; }
            if (i >= cells - 1) { m[cells - 1] += w; continue; }
            double f = s - i;
            m[i] += w * (1 - f);
            m[i + 1] += w * f;
        }
        return m;
    }
}
