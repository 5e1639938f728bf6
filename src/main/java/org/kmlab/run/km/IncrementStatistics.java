package org.kmlab.run.km;

/**
 * From (weighted) sums of an increment's powers at one point to its moments and cumulants per unit
 * time, with standard errors. With weights w (1 for a bin, the kernel for Nadaraya–Watson), n
 * increments of mean span τ̄ = Σwτ/Σw:
 * <ul>
 *   <li>the moment rates M_k = Σ w Δ^k / Σ w τ, the conditional jump moments of the issue;</li>
 *   <li>the cumulant rates K_k = κ_k/τ̄, where κ_k are the cumulants of the increment
 *       (κ₁ = mean, κ₂ = variance, κ₃, …, from the raw moments m_p = ΣwΔ^p/Σw by
 *       κ_n = m_n − Σ_{k&lt;n} C(n−1, k−1) κ_k m_{n−k}).</li>
 * </ul>
 * Both tend to the Kramers–Moyal moments as τ → 0, but the cumulants converge faster: products of
 * lower moments (the drift's μ², μ⁴ …, of order τ²) are taken out, Gaussian increments have
 * κ_k = 0 for k ≥ 3 at any τ, and a jump process with constant rates has κ_k = τ·Σν^k a exactly.
 * So the Δt → 0 extrapolation ({@link DtExtrapolation}) and Pawula's test work on cumulants.
 *
 * <p>Standard errors: the sample means of Δ^i and Δ^j have covariance (m_{i+j} − m_i m_j)·S, with
 * S = Σw²n/(Σwn)² (1/n for a bin); M_k's error follows at once, K_k's by the delta method with the
 * exact gradient of κ_k in the raw moments. Powers up to 12 give both up to order 6.
 */
final class IncrementStatistics {
    static final int ORDERS = MomentEstimates.MAX_ORDER;

    private final double[] m = new double[2 * ORDERS + 1];
    private final double[] kappa = new double[ORDERS + 1];
    private final double[][] grad = new double[ORDERS + 1][ORDERS + 1];   // dκ_n/dm_j

    /** Results of the last {@link #compute}: index k = 1..6. */
    final double[] moment = new double[ORDERS + 1], momentSe = new double[ORDERS + 1];
    final double[] cumulant = new double[ORDERS + 1], cumulantSe = new double[ORDERS + 1];

    /**
     * @param wn     Σ w·n (the weighted count)
     * @param w2n    Σ w²·n
     * @param wtau   Σ w·τ (the weighted time spanned)
     * @param powers {@code powers[p]} = Σ w·Δ^p, p = 1..12
     */
    void compute(double wn, double w2n, double wtau, double[] powers) {
        m[0] = 1;
        for (int p = 1; p <= 2 * ORDERS; p++) m[p] = powers[p] / wn;
        double spread = w2n / (wn * wn);   // S: 1/n for equal weights
        double meanSpan = wtau / wn;
        cumulants();
        for (int k = 1; k <= ORDERS; k++) {
            moment[k] = powers[k] / wtau;
            momentSe[k] = Math.sqrt(Math.max(0, m[2 * k] - m[k] * m[k]) * spread) / meanSpan;
            cumulant[k] = kappa[k] / meanSpan;
            double var = 0;
            for (int i = 1; i <= k; i++) {
                if (grad[k][i] == 0) continue;
                for (int j = 1; j <= k; j++) var += grad[k][i] * grad[k][j] * (m[i + j] - m[i] * m[j]);
            }
            cumulantSe[k] = Math.sqrt(Math.max(0, var) * spread) / meanSpan;
        }
    }

    /** κ_n and dκ_n/dm_j from m_1..m_6 by the moment–cumulant recursion, differentiated alongside. */
    private void cumulants() {
        for (int n = 1; n <= ORDERS; n++) {
            double k = m[n];
            double[] g = grad[n];
            java.util.Arrays.fill(g, 0);
            g[n] = 1;
            for (int j = 1; j < n; j++) {
                double c = binomial(n - 1, j - 1);
                k -= c * kappa[j] * m[n - j];
                for (int q = 1; q <= ORDERS; q++) g[q] -= c * grad[j][q] * m[n - j];
                g[n - j] -= c * kappa[j];
            }
            kappa[n] = k;
        }
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
