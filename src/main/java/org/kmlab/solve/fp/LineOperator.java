package org.kmlab.solve.fp;

/**
 * One direction of the split 2-D Fokker–Planck operator on a grid of nx × ny cells (index
 * c = j·nx + i): every line of cells along a primitive step (di, dj) — x (1, 0), y (0, 1),
 * diagonal (1, 1), anti-diagonal (−1, 1), a knight's move (−2, 1)… — is a 1-D conservative
 * finite-volume problem with a tridiagonal generator. The neighbours on a line are
 * c ∓ {@link #offset}; at a line's ends the coefficient is zero (the index may then point at an
 * unrelated cell, whose value is multiplied by zero), so the hot loops run over plain index
 * ranges. For dj ≥ 1 a neighbour lies in an earlier or later row, so a sweep runs row by row with
 * independent cells inside a row; x-lines (dj = 0) are swept along i over blocks of rows.
 * {@link #reshape} reuses the arrays for another box size (they only grow).
 */
final class LineOperator {
    int nx, ny, cells, offset;
    boolean alongRows;
    double[] sub = new double[0], diag = sub, sup = sub;    // (L u)[c] = sub·u[c − offset] + diag·u[c] + sup·u[c + offset]
    private final int di, dj;

    LineOperator(int nx, int ny, int di, int dj) {
        this.di = di;
        this.dj = dj;
        reshape(nx, ny);
    }

    /** Makes this the zero operator on an nx × ny grid. */
    void reshape(int nx, int ny) {
        this.nx = nx;
        this.ny = ny;
        cells = nx * ny;
        offset = dj * nx + di;
        alongRows = dj == 0;
        if (sub.length < cells) {
            int m = Math.max(cells, sub.length + sub.length / 2);
            sub = new double[m];
            diag = new double[m];
            sup = new double[m];
        } else {
            clear();
        }
    }

    /** Sets every coefficient to zero (same grid). */
    void clear() {
        java.util.Arrays.fill(sub, 0, cells, 0);
        java.util.Arrays.fill(diag, 0, cells, 0);
        java.util.Arrays.fill(sup, 0, cells, 0);
    }

    /** True when cell c has a successor on its line (inside the grid). */
    boolean hasSuccessor(int c) {
        int i = c % nx + di, j = c / nx + dj;
        return i >= 0 && i < nx && j < ny;
    }

    int successor(int c) { return c + offset; }

    /** Adds the face flux {@code J = left·P_c − right·P_succ} (per unit line length h) from c to its successor. */
    void addFace(int c, double left, double right, double h) {
        int s = c + offset;
        diag[c] -= left / h;
        sup[c] += right / h;
        sub[s] += left / h;
        diag[s] -= right / h;
    }

    boolean isZero() {
        for (int c = 0; c < cells; c++) if (diag[c] != 0) return false;
        return true;
    }

    /** max |L_cc|, the fastest rate out of a cell. */
    double maxRate() {
        double m = 0;
        for (int c = 0; c < cells; c++) m = -diag[c] > m ? -diag[c] : m;   // not Math.max: its NaN/−0 care makes a slow chain
        return m;
    }

    /** out = u + a·L·u. */
    void addApplied(double[] u, double a, double[] out) {
        int k = offset;
        for (int c = 0; c < k; c++) out[c] = u[c] + a * (diag[c] * u[c] + sup[c] * u[c + k]);
        for (int c = k; c < cells - k; c++) out[c] = u[c] + a * (sub[c] * u[c - k] + diag[c] * u[c] + sup[c] * u[c + k]);
        for (int c = Math.max(k, cells - k); c < cells; c++) out[c] = u[c] + a * (sub[c] * u[c - k] + diag[c] * u[c]);
    }
}
