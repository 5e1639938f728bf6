package org.kmlab.solve.ssa;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverResult;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Birth–death (∅ → X at k1·Ω, X → ∅ at k2·n) from n = 0 is exactly Poisson with mean
 * λ(t) = Ω·k1/k2·(1 − e^{−k2·t}) at every t. Each check has a false-failure rate of 0.1% (chi-square)
 * or about 6·10⁻⁵ (4 standard errors) for a correct simulator; the seed is fixed.
 */
class BirthDeathSsaTest {
    private static final int N = 10_000;
    private static final double[] TIMES = {0, 1, 2, 10};
    private static SolverResult result;

    @BeforeAll
    static void simulate() {
        result = SsaFixtures.run(SsaFixtures.preset("birth-death"), TIMES, N, 20240601L, SsaFixtures.options(0, 100));
    }

    private static double lambda(double t) { return 10 * (1 - Math.exp(-t)); }

    private static Snapshot at(double t) {
        for (Snapshot s : result.snapshots()) if (s.time() == t) return s;
        throw new AssertionError("no snapshot at t = " + t);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 2, 10})
    void histogramIsPoisson(double t) {
        Density1D h = at(t).marginal(0);
        assertEquals(1.0, h.dx());
        assertEquals(1.0, h.mass(), 1e-12);
        PoissonDistribution exact = new PoissonDistribution(null, lambda(t), PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        LatticeChiSquare test = LatticeChiSquare.of(h, N, exact::probability);
        assertTrue(test.degreesOfFreedom >= 8, "enough cells to test the shape: " + test);
        assertTrue(test.passes(0.001), "t = " + t + ": " + test);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 2, 10})
    void meanAndVarianceWithinFourStandardErrors(double t) {
        Snapshot s = at(t);
        double lambda = lambda(t);
        double seMean = Math.sqrt(lambda / N);
        // Poisson: central fourth moment μ4 = λ + 3λ², so Var(S²) ≈ (μ4 − σ⁴)/N = (λ + 2λ²)/N.
        double seVariance = Math.sqrt((lambda + 2 * lambda * lambda) / N);
        assertEquals(lambda, s.mean(0), 4 * seMean, "mean at t = " + t);
        assertEquals(lambda, s.covariance(0, 0), 4 * seVariance, "variance at t = " + t);
        assertEquals(s.mean(0), s.marginal(0).mean(), 1e-9, "the histogram carries the same mean");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0})
    void firstSnapshotIsTheInitialState(double t) {
        Snapshot s = at(t);
        assertEquals(0, s.mean(0));
        assertEquals(0, s.covariance(0, 0));
        assertEquals(1, s.marginal(0).size());
        assertEquals(1.0, s.marginal(0).mass());
        assertEquals(100, s.sampleCount());
        assertEquals(1.0, s.mass());
        assertEquals(0, result.at(0).time());
    }
}
