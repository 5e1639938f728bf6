package org.kmlab.solve.fp;

/**
 * Thomas LU factors of {@code I − τL} for every line of a {@link LineOperator}, part by part
 * ({@link LineSplit}: each part's lines on their own thread), computed once per step (the operator's coefficients follow the moving grid). {@code I − τL} is an
 * M-matrix, so solves keep non-negative data non-negative.
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

    /** Sets τ for the factors that {@link #factor(LineSplit, int)} then computes part by part. */
    void begin(double t) {
        tau = t;
        if (lower.length < op.cells) {
            int m = op.sub.length;
            lower = new double[m];
            inversePivot = new double[m];
            upperRatio = new double[m];
        }
    }

    /** The factors of {@code I − τL} on the part's lines ({@link #begin} first). */
    void factor(LineSplit split, int part) {
        if (op.alongRows) {
            int j0 = firstRow(split, part), j1 = lastRow(split, part) + 1;
            if (j0 < j1) factorAlongRows(j0, j1);
            return;
        }
        int k = op.offset, nx = op.nx;
        for (int j = 0; j < op.ny; j++) {
            for (int c = j * nx + split.from(part, j), end = j * nx + split.to(part, j); c < end; c++) factorCell(c, c >= k);   // predecessors come first
        }
    }

    /**
     * Lines are rows: each cell's pivot waits for its left neighbour's (two divisions), so a block
     * of rows is factored column by column, keeping several independent recurrences in flight.
     */
    private void factorAlongRows(int rowFrom, int rowTo) {
        int nx = op.nx;
        for (int j0 = rowFrom; j0 < rowTo; j0 += ROW_BLOCK) {
            int j1 = Math.min(rowTo, j0 + ROW_BLOCK);
            for (int i = 0; i < nx; i++) {
                for (int c = j0 * nx + i; c < j1 * nx; c += nx) factorCell(c, c >= 1);
            }
        }
    }

    private void factorCell(int c, boolean hasSlot) {
        double t = tau;
        double a = -t * op.sub[c];              // 0 at a line's start
        double pivot = 1 - t * op.diag[c] - (hasSlot ? a * upperRatio[c - op.offset] : 0);
        lower[c] = a;
        inversePivot[c] = 1 / pivot;
        upperRatio[c] = -t * op.sup[c] / pivot;
    }

    /**
     * {@code x = (I − τL)⁻¹ (u + a·L·u)} on the part's lines, the right-hand side formed inside
     * the forward sweep (one pass less than forming it first). u and x must be different arrays.
     */
    void solveApplied(double[] u, double a, double[] x, LineSplit split, int part) {
        if (op.alongRows) {
            int j0 = firstRow(split, part), j1 = lastRow(split, part) + 1;
            if (j0 >= j1) return;
            op.addApplied(u, a, x, j0 * op.nx, j1 * op.nx);
            solveAlongRows(x, j0, j1);
            return;
        }
        double[] sub = op.sub, diag = op.diag, sup = op.sup;
        int k = op.offset, n = op.cells, nx = op.nx, tail = Math.max(k, n - k);
        for (int j = 0; j < op.ny; j++) {
            int from = j * nx + split.from(part, j), to = j * nx + split.to(part, j);
            for (int c = from, e = Math.min(to, k); c < e; c++) x[c] = (u[c] + a * (diag[c] * u[c] + sup[c] * u[c + k])) * inversePivot[c];
            for (int c = Math.max(from, k), e = Math.min(to, n - k); c < e; c++) {
                double rhs = u[c] + a * (sub[c] * u[c - k] + diag[c] * u[c] + sup[c] * u[c + k]);
                x[c] = (rhs - lower[c] * x[c - k]) * inversePivot[c];
            }
            for (int c = Math.max(from, tail); c < to; c++) {
                double rhs = u[c] + a * (sub[c] * u[c - k] + diag[c] * u[c]);
                x[c] = (rhs - lower[c] * x[c - k]) * inversePivot[c];
            }
        }
        backSubstitute(x, split, part);
    }

    /** Solves {@code (I − τL) x = b} in place on the part's lines. */
    void solve(double[] x, LineSplit split, int part) {
        if (op.alongRows) {
            int j0 = firstRow(split, part), j1 = lastRow(split, part) + 1;
            if (j0 < j1) solveAlongRows(x, j0, j1);
            return;
        }
        int k = op.offset, nx = op.nx;
        for (int j = 0; j < op.ny; j++) {
            int from = j * nx + split.from(part, j), to = j * nx + split.to(part, j);
            for (int c = from, e = Math.min(to, k); c < e; c++) x[c] *= inversePivot[c];
            for (int c = Math.max(from, k); c < to; c++) x[c] = (x[c] - lower[c] * x[c - k]) * inversePivot[c];
        }
        backSubstitute(x, split, part);
    }

    /** The backward sweep of a solve across rows: successors (later rows) first. */
    private void backSubstitute(double[] x, LineSplit split, int part) {
        int k = op.offset, nx = op.nx, last = op.cells - k - 1;
        for (int j = op.ny - 1; j >= 0; j--) {
            int from = j * nx + split.from(part, j), to = Math.min(j * nx + split.to(part, j) - 1, last);
            for (int c = to; c >= from; c--) x[c] -= upperRatio[c] * x[c + k];
        }
    }

    private static int firstRow(LineSplit split, int part) {
        for (int j = 0; j < split.ny(); j++) if (split.to(part, j) > split.from(part, j)) return j;
        return split.ny();
    }

    private static int lastRow(LineSplit split, int part) {
        for (int j = split.ny() - 1; j >= 0; j--) if (split.to(part, j) > split.from(part, j)) return j;
        return -1;
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
