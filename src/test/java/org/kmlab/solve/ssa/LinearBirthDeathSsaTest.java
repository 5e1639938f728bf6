package org.kmlab.solve.ssa;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmlab.model.Model;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverResult;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The linear birth–death process X → 2X (rate λ per molecule), X → ∅ (μ) from n₀ molecules, with
 * DSMTS 00003's λ = 1, μ = 1.1, n₀ = 100: a heavy-tailed law whose exact distribution is known
 * (Kendall 1948). Each ancestor's family is 0 with probability α and otherwise geometric on
 * {1, 2, …} with ratio β, where with e = exp((λ−μ)t): α = μ(e−1)/(λe−μ), β = λ(e−1)/(λe−μ). So
 * with J surviving families, P(n) = Σ_j C(n₀, j)(1−α)^j α^(n₀−j) · C(n−1, j−1)(1−β)^j β^(n−j).
 * Chi-square at 0.1% (false-failure rate 10⁻³ per check; fixed seed).
 */
class LinearBirthDeathSsaTest {
    private static final int N = 10_000;
    private static final double LAMBDA = 1, MU = 1.1;
    private static final int N0 = 100;
    private static SolverResult result;

    @BeforeAll
    static void simulate() {
        Model m = SsaFixtures.massAction("X=" + N0, "X -> 2 X", LAMBDA, "X -> 0", MU);
        result = SsaFixtures.run(m, new double[] {0, 10, 50}, N, 4242, SsaFixtures.options(0, 0));
    }

    static double pmf(int n, double t) {
        double e = Math.exp((LAMBDA - MU) * t);
        double alpha = MU * (e - 1) / (LAMBDA * e - MU), beta = LAMBDA * (e - 1) / (LAMBDA * e - MU);
        if (n == 0) return Math.pow(alpha, N0);
        double p = 0;
        for (int j = 1; j <= Math.min(n, N0); j++) {
            p += Math.exp(CombinatoricsUtils.binomialCoefficientLog(N0, j) + j * Math.log1p(-alpha) + (N0 - j) * Math.log(alpha)
                    + CombinatoricsUtils.binomialCoefficientLog(n - 1, j - 1) + j * Math.log1p(-beta) + (n - j) * Math.log(beta));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 50})
    void histogramFollowsTheExactLaw(double t) {
        Snapshot s = result.snapshots().stream().filter(x -> x.time() == t).findFirst().orElseThrow();
        double total = 0;
        for (int n = 0; n < 1500; n++) total += pmf(n, t);
        assertEquals(1.0, total, 1e-9, "the reference law is normalised");
        LatticeChiSquare test = LatticeChiSquare.of(s.marginal(0), N, n -> pmf(n, t));
        assertTrue(test.degreesOfFreedom >= 8, test.toString());
        assertTrue(test.passes(0.001), "t = " + t + ": " + test);
        double mean = N0 * Math.exp((LAMBDA - MU) * t);
        assertEquals(mean, s.mean(0), 4 * Math.sqrt(s.covariance(0, 0) / N), "mean at t = " + t);
    }
}
