package org.kmlab.solve.cme;

/**
 * The Radau IIA step map {@code R(hQ)p = −Σ_j r_j (z_j − hQ)^{-1} p} of {@link RadauStep} for a
 * tridiagonal Q (jumps of ±1: most 1-D models), with the three shifted systems (one real pole,
 * two complex) factored in one pass and solved in one forward and one backward sweep, so that the
 * three recurrences overlap instead of waiting on each other, and p and the result are each read
 * or written once. The factorization is that of {@link ShiftedBandLu} (no pivoting, pivots from
 * column sums as in the GTH algorithm); in a tridiagonal band elimination changes only the pivots.
 */
final class TridiagonalRadau {
    private int n;
    private double h = Double.NaN;
    private BandOperator op;
    private double[] sup = new double[0];                                    // M[k][k+1] = −h·Q[k][k+1], the same for every pole
    private double[] l0 = new double[0], d0 = new double[0];                  // real pole: multipliers, inverted pivots
    private double[] l1r = new double[0], l1i = new double[0], d1r = new double[0], d1i = new double[0];
    private double[] l2r = new double[0], l2i = new double[0], d2r = new double[0], d2i = new double[0];
    private double[] y0 = new double[0], y1r = new double[0], y1i = new double[0], y2r = new double[0], y2i = new double[0];

    static boolean applies(BandOperator q) {
        return q.kl <= 1 && q.ku <= 1;
    }

    boolean holds(BandOperator q, double step) {
        return op == q && h == step;
    }

    /** Factors {@code z_j·I − h·Q} for the three poles. */
    void factor(BandOperator q, double step, double z0, double z1r, double z1i, double z2r, double z2i) {
        n = q.n;
        if (sup.length < n) allocate(n);
        double[] band = q.band, leak = q.leak;
        int w = q.width, kl = q.kl, ku = q.ku;
        double s0 = z0 + step * leak[0], s1r = z1r + step * leak[0], s1i = z1i, s2r = z2r + step * leak[0], s2i = z2i;   // column sums C_k
        for (int k = 0; k < n; k++) {
            boolean more = k + 1 < n;
            double below = kl == 1 && more ? -step * band[(k + 1) * w] : 0;        // M[k+1][k]
            double right = ku == 1 && more ? -step * band[k * w + kl + 1] : 0;     // M[k][k+1]
            double add = more ? step * leak[k + 1] : 0;
            sup[k] = right;
            double i0 = 1 / (s0 - below);
            d0[k] = i0;
            double p1r = s1r - below, p1i = s1i, q1 = 1 / (p1r * p1r + p1i * p1i), i1r = p1r * q1, i1i = -p1i * q1;
            d1r[k] = i1r;
            d1i[k] = i1i;
            double p2r = s2r - below, p2i = s2i, q2 = 1 / (p2r * p2r + p2i * p2i), i2r = p2r * q2, i2i = -p2i * q2;
            d2r[k] = i2r;
            d2i[k] = i2i;
            if (!more) break;
            l0[k + 1] = below * i0;
            l1r[k + 1] = below * i1r;
            l1i[k + 1] = below * i1i;
            l2r[k + 1] = below * i2r;
            l2i[k + 1] = below * i2i;
            double c1r = s1r * i1r - s1i * i1i, c1i = s1r * i1i + s1i * i1r;   // C_k / M_kk
            double c2r = s2r * i2r - s2i * i2i, c2i = s2r * i2i + s2i * i2r;
            s0 = z0 + add - right * s0 * i0;
            s1r = z1r + add - right * c1r;
            s1i = z1i - right * c1i;
            s2r = z2r + add - right * c2r;
            s2i = z2i - right * c2i;
        }
        op = q;
        h = step;
    }

    private void allocate(int size) {
        sup = new double[size];
        l0 = new double[size];
        d0 = new double[size];
        l1r = new double[size];
        l1i = new double[size];
        d1r = new double[size];
        d1i = new double[size];
        l2r = new double[size];
        l2i = new double[size];
        d2r = new double[size];
        d2i = new double[size];
        y0 = new double[size];
        y1r = new double[size];
        y1i = new double[size];
        y2r = new double[size];
        y2i = new double[size];
    }

    /**
     * {@code out = −r₀ x₀ − 2 Re(r₁ x₁) − 2 Re(r₂ x₂)}, x_j = (z_j − hQ)^{-1} p; returns the
     * sink's increment {@code −h·Σ_j (r_j/z_j) leakᵀ x_j}. {@code r} holds r₀, Re r₁, Im r₁,
     * Re r₂, Im r₂ and {@code w} the same for r_j/z_j.
     */
    double apply(double[] p, double[] out, double[] leak, double[] r, double[] w) {
        double a0 = p[0], a1r = a0, a1i = 0, a2r = a0, a2i = 0;
        y0[0] = a0;
        y1r[0] = a1r;
        y1i[0] = 0;
        y2r[0] = a2r;
        y2i[0] = 0;
        for (int i = 1; i < n; i++) {
            double b = p[i];
            a0 = b - l0[i] * a0;
            double t1r = b - (l1r[i] * a1r - l1i[i] * a1i), t1i = -(l1r[i] * a1i + l1i[i] * a1r);
            double t2r = b - (l2r[i] * a2r - l2i[i] * a2i), t2i = -(l2r[i] * a2i + l2i[i] * a2r);
            a1r = t1r;
            a1i = t1i;
            a2r = t2r;
            a2i = t2i;
            y0[i] = a0;
            y1r[i] = a1r;
            y1i[i] = a1i;
            y2r[i] = a2r;
            y2i[i] = a2i;
        }
        double x0 = 0, x1r = 0, x1i = 0, x2r = 0, x2i = 0, s0 = 0, s1r = 0, s1i = 0, s2r = 0, s2i = 0;
        double r0 = r[0], r1r = 2 * r[1], r1i = 2 * r[2], r2r = 2 * r[3], r2i = 2 * r[4];
        for (int i = n - 1; i >= 0; i--) {
            double u = sup[i];
            x0 = (y0[i] - u * x0) * d0[i];
            double g1r = y1r[i] - u * x1r, g1i = y1i[i] - u * x1i;
            x1r = g1r * d1r[i] - g1i * d1i[i];
            x1i = g1r * d1i[i] + g1i * d1r[i];
            double g2r = y2r[i] - u * x2r, g2i = y2i[i] - u * x2i;
            x2r = g2r * d2r[i] - g2i * d2i[i];
            x2i = g2r * d2i[i] + g2i * d2r[i];
            out[i] = -r0 * x0 - (r1r * x1r - r1i * x1i) - (r2r * x2r - r2i * x2i);
            double l = leak[i];
            if (l != 0) {
                s0 += l * x0;
                s1r += l * x1r;
                s1i += l * x1i;
                s2r += l * x2r;
                s2i += l * x2i;
            }
        }
        return -h * (w[0] * s0 + 2 * (w[1] * s1r - w[2] * s1i) + 2 * (w[3] * s2r - w[4] * s2i));
    }
}
