package org.kmlab.solve.cle;

/**
 * A square root L (lower triangular, L Lᵀ = B) of the diffusion matrix B, by Cholesky
 * factorisation that tolerates the positive-semidefinite case: B = Σ_r ν_r ν_rᵀ a_r/Ω² is singular
 * whenever fewer reactions than species fire (e.g. A→B→∅ with no B: only ν = (−1, 1) moves), and
 * then a pivot is zero up to rounding. A pivot below 10⁻¹³ of its diagonal entry is taken as zero
 * and its column of L set to zero; for a PSD matrix the entries below such a pivot are zero too, so
 * L Lᵀ = B still holds to rounding. Negative diagonals (impossible for B, whose rates are clamped
 * at zero) are treated as zero. Allocation-free.
 */
final class DiffusionRoot {
    private static final double RELATIVE_PIVOT = 1e-13;

    private DiffusionRoot() {}

    static void cholesky(double[][] b, double[][] l, int d) {
        for (int j = 0; j < d; j++) {
            double s = b[j][j];
            for (int k = 0; k < j; k++) s -= l[j][k] * l[j][k];
            double pivot = s > RELATIVE_PIVOT * b[j][j] && s > 0 ? Math.sqrt(s) : 0;
            l[j][j] = pivot;
            for (int i = j + 1; i < d; i++) {
                if (pivot == 0) {
                    l[i][j] = 0;
                    continue;
                }
                double v = b[i][j];
                for (int k = 0; k < j; k++) v -= l[i][k] * l[j][k];
                l[i][j] = v / pivot;
            }
        }
    }
}
