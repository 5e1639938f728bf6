package org.kmlab.solve.fp;

/**
 * The Thomas LU factorisation of a tridiagonal matrix, computed once and reused by every solve of
 * a time-step loop (the coefficients do not depend on time). For an M-matrix (positive diagonal,
 * non-positive off-diagonals, diagonally dominant by columns) every operation adds non-negative
 * terms, so a non-negative right-hand side gives a non-negative solution, also in floating point.
 */
final class TridiagonalFactor {
    private final int n;
    private final double[] scaledLower;     // sub-diagonal / pivot, so the recurrence is one multiply-add
    private final double[] inversePivot;
    private final double[] upperRatio;

    TridiagonalFactor(int n) {
        this.n = n;
        scaledLower = new double[n];
        inversePivot = new double[n];
        upperRatio = new double[n];
    }

    /** Factors the matrix with sub-diagonal {@code sub[i]} (row i, column i−1), diagonal and super-diagonal. */
    void factor(double[] sub, double[] diag, double[] sup) {
        double prevRatio = 0;
        for (int i = 0; i < n; i++) {
            double a = i > 0 ? sub[i] : 0.0;
            double pivot = diag[i] - a * prevRatio;
            inversePivot[i] = 1.0 / pivot;
            scaledLower[i] = a * inversePivot[i];
            upperRatio[i] = i < n - 1 ? sup[i] * inversePivot[i] : 0.0;
            prevRatio = upperRatio[i];
        }
    }

    /**
     * {@code x = M⁻¹ (u + a·L·u)} for the tridiagonal L given by (sub, diag, sup), the right-hand
     * side formed inside the forward sweep. u and x must be different arrays.
     */
    void solveApplied(double[] sub, double[] diag, double[] sup, double[] u, double a, double[] x) {
        double prev = (u[0] + a * (diag[0] * u[0] + sup[0] * u[1])) * inversePivot[0];
        x[0] = prev;
        for (int i = 1; i < n - 1; i++) {
            double rhs = u[i] + a * (sub[i] * u[i - 1] + diag[i] * u[i] + sup[i] * u[i + 1]);
            prev = rhs * inversePivot[i] - scaledLower[i] * prev;
            x[i] = prev;
        }
        double rhs = u[n - 1] + a * (sub[n - 1] * u[n - 2] + diag[n - 1] * u[n - 1]);
        x[n - 1] = rhs * inversePivot[n - 1] - scaledLower[n - 1] * prev;
        for (int i = n - 2; i >= 0; i--) x[i] -= upperRatio[i] * x[i + 1];
    }

    /** Solves in place: {@code x} holds the right-hand side on entry and the solution on exit. */
    void solve(double[] x) {
        double prev = 0;
        for (int i = 0; i < n; i++) {
            prev = x[i] * inversePivot[i] - scaledLower[i] * prev;
            x[i] = prev;
        }
        for (int i = n - 2; i >= 0; i--) x[i] -= upperRatio[i] * x[i + 1];
    }
}
