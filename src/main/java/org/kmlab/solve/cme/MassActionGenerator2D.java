package org.kmlab.solve.cme;

import org.kmlab.model.Model;
import org.kmlab.model.Propensities;
import org.kmlab.solve.SolverException;

/**
 * The uniformized generator of a 2-species mass-action model. A mass-action propensity factorises,
 * {@code a_r(n_x, n_y) = c_r·(n_x)_(s_x)·(n_y)_(s_y)}, so it is stored as two short vectors per
 * reaction instead of one value per state (plus the diagonal), and a step is one pass over the
 * rows of the lattice, with the three rows a jump can reach in cache. Rows may be shorter than the
 * box (a cut corner, see {@link Lattice}).
 */
final class MassActionGenerator2D implements Generator {
    private final Lattice box;
    private final int ny, reactions;
    private final int[] jx, jy;
    private final double[][] fx;   // c_r·(n_x)_(s_x)/Λ along x
    private final double[][] gy;   // (n_y)_(s_y) along y
    private final double[] stay;   // 1 − exit(n)/Λ on every kept state: one stream instead of a pass per reaction
    private final double[][] shifted;   // fx[r][i − jx[r]] (0 off the box): the rate into column i
    private final double lambda;

    private MassActionGenerator2D(Lattice box, int[] jx, int[] jy, double[][] fx, double[][] gy, double[] stay, double lambda) {
        this.stay = stay;
        int nx = (int) box.width(0);
        this.shifted = new double[jx.length][nx];
        for (int r = 0; r < jx.length; r++) {
            for (int i = 0; i < nx; i++) {
                int from = i - jx[r];
                if (from >= 0 && from < nx) shifted[r][i] = fx[r][from];
            }
        }
        this.box = box;
        this.ny = box.rows();
        this.reactions = jx.length;
        this.jx = jx;
        this.jy = jy;
        this.fx = fx;
        this.gy = gy;
        this.lambda = lambda;
    }

    static boolean applies(Model model) {
        if (!model.absorbing().isEmpty()) return false;   // absorbing states have no exit: the stored generator knows them (Rates)
        Propensities p = model.propensities();
        for (int r = 0; r < p.size(); r++) if (!p.isMassAction(r)) return false;
        return model.speciesCount() == 2;
    }

    static MassActionGenerator2D build(Model model, Lattice box) {
        Propensities prop = model.propensities();
        int reactions = prop.size();
        int nx = (int) box.width(0), ny = (int) box.width(1);
        int[] jx = new int[reactions], jy = new int[reactions];
        double[][] fx = new double[reactions][nx], gy = new double[reactions][ny];
        double[] env = prop.newEnvironment();
        for (int r = 0; r < reactions; r++) {
            int[] jump = model.jump(r), order = model.reactants(r);
            jx[r] = jump[0];
            jy[r] = jump[1];
            // c_r from the propensity itself at a state where no factor vanishes
            env[0] = order[0];
            env[1] = order[1];
            double c = prop.propensity(r, env) / (fallingFactorial(order[0], order[0]) * fallingFactorial(order[1], order[1]));
            for (int i = 0; i < nx; i++) fx[r][i] = c * fallingFactorial(box.lo(0) + i, order[0]);
            for (int j = 0; j < ny; j++) gy[r][j] = fallingFactorial(box.lo(1) + j, order[1]);
        }
        double lambda = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = box.from(j); i < box.to(j); i++) {
                double exit = 0;
                for (int r = 0; r < reactions; r++) exit += fx[r][i] * gy[r][j];
                lambda = Math.max(lambda, exit);
            }
        }
        if (!(lambda < Double.POSITIVE_INFINITY)) throw new SolverException("cme: propensities overflow on the lattice " + box);
        double scale = lambda > 0 ? 1 / lambda : 0;
        for (double[] f : fx) for (int i = 0; i < nx; i++) f[i] *= scale;
        double[] stay = new double[box.states()];
        for (int j = 0; j < ny; j++) {
            int base = box.start(j) - box.from(j);
            for (int i = box.from(j); i < box.to(j); i++) {
                double exit = 0;
                for (int r = 0; r < reactions; r++) exit += fx[r][i] * gy[r][j];
                stay[base + i] = Math.max(0, 1 - exit);
            }
        }
        return new MassActionGenerator2D(box, jx, jy, fx, gy, stay, lambda);
    }

    /** (n)_s = n(n−1)…(n−s+1), zero once a factor is ≤ 0 (as {@link Propensities} does). */
    private static double fallingFactorial(long n, int s) {
        double f = 1;
        for (int j = 0; j < s; j++) {
            double factor = n - j;
            if (factor <= 0) return 0;
            f *= factor;
        }
        return f;
    }

    @Override public int states() { return box.states(); }

    @Override public double lambda() { return lambda; }

    @Override public int blocks() { return ny; }

    @Override public int blockStart(int b) { return box.start(b); }

    @Override public Kernel newKernel() { return new RowKernel((int) box.width(0)); }

    /** One thread's scratch rows, indexed by column. */
    private final class RowKernel implements Kernel {
        private final double[] row, src, st;

        RowKernel(int nx) {
            row = new double[nx];
            src = new double[nx];
            st = new double[nx];
        }

        /**
         * Row by row, in scratch rows indexed by column: HotSpot's C2 (JDK 17) vectorizes a loop
         * only when its loads and stores share one index offset, so shifted source rows are first
         * copied (an intrinsic memcpy) to line up with the target row.
         */
        @Override public void step(int fromRow, int toRow, double[] v, double[] w, double[][] acc, double[] weight, int accs, double[] leak) {
            for (int j = fromRow; j < toRow; j++) {
                int a = box.from(j), b = box.to(j), len = b - a, base = box.start(j) - a;   // state (i, j) is at base + i
                leak[j] = 0;
                if (len == 0) continue;
                System.arraycopy(v, base + a, src, a, len);
                System.arraycopy(stay, base + a, st, a, len);
                for (int i = a; i < b; i++) row[i] = st[i] * src[i];
                for (int r = 0; r < reactions; r++) {   // inflow from (i − jx, j − jy) when that state is kept
                    int sj = j - jy[r];
                    if (sj < 0 || sj >= ny) continue;
                    double g = gy[r][sj];
                    if (g == 0) continue;
                    int d = jx[r];
                    int lo = Math.max(a, box.from(sj) + d), hi = Math.min(b, box.to(sj) + d);
                    if (lo >= hi) continue;
                    System.arraycopy(v, box.start(sj) - box.from(sj) - d + lo, src, lo, hi - lo);
                    double[] f = shifted[r];
                    for (int i = lo; i < hi; i++) row[i] += g * f[i] * src[i];
                }
                System.arraycopy(row, a, w, base + a, len);
                for (int q = 0; q < accs; q++) {
                    double[] s = acc[q];
                    double x = weight[q];
                    for (int i = base + a, e = base + b; i < e; i++) s[i] += x * w[i];
                }
                leak[j] = rowLeak(j, v);
            }
        }
    }

    /** Σ over the states of row j whose jump lands outside of a_r(n) v(n)/Λ: edge rows and row ends only. */
    private double rowLeak(int j, double[] v) {
        int a = box.from(j), b = box.to(j), base = box.start(j) - a;
        double leak = 0;
        for (int r = 0; r < reactions; r++) {
            double[] f = fx[r];
            double g = gy[r][j];
            if (g == 0) continue;
            int d = jx[r], tj = j + jy[r];
            double s = 0;
            if (tj < 0 || tj >= ny) {
                for (int i = a; i < b; i++) s += f[i] * v[base + i];
            } else {
                int keepFrom = box.from(tj) - d, keepTo = box.to(tj) - d;   // targets kept for i in [keepFrom, keepTo)
                for (int i = a, e = Math.min(b, keepFrom); i < e; i++) s += f[i] * v[base + i];
                for (int i = Math.max(a, keepTo); i < b; i++) s += f[i] * v[base + i];
            }
            leak += g * s;
        }
        return leak;
    }
}
