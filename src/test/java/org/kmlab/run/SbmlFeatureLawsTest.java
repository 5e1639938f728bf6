package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmlab.model.Model;
import org.kmlab.model.ModelSources;
import org.kmlab.model.Observable;
import org.kmlab.model.Propensities;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One small SBML file per import feature ({@code src/test/resources/sbml}), each written so that
 * its species X is an immigration–death process with λ = 3, μ = 0.2 and n0 = 10 only if the
 * feature is read right (nested function definitions; assignment rules on a species and a
 * parameter in Level 2; a constant, non-boundary species in a compartment of size 0.5; an amount
 * meant as a concentration in a compartment of size 4 with initial assignments and a local
 * parameter hiding a global one; plus the Level 2 file with a kinetic-law parameter). Each file is
 * read through {@link ModelSources}, the path a user's file takes, and checked twice: the
 * propensities are 3 and 0.2·n at every n (to rounding), and the master equation's mean and
 * variance follow the exact law n(t) = Poisson(λ/μ·(1 − e^{−μt})) + Binomial(n0, e^{−μt}):
 * mean λ/μ + (n0 − λ/μ)e^{−μt}, variance λ/μ(1 − e^{−μt}) + n0 e^{−μt}(1 − e^{−μt}).
 */
class SbmlFeatureLawsTest {
    private static final double LAMBDA = 3, MU = 0.2, N0 = 10;

    private static Model read(String file) { return ModelSources.read(Path.of("src/test/resources/sbml", file)).model(); }

    private static SolverResult masterEquation(Model m, double[] times) {
        return SolverRegistry.builtIn().byId("cme").solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
    }

    /**
     * A species set by an assignment rule that is a whole-number combination of counts (DSMTS
     * 00019's y = 2·X) is an observable: its law from the master equation has mean 2·E[X] and
     * variance 4·Var X. Rules that are not (z = X², w = X + 1) give none; T = X of the Level 2
     * file, a concentration in a compartment of size 2, is T = X in amounts.
     */
    @Test
    void aSpeciesSetByAWholeNumberCombinationOfCountsIsAnObservable() {
        Model m = read("rule-observable-l3v1.xml");
        assertEquals(List.of(new Observable("y", Map.of("X", 2))), m.observables());
        assertEquals(List.of(new Observable("T", Map.of("X", 1))), read("species-rule-l2v4.xml").observables());
        double[] times = {0, 2, 10};
        SolverResult r = masterEquation(m, times);
        for (int k = 1; k < times.length; k++) {
            double e = Math.exp(-MU * times[k]);
            double mean = LAMBDA / MU + (N0 - LAMBDA / MU) * e, variance = LAMBDA / MU * (1 - e) + N0 * e * (1 - e);
            Density1D y = r.at(k).observableMarginal(0);
            assertEquals(2 * mean, y.mean(), 1e-6 * mean, "E[y] at t = " + times[k]);
            assertEquals(4 * variance, y.variance(), 1e-5 * variance, "Var y at t = " + times[k]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nested-functions-l3v1.xml", "species-rule-l2v4.xml", "constant-species-l3v1.xml",
            "amount-in-volume-l3v2.xml", "immigration-death-l2v4.xml", "rule-observable-l3v1.xml"})
    void eachFeatureFileIsTheImmigrationDeathProcessItDescribes(String file) {
        Model m = read(file);
        assertEquals(1, m.speciesCount(), file + ": only X changes");
        assertEquals(N0, m.species().get(0).initial(), file + ": initial molecules");
        assertEquals(1.0, m.size(), file + ": Ω = 1, x is the count");

        Propensities a = m.propensities();
        double[] env = a.newEnvironment();
        for (int n = 0; n <= 60; n++) {
            env[0] = n;
            for (int r = 0; r < a.size(); r++) {
                double expected = a.jump(r, 0) == 1 ? LAMBDA : MU * n;
                assertEquals(expected, a.propensity(r, env), 1e-13 * Math.max(1, expected), file + " reaction " + r + " at n = " + n);
            }
        }

        double[] times = Problem.uniformTimes(10, 6);
        SolverResult result = masterEquation(m, times);
        for (int k = 0; k < times.length; k++) {
            double t = result.at(k).time(), e = Math.exp(-MU * t);
            double mean = LAMBDA / MU + (N0 - LAMBDA / MU) * e;
            double variance = LAMBDA / MU * (1 - e) + N0 * e * (1 - e);
            assertEquals(mean, result.at(k).mean(0), 1e-7 * mean, file + ": mean at t = " + t);
            assertEquals(variance, result.at(k).covariance(0, 0), 1e-6 * Math.max(1, variance), file + ": variance at t = " + t);
        }
    }
}
