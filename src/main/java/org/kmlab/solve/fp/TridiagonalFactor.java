package org.kmlab.solve.fp;

/**
 * The Thomas LU factorisation of a tridiagonal matrix, computed once and reused by every solve of
 * a time-step loop (the coefficients do not depend on time). For an M-matrix (positive diagonal,
 * non-positive off-diagonals, diagonally dominant by columns) every operation adds non-negative
 * terms, so a non-negative right-hand side gives a non-negative solution, also in floating point.
 */
final class TridiagonalFactor {
    private final int n;
    private final double[] lower;
    private final double[] inversePivot;
    private final double[] upperRatio;

    TridiagonalFactor(int n) {
        this.n = n;
        lower = new double[n];
        inversePivot = new double[n];
        upperRatio = new double[n];
    }

    /** Factors the matrix with sub-diagonal {@code sub[i]} (row i, column i−1), diagonal and super-diagonal. */
    void factor(double[] sub, double[] diag, double[] sup) {
        double prevRatio = 0;
        for (int i = 0; i < n; i++) {
            double a = i > 0 ? sub[i] : 0.0;
            double pivot = diag[i] - a * prevRatio;
            lower[i] = a;
            inversePivot[i] = 1.0 / pivot;
            upperRatio[i] = i < n - 1 ? sup[i] * inversePivot[i] : 0.0;
            prevRatio = upperRatio[i];
        }
    }

    /** Solves in place: {@code x} holds the right-hand side on entry and the solution on exit. */
    void solve(double[] x) {
        double prev = 0;
        for (int i = 0; i < n; i++) {
            prev = (x[i] - lower[i] * prev) * inversePivot[i];
            x[i] = prev;
        }
        for (int i = n - 2; i >= 0; i--) x[i] -= upperRatio[i] * x[i + 1];
    }
}
