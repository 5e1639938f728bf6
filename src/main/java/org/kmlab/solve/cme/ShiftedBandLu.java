package org.kmlab.solve.cme;

import org.kmlab.solve.CancellationToken;

/**
 * The LU factors of {@code M = z·I − h·Q} for a generator Q in band form ({@link BandOperator}),
 * a step h > 0 and a shift z with Re z > 0 (complex when {@code Im z ≠ 0}, real arithmetic
 * otherwise), and solves with them. No pivoting is needed: M is strictly diagonally dominant by
 * columns, since {@code |z + h·exit(j)| > h·exit(j) ≥ Σ_i≠j h·Q[i][j]}, and Gaussian elimination
 * keeps that dominance (growth factor ≤ 2), so the factors stay in the band and are stable.
 * When h·exit ≫ |z| the usual pivot update subtracts nearly equal numbers and loses about
 * ε·h·exit/|z| of relative accuracy (10⁻¹⁰ for a long step), which shows as a drift of the mass.
 * So, as in the GTH algorithm for Markov chains (Grassmann, Taksar & Heyman 1985), each pivot is
 * computed instead from the column sums of the remaining matrix, which elimination updates
 * without cancellation: {@code M_kk = C_k − Σ_{i>k} M_ik}, {@code C_j ← C_j − M_kj·C_k/M_kk},
 * starting from {@code C_j = z + h·leak(j)}.
 * Factoring costs about n·kl·ku multiply-adds (complex: four times that), a solve about
 * n·(kl + ku). Reuses its arrays: {@link #factor} may be called again for another h, z or window.
 */
final class ShiftedBandLu {
    private static final int CANCEL_ROWS = 1 << 12;

    private int n, kl, ku, width;
    private boolean complex;
    private double[] re = new double[0], im = new double[0];   // L (unit, below) and U (on and above) in band layout
    private double[] yr = new double[0], yi = new double[0];
    private double[] cr = new double[0], ci = new double[0];    // column sums C of the remaining matrix

    /** Factors z·I − h·Q, z = zr + i·zi. Polls {@code cancel} every few thousand rows (a 2-D band takes a while). */
    void factor(BandOperator q, double h, double zr, double zi, CancellationToken cancel) {
        n = q.n;
        kl = q.kl;
        ku = q.ku;
        width = q.width;
        complex = zi != 0;
        int size = n * width;
        if (re.length < size) re = new double[size];
        if (complex && im.length < size) im = new double[size];
        if (yr.length < n) {
            yr = new double[n];
            yi = new double[n];
            cr = new double[n];
            ci = new double[n];
        }
        for (int j = 0; j < n; j++) {
            cr[j] = zr + h * q.leak[j];
            ci[j] = zi;
        }
        double[] band = q.band;
        for (int e = 0; e < size; e++) re[e] = -h * band[e];
        for (int i = 0; i < n; i++) re[i * width + kl] += zr;
        if (complex) {
            java.util.Arrays.fill(im, 0, size, 0);
            for (int i = 0; i < n; i++) im[i * width + kl] = zi;
            factorComplex(cancel);
        } else {
            factorReal(cancel);
        }
    }

    boolean isComplex() { return complex; }

    private void factorReal(CancellationToken cancel) {
        for (int k = 0; k < n; k++) {
            if (k % CANCEL_ROWS == 0) cancel.check();
            int dk = k * width + kl;                 // (k, k)
            int last = Math.min(n - 1, k + kl), end = Math.min(n - 1, k + ku) - k;
            double pivot = cr[k];
            for (int i = k + 1; i <= last; i++) pivot -= re[i * width + k - i + kl];
            double inv = 1 / pivot;
            re[dk] = inv;                            // U's diagonal kept inverted
            double ck = cr[k] * inv;
            for (int d = 1; d <= end; d++) cr[k + d] -= re[dk + d] * ck;
            for (int i = k + 1; i <= last; i++) {
                int ik = i * width + k - i + kl;
                double l = re[ik] * inv;
                re[ik] = l;
                if (l == 0) continue;
                int row = ik - k;                    // (i, j) at row + j
                for (int d = 1; d <= end; d++) re[row + k + d] -= l * re[dk + d];
            }
        }
    }

    private void factorComplex(CancellationToken cancel) {
        for (int k = 0; k < n; k++) {
            if (k % CANCEL_ROWS == 0) cancel.check();
            int dk = k * width + kl;
            int last = Math.min(n - 1, k + kl), end = Math.min(n - 1, k + ku) - k;
            double pr = cr[k], pi = ci[k];
            for (int i = k + 1; i <= last; i++) {
                int ik = i * width + k - i + kl;
                pr -= re[ik];
                pi -= im[ik];
            }
            double den = pr * pr + pi * pi;
            double ir = pr / den, ii = -pi / den;
            re[dk] = ir;
            im[dk] = ii;
            double ckr = cr[k] * ir - ci[k] * ii, cki = cr[k] * ii + ci[k] * ir;   // C_k / M_kk
            for (int d = 1; d <= end; d++) {
                double ur = re[dk + d], ui = im[dk + d];
                cr[k + d] -= ur * ckr - ui * cki;
                ci[k + d] -= ur * cki + ui * ckr;
            }
            for (int i = k + 1; i <= last; i++) {
                int ik = i * width + k - i + kl;
                double ar = re[ik], ai = im[ik];
                double lr = ar * ir - ai * ii, li = ar * ii + ai * ir;
                re[ik] = lr;
                im[ik] = li;
                if (lr == 0 && li == 0) continue;
                int row = ik - k;
                for (int d = 1; d <= end; d++) {
                    double ur = re[dk + d], ui = im[dk + d];
                    re[row + k + d] -= lr * ur - li * ui;
                    im[row + k + d] -= lr * ui + li * ur;
                }
            }
        }
    }

    /**
     * Solves {@code M x = b} for a real b: x in {@code xr} (and {@code xi}, which a real shift
     * leaves untouched). Allocates nothing.
     */
    void solve(double[] b, double[] xr, double[] xi) {
        if (complex) solveComplex(b, xr, xi);
        else solveReal(b, xr);
    }

    private void solveReal(double[] b, double[] x) {
        double[] y = yr;
        for (int i = 0; i < n; i++) {               // L y = b, L unit lower
            int from = Math.max(0, i - kl), base = i * width - i + kl;
            double s = b[i];
            for (int j = from; j < i; j++) s -= re[base + j] * y[j];
            y[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {          // U x = y
            int to = Math.min(n - 1, i + ku), base = i * width - i + kl;
            double s = y[i];
            for (int j = i + 1; j <= to; j++) s -= re[base + j] * x[j];
            x[i] = s * re[base + i];
        }
    }

    private void solveComplex(double[] b, double[] xr, double[] xi) {
        double[] pr = yr, pi = yi;
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - kl), base = i * width - i + kl;
            double sr = b[i], si = 0;
            for (int j = from; j < i; j++) {
                double lr = re[base + j], li = im[base + j];
                sr -= lr * pr[j] - li * pi[j];
                si -= lr * pi[j] + li * pr[j];
            }
            pr[i] = sr;
            pi[i] = si;
        }
        for (int i = n - 1; i >= 0; i--) {
            int to = Math.min(n - 1, i + ku), base = i * width - i + kl;
            double sr = pr[i], si = pi[i];
            for (int j = i + 1; j <= to; j++) {
                double ur = re[base + j], ui = im[base + j];
                sr -= ur * xr[j] - ui * xi[j];
                si -= ur * xi[j] + ui * xr[j];
            }
            double dr = re[base + i], di = im[base + i];
            xr[i] = sr * dr - si * di;
            xi[i] = sr * di + si * dr;
        }
    }
}
