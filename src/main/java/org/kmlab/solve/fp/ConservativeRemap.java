package org.kmlab.solve.fp;

/**
 * Moves cell masses from one uniform 1-D grid to another by integrating a piecewise-linear
 * reconstruction exactly over the overlaps (a MUSCL-type reconstruction, van Leer, J. Comput.
 * Phys. 32 (1979) 101; the remap step of Dukowicz &amp; Kodis, SIAM J. Sci. Stat. Comput. 8
 * (1987) 305): central slopes, cut only where the line would go negative in its cell (a
 * positivity limiter rather than a monotone one, so smooth maxima keep second order), so every
 * new mass is the integral of a non-negative function. Mass of old cells
 * beyond the new grid's ends is added to its end cells, so the sum is kept exactly (it is
 * reported; the Fokker–Planck box is planned to leave none). Allocation-free after construction.
 */
final class ConservativeRemap {
    private final double[] slope, out;

    ConservativeRemap(int capacity) {
        slope = new double[capacity];
        out = new double[capacity];
    }

    /**
     * Remaps {@code mass} (n cells on [lo, lo + n·dx]) onto n cells on [newLo, newLo + n·newDx],
     * in place. Returns the mass that lay outside the new grid (and was put in its end cells).
     */
    double remap(double[] mass, int n, double lo, double dx, double newLo, double newDx) {
        // central slopes (mass per cell per cell), cut only as far as keeps the line ≥ 0 in its cell:
        // second order at smooth extrema too, where a monotone limiter would flatten the line
        for (int i = 0; i < n; i++) {
            double below = i > 0 ? mass[i - 1] : mass[i], above = i < n - 1 ? mass[i + 1] : mass[i];
            double s = 0.5 * (above - below), limit = 2 * mass[i];
            slope[i] = s > limit ? limit : s < -limit ? -limit : s;   // mass(ξ) = m_i + s·(ξ − ½) on ξ ∈ [0, 1] of cell i
        }
        java.util.Arrays.fill(out, 0, n, 0.0);
        double outside = 0;
        for (int i = 0; i < n; i++) {
            double m = mass[i];
            if (m == 0 && slope[i] == 0) continue;
            double a = lo + i * dx, b = a + dx;
            // new cells overlapping [a, b]
            int first = (int) Math.floor((a - newLo) / newDx), last = (int) Math.floor((b - newLo) / newDx);
            for (int j = first; j <= last; j++) {
                double ca = Math.max(a, newLo + j * newDx), cb = Math.min(b, newLo + (j + 1) * newDx);
                if (!(cb > ca)) continue;
                // the overlap in the old cell's ξ ∈ [0, 1]; the line's integral is length × its midpoint value,
                // which is ≥ 0 in floating point too (the limited slope is at most twice the mass)
                double u = Math.max(0, (ca - a) / dx), v = Math.min(1, (cb - a) / dx);
                double part = (v - u) * (m + slope[i] * (0.5 * (u + v) - 0.5));
                if (j < 0) { out[0] += part; outside += part; }
                else if (j >= n) { out[n - 1] += part; outside += part; }
                else out[j] += part;
            }
        }
        System.arraycopy(out, 0, mass, 0, n);
        return outside;
    }
}
