package org.kmlab.solve.kmexpansion;

/**
 * The semi-discrete operator L of the Kramers–Moyal expansion cut after order k (2 ≤ k ≤ 4),
 * {@code ∂P/∂t = Σ_{n=1..k} (−∂ₓ)ⁿ [D_n P]}, {@code D_n = M_n/n!}, in conservative form
 * {@code ∂P/∂t = −∂ₓJ} with
 * <pre>J = D₁P − ∂ₓ(D₂P) + ∂ₓ²(D₃P) − ∂ₓ³(D₄P)</pre>
 * on finite volumes: J at each face between two cells from the products u_n = D_n·P at the cell
 * centres, second order at the face:
 * <ul>
 *   <li>orders 1 and 2: {@code ½(u₁ᵢ + u₁ᵢ₊₁) − (u₂ᵢ₊₁ − u₂ᵢ)/dx}, plus the least extra diffusion
 *       {@code δ(Pᵢ − Pᵢ₊₁)} that keeps both face weights ≥ 0 (zero while the cell Péclet number
 *       |D₁|dx/D₂ ≤ 2), so that the order-2 operator has non-negative off-diagonals and keeps P ≥ 0
 *       (the same face rule as the Fokker–Planck solver's: solver packages share no code);</li>
 *   <li>order 3: {@code (u₃ᵢ₊₂ − u₃ᵢ₊₁ − u₃ᵢ + u₃ᵢ₋₁)/(2dx²)}, the mean of the second differences
 *       on both sides of the face;</li>
 *   <li>order 4: {@code −(u₄ᵢ₊₂ − 3u₄ᵢ₊₁ + 3u₄ᵢ − u₄ᵢ₋₁)/dx³}.</li>
 * </ul>
 * The walls carry no flux, so Σ P·dx is conserved to rounding; values beyond a wall count as zero
 * in the wider stencils (no probability lives there). L is a band matrix with two sub- and two
 * super-diagonals: {@code band[d][i] = L(i, i + d − 2)}.
 */
final class TruncatedOperator {
    static final int HALF = 2;

    private TruncatedOperator() {}

    /** The band of L for coefficients {@code d[n][i]} (n = 1..order) on cells of width dx. */
    static double[][] band(double[][] d, int order, double dx) {
        int cells = d[1].length;
        double[][] band = new double[2 * HALF + 1][cells];
        double[] face = new double[4];   // flux coefficients on P_{f−1}, P_f, P_{f+1}, P_{f+2}
        for (int f = 0; f < cells - 1; f++) {
            java.util.Arrays.fill(face, 0);
            double left = 0.5 * d[1][f] + d[2][f] / dx;
            double right = -0.5 * d[1][f + 1] + d[2][f + 1] / dx;
            double extra = Math.max(0, Math.max(-left, -right));
            face[1] += left + extra;
            face[2] -= right + extra;
            if (order >= 3) {
                double c = 1 / (2 * dx * dx);
                add(face, d[3], f, c, new double[] {1, -1, -1, 1});
            }
            if (order >= 4) {
                double c = 1 / (dx * dx * dx);
                add(face, d[4], f, c, new double[] {1, -3, 3, -1});
            }
            // J_f leaves cell f and enters cell f + 1
            for (int k = 0; k < 4; k++) {
                int m = f - 1 + k;
                if (m < 0 || m >= cells || face[k] == 0) continue;
                band[m - f + HALF][f] -= face[k] / dx;
                band[m - (f + 1) + HALF][f + 1] += face[k] / dx;
            }
        }
        return band;
    }

    /** face[k] += c·w[k]·d[f − 1 + k], the cells beyond a wall left out. */
    private static void add(double[] face, double[] dn, int f, double c, double[] w) {
        for (int k = 0; k < 4; k++) {
            int m = f - 1 + k;
            if (m >= 0 && m < dn.length) face[k] += c * w[k] * dn[m];
        }
    }

    /** out = L·v. */
    static void apply(double[][] band, double[] v, double[] out) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int from = Math.max(0, i - HALF), to = Math.min(n - 1, i + HALF);
            for (int j = from; j <= to; j++) s += band[j - i + HALF][i] * v[j];
            out[i] = s;
        }
    }
}
