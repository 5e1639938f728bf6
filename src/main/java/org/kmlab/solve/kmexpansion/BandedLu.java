package org.kmlab.solve.kmexpansion;

/**
 * LU factors of a band matrix with {@code kl} sub- and {@code ku} super-diagonals, with partial
 * pivoting inside the band (the scheme of LAPACK's {@code dgbtrf}/{@code dgbtrs}: row swaps widen
 * U to {@code kl + ku} super-diagonals; a multiplier stays in the row where it was made, and the
 * solve applies each swap just before its elimination step). Pivoting is needed here: once the
 * third- and fourth-order terms enter, {@code I − τL} is no longer diagonally dominant.
 * Entry (i, j) lives at {@code a[i][j − i + kl]}.
 */
final class BandedLu {
    private final int n, kl, ku, width;
    private final double[][] a;
    private final int[] pivot;

    /**
     * Factors the matrix given by {@code band[d][i]} = entry (i, i + d − kl), d = 0..kl+ku
     * (entries outside the matrix are ignored).
     *
     * @throws ArithmeticException the matrix is singular to working precision
     */
    BandedLu(double[][] band, int kl, int ku) {
        this.n = band[0].length;
        this.kl = kl;
        this.ku = ku;
        this.width = 2 * kl + ku + 1;
        this.a = new double[n][width];
        this.pivot = new int[n];
        for (int d = 0; d <= kl + ku; d++) {
            for (int i = 0; i < n; i++) {
                int j = i + d - kl;
                if (j >= 0 && j < n) a[i][d] = band[d][i];
            }
        }
        factor();
    }

    private double get(int i, int j) { return a[i][j - i + kl]; }

    private void set(int i, int j, double v) { a[i][j - i + kl] = v; }

    private void factor() {
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl);
            int p = k;
            for (int i = k + 1; i <= last; i++) if (Math.abs(get(i, k)) > Math.abs(get(p, k))) p = i;
            pivot[k] = p;
            double top = get(p, k);
            if (top == 0 || !Double.isFinite(top)) throw new ArithmeticException("singular band matrix at row " + k);
            int right = Math.min(n - 1, k + kl + ku);
            if (p != k) {
                for (int j = k; j <= right; j++) {
                    double t = get(k, j);
                    set(k, j, get(p, j));
                    set(p, j, t);
                }
            }
            for (int i = k + 1; i <= last; i++) {
                double l = get(i, k) / top;
                set(i, k, l);
                if (l == 0) continue;
                for (int j = k + 1; j <= right; j++) set(i, j, get(i, j) - l * get(k, j));
            }
        }
    }

    /** Solves A·x = b in place ({@code b} becomes x). */
    void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) { double t = b[k]; b[k] = b[p]; b[p] = t; }
            double bk = b[k];
            if (bk == 0) continue;
            int last = Math.min(n - 1, k + kl);
            for (int i = k + 1; i <= last; i++) b[i] -= get(i, k) * bk;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            int right = Math.min(n - 1, i + kl + ku);
            for (int j = i + 1; j <= right; j++) s -= get(i, j) * b[j];
            b[i] = s / get(i, i);
        }
    }
}
