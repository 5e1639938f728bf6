package org.kmlab.solve.ssa;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmlab.model.Model;
import org.kmlab.model.ModelSources;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SolverResult;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SSA on SBML files of {@code src/test/resources/sbml}, read as a user's file is, against the
 * exact law of an immigration–death process: from n0 molecules with immigration at rate λ and
 * death at μ per molecule, n(t) is Poisson(λ/μ·(1 − e^{−μt})) plus Binomial(n0, e^{−μt}), so
 * mean = λ/μ + (n0 − λ/μ)e^{−μt} and variance = λ/μ(1 − e^{−μt}) + n0 e^{−μt}(1 − e^{−μt}).
 * {@code features-l3v1.xml}'s species A is such a process (λ = kf·S/cell = 4, μ = k_local/cell =
 * 1/4, n0 = 10) whatever B does; {@code immigration-death-l2v4.xml} has λ = 3, μ = 0.2, n0 = 10.
 *
 * <p>At 10 times each, |Z| &lt; 4 for the mean (false-failure rate 6·10⁻⁵ per point) and the
 * sample variance within 5 of its normal-theory standard deviations σ²√(2/N) (near-Poisson data).
 */
class SbmlSsaTest {
    private static final int N = 20_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"features-l3v1.xml, A, 4, 0.25, 10, 71", "immigration-death-l2v4.xml, X, 3, 0.2, 10, 72"})
    void immigrationDeathFromAnSbmlFileHasItsExactMoments(String file, String species, double lambda, double mu, double n0, long seed) {
        Model model = ModelSources.read(Path.of("src/test/resources/sbml", file)).model();
        int s = model.environment().slotOf(species);
        SolverResult r = SsaFixtures.run(model, Problem.uniformTimes(20, 11), N, seed, SsaFixtures.options(0, 0));
        for (int k = 1; k <= 10; k++) {
            double t = r.at(k).time(), e = Math.exp(-mu * t);
            double mean = lambda / mu + (n0 - lambda / mu) * e;
            double variance = lambda / mu * (1 - e) + n0 * e * (1 - e);
            double z = (r.at(k).mean(s) - mean) / Math.sqrt(variance / N);
            double y = (r.at(k).covariance(s, s) - variance) / (variance * Math.sqrt(2.0 / N));
            assertTrue(Math.abs(z) < 4, file + " mean at t = " + t + ": Z = " + z);
            assertTrue(Math.abs(y) < 5, file + " variance at t = " + t + ": Y = " + y);
        }
    }
}
