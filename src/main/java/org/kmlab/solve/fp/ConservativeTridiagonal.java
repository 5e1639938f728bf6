package org.kmlab.solve.fp;

/**
 * Solves {@code (I − τG) x = y} for the generator G of a 1-D chain of cells: mass moves from cell
 * f to f+1 at rate {@code right[f]} and from f+1 to f at rate {@code left[f]} (both ≥ 0), and
 * leaves the chain from cell 0 at rate {@code sink} ≥ 0 (into an absorbing state kept by the
 * caller), so G's columns sum to zero (column 0 to −sink) and I − τG is an M-matrix whose columns
 * sum to one (column 0 to 1 + τ·sink). The pivots are formed
 * from running column sums instead of by subtraction (the Grassmann–Taksar–Heyman idea,
 * Grassmann, Taksar &amp; Heyman, Oper. Res. 33 (1985) 1107): every operation of the
 * factorisation and of the solve then adds non-negative terms, so a non-negative y gives a
 * non-negative x, and Σx = Σy holds to a few ulps of Σy even when τ‖G‖ is 10⁸ (a subtraction
 * {@code 1 + τ‖G‖ − …} would lose ε·τ‖G‖ of the mass at every solve).
 */
final class ConservativeTridiagonal {
    private final int capacity;
    private int n;
    private final double[] forward;       // τ·right[i−1]/p[i−1]
    private final double[] backward;      // τ·left[i]
    private final double[] inversePivot;

    ConservativeTridiagonal(int capacity) {
        this.capacity = capacity;
        forward = new double[capacity];
        backward = new double[capacity];
        inversePivot = new double[capacity];
    }

    /** Factors I − τG for the first {@code cells} cells; {@code right}, {@code left} have cells − 1 faces. */
    void factor(double tau, double[] right, double[] left, double sink, int cells) {
        if (cells > capacity) throw new IllegalArgumentException("cells " + cells + " > capacity " + capacity);
        n = cells;
        double columnSum = 1 + tau * sink, inverse = 1;   // column i of the matrix left to eliminate sums to columnSum
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                double flow = tau * inverse;
                columnSum = 1 + flow * left[i - 1] * columnSum;
                forward[i] = flow * right[i - 1];
            }
            double below = i < n - 1 ? tau * right[i] : 0;
            inverse = 1 / (columnSum + below);
            inversePivot[i] = inverse;
            backward[i] = i < n - 1 ? tau * left[i] : 0;
        }
    }

    /** Solves in place: {@code x} holds y on entry and the solution on exit. */
    void solve(double[] x) {
        for (int i = 1; i < n; i++) x[i] += forward[i] * x[i - 1];
        x[n - 1] *= inversePivot[n - 1];
        for (int i = n - 2; i >= 0; i--) x[i] = (x[i] + backward[i] * x[i + 1]) * inversePivot[i];
    }
}
