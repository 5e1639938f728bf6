package org.kmlab.solve.fp;

/**
 * Moves a piecewise-constant 2-D density from one grid to another by exact overlap areas
 * (conservative remapping, e.g. Dukowicz & Kodis 1987, for axis-aligned cells the product of
 * the 1-D overlaps): every target cell receives the source mass lying in it. Source mass outside
 * the target box is put into the nearest wall cell rather than dropped, so the total is kept
 * exactly, and its amount is reported ({@link #outsideMass}). When both grids have the same cell
 * size and their corners differ by whole cells the remap is an exact shift.
 */
final class WindowRemap {
    private WindowRemap() {}

    /** Per-axis overlap: source cell i sends {@code fraction[i][k]} of its mass to target cell {@code first[i] + k}. */
    private record Overlap(int[] first, double[][] fraction, double[] outside) {
        static Overlap of(double s0, double hs, int ns, double t0, double ht, int nt) {
            int[] first = new int[ns];
            double[][] fraction = new double[ns][];
            double[] outside = new double[ns];
            double t1 = t0 + nt * ht;
            for (int i = 0; i < ns; i++) {
                double a = s0 + i * hs, b = a + hs;
                int lo = (int) Math.max(0, Math.min(nt - 1, Math.floor((a - t0) / ht)));
                int hi = (int) Math.max(0, Math.min(nt - 1, Math.ceil((b - t0) / ht) - 1));
                double[] f = new double[hi - lo + 1];
                for (int k = lo; k <= hi; k++) {
                    double overlap = Math.min(b, t0 + (k + 1) * ht) - Math.max(a, t0 + k * ht);
                    if (overlap > 0) f[k - lo] = overlap / hs;
                }
                double below = Math.max(0, Math.min(b, t0) - a) / hs, above = Math.max(0, b - Math.max(a, t1)) / hs;
                f[0] += below;
                f[f.length - 1] += above;
                outside[i] = below + above;
                first[i] = lo;
                fraction[i] = f;
            }
            return new Overlap(first, fraction, outside);
        }
    }

    /** The density p on {@code from} as a density on {@code to}; {@code outsideMass[0]} += the mass that fell outside to's box. */
    static double[] remap(double[] p, FokkerPlanck2D.Grid from, FokkerPlanck2D.Grid to, double[] outsideMass) {
        Overlap ox = Overlap.of(from.x0(), from.h(), from.nx(), to.x0(), to.h(), to.nx());
        Overlap oy = Overlap.of(from.y0(), from.h(), from.ny(), to.y0(), to.h(), to.ny());
        double[] q = new double[to.nx() * to.ny()];
        double area = from.h() * from.h(), outside = 0;
        int snx = from.nx(), tnx = to.nx();
        for (int j = 0; j < from.ny(); j++) {
            double[] fy = oy.fraction[j];
            for (int i = 0; i < snx; i++) {
                double mass = p[j * snx + i] * area;
                if (mass == 0) continue;
                double[] fx = ox.fraction[i];
                outside += mass * (1 - (1 - ox.outside[i]) * (1 - oy.outside[j]));
                for (int ky = 0; ky < fy.length; ky++) {
                    int row = (oy.first[j] + ky) * tnx + ox.first[i];
                    double my = mass * fy[ky];
                    for (int kx = 0; kx < fx.length; kx++) q[row + kx] += my * fx[kx];
                }
            }
        }
        double inverseArea = 1 / (to.h() * to.h());
        for (int c = 0; c < q.length; c++) q[c] *= inverseArea;
        outsideMass[0] += outside;
        return q;
    }
}
