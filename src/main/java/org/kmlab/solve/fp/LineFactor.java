package org.kmlab.solve.fp;

/**
 * Thomas LU factors of {@code I − τL} for every line of a {@link LineOperator} at once, computed
 * once per step (the operator's coefficients follow the moving grid). {@code I − τL} is an
 * M-matrix, so solves keep non-negative data non-negative.
 *
 * <p>Factoring and solving go lane by lane ({@link LineParts}: each lane owns whole lines), so the
 * lanes of a {@link Lanes} team can do them at once; a lane reads and writes only its own cells of
 * the factors and of the solution (the right-hand side's input may be read anywhere). A cell whose
 * line has no predecessor (successor) skips that term, which is zero there.
 */
final class LineFactor {
    private static final int ROW_BLOCK = 8;

    private final LineOperator op;
    private double[] lower = new double[0], inversePivot = lower, upperRatio = lower;
    private double tau = Double.NaN;

    LineFactor(LineOperator op) {
        this.op = op;
    }

    double tau() { return tau; }

    /** Forgets the factors (the operator changed); the next {@link #factor} recomputes them. */
    void invalidate() { tau = Double.NaN; }

    /** Sets τ and sizes the arrays; then every lane calls {@link #factor(LineParts, int)}. */
    void begin(double t) {
        tau = t;
        if (lower.length < op.cells) {
            int m = op.sub.length;
            lower = new double[m];
            inversePivot = new double[m];
            upperRatio = new double[m];
        }
    }

    /** The factors of lane {@code lane}'s lines (after {@link #begin}). */
    void factor(LineParts parts, int lane) {
        int nx = op.nx;
        int[] from = parts.from[lane], to = parts.to[lane];
        for (int j = 0; j < op.ny; j++) {
            int a0 = from[j], a1 = to[j], p0 = firstWithPredecessor(j, a0, a1), p1 = endWithPredecessor(j, p0, a1), row = j * nx;
            factorStarts(row + a0, row + p0);
            double t = tau;
            double[] sub = op.sub, diag = op.diag, sup = op.sup;
            for (int c = row + p0, end = row + p1, k = op.offset; c < end; c++) {
                double a = -t * sub[c];
                double pivot = 1 - t * diag[c] - a * upperRatio[c - k];
                lower[c] = a;
                inversePivot[c] = 1 / pivot;
                upperRatio[c] = -t * sup[c] / pivot;
            }
            factorStarts(row + p1, row + a1);
        }
    }

    /** Factors of cells [c0, c1) that start their lines (no predecessor: sub is 0 there). */
    private void factorStarts(int c0, int c1) {
        double t = tau;
        for (int c = c0; c < c1; c++) {
            double pivot = 1 - t * op.diag[c];
            lower[c] = -t * op.sub[c];
            inversePivot[c] = 1 / pivot;
            upperRatio[c] = -t * op.sup[c] / pivot;
        }
    }

    /** The first column ≥ a0 of row j whose cell has a predecessor on its line (a1 if none in [a0, a1)). */
    private int firstWithPredecessor(int j, int a0, int a1) {
        return j >= op.dj ? Math.min(a1, Math.max(a0, op.di)) : a1;
    }

    /** The end of the run of cells with a predecessor that starts at p0 (≤ a1). */
    private int endWithPredecessor(int j, int p0, int a1) {
        return j >= op.dj ? Math.max(p0, Math.min(a1, op.nx + op.di)) : p0;
    }

    /**
     * {@code x = (I − τL)⁻¹ (u + a·L·u)} on lane {@code lane}'s lines, the right-hand side formed
     * inside the forward sweep (one pass less than forming it first). u and x must be different arrays.
     */
    void solveApplied(double[] u, double a, double[] x, LineParts parts, int lane) {
        int nx = op.nx;
        if (op.alongRows) {
            int j0 = parts.rowFrom[lane], j1 = parts.rowTo[lane];
            op.addApplied(u, a, x, j0 * nx, j1 * nx);
            solveAlongRows(x, j0, j1);
            return;
        }
        int k = op.offset, n = op.cells;
        double[] sub = op.sub, diag = op.diag, sup = op.sup;
        int[] from = parts.from[lane], to = parts.to[lane];
        for (int j = 0; j < op.ny; j++) {
            int a0 = from[j], a1 = to[j], p0 = firstWithPredecessor(j, a0, a1), p1 = endWithPredecessor(j, p0, a1), row = j * nx;
            for (int c = row + a0; c < row + p0; c++) x[c] = op.applied(u, a, c) * inversePivot[c];
            // cells with a predecessor have c ≥ k; the last k cells have no successor
            int mid = Math.max(row + p0, Math.min(row + p1, n - k));
            for (int c = row + p0; c < mid; c++) {
                double rhs = u[c] + a * (sub[c] * u[c - k] + diag[c] * u[c] + sup[c] * u[c + k]);
                x[c] = (rhs - lower[c] * x[c - k]) * inversePivot[c];
            }
            for (int c = mid; c < row + p1; c++) {
                double rhs = u[c] + a * (sub[c] * u[c - k] + diag[c] * u[c]);
                x[c] = (rhs - lower[c] * x[c - k]) * inversePivot[c];
            }
            for (int c = row + p1; c < row + a1; c++) x[c] = op.applied(u, a, c) * inversePivot[c];
        }
        back(x, from, to);
    }

    /** Solves {@code (I − τL) x = b} in place on lane {@code lane}'s lines. */
    void solve(double[] x, LineParts parts, int lane) {
        if (op.alongRows) {
            solveAlongRows(x, parts.rowFrom[lane], parts.rowTo[lane]);
            return;
        }
        int nx = op.nx, k = op.offset;
        int[] from = parts.from[lane], to = parts.to[lane];
        for (int j = 0; j < op.ny; j++) {
            int a0 = from[j], a1 = to[j], p0 = firstWithPredecessor(j, a0, a1), p1 = endWithPredecessor(j, p0, a1);
            int row = j * nx;
            for (int c = row + a0; c < row + p0; c++) x[c] *= inversePivot[c];
            for (int c = row + p0; c < row + p1; c++) x[c] = (x[c] - lower[c] * x[c - k]) * inversePivot[c];
            for (int c = row + p1; c < row + a1; c++) x[c] *= inversePivot[c];
        }
        back(x, from, to);
    }

    /** The backward sweep across rows: each cell with a successor on its line, last rows first. */
    private void back(double[] x, int[] from, int[] to) {
        int nx = op.nx, k = op.offset, di = op.di;
        for (int j = op.ny - 1 - op.dj; j >= 0; j--) {
            int row = j * nx, s0 = Math.max(from[j], -di), s1 = Math.min(to[j], nx - di);
            for (int c = row + s1 - 1; c >= row + s0; c--) x[c] -= upperRatio[c] * x[c + k];
        }
    }

    /**
     * Lines are rows: sweep along i over a block of rows at once, so several independent
     * recurrences are in flight while each row is still read sequentially.
     */
    private void solveAlongRows(double[] x, int rowFrom, int rowTo) {
        int nx = op.nx;
        for (int j0 = rowFrom; j0 < rowTo; j0 += ROW_BLOCK) {
            int j1 = Math.min(rowTo, j0 + ROW_BLOCK);
            for (int j = j0; j < j1; j++) x[j * nx] *= inversePivot[j * nx];
            for (int i = 1; i < nx; i++) {
                for (int c = j0 * nx + i; c < j1 * nx; c += nx) x[c] = (x[c] - lower[c] * x[c - 1]) * inversePivot[c];
            }
            for (int i = nx - 2; i >= 0; i--) {
                for (int c = j0 * nx + i; c < j1 * nx; c += nx) x[c] -= upperRatio[c] * x[c + 1];
            }
        }
    }
}
