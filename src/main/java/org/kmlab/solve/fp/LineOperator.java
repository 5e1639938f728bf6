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

    /** Takes the shape of an nx × ny grid (the coefficients are then rewritten by the caller). */
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
        }
    }

    /** out = u + a·L·u on the cells [from, to). */
    void addApplied(double[] u, double a, double[] out, int from, int to) {
        int k = offset;
        for (int c = from, e = Math.min(to, k); c < e; c++) out[c] = u[c] + a * (diag[c] * u[c] + sup[c] * u[c + k]);
        for (int c = Math.max(from, k), e = Math.min(to, cells - k); c < e; c++) out[c] = u[c] + a * (sub[c] * u[c - k] + diag[c] * u[c] + sup[c] * u[c + k]);
        for (int c = Math.max(from, Math.max(k, cells - k)); c < to; c++) out[c] = u[c] + a * (sub[c] * u[c - k] + diag[c] * u[c]);
    }
}
