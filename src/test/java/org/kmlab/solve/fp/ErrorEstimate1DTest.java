package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The solver's own error estimate (Snapshot.error: Σ|coarse − check| over the coarse cells)
 * against the true error of the reported density, the L1 distance of its cell masses to those
 * of the Fokker–Planck equation's exact solution from the same one-lattice-cell bump, wherever
 * that solution is known in closed form: the Ornstein–Uhlenbeck Gaussian, the birth–death
 * equation's stationary law (a shifted Gamma law cut at the wall) and its transition law
 * (non-central χ²), and pure decay, whose wall x = 0 absorbs (an atom at 0). Default settings
 * throughout.
 */
class ErrorEstimate1DTest {
    private static SolverResult solve(Model m, double... times) {
        return new FokkerPlanckSolver().solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
    }

    private static void check(String what, Snapshot s, DoubleUnaryOperator exactCdf, double bound, StringBuilder log) {
        double truth = FpTestModels.l1ToCdf(s.marginal(0), exactCdf);
        log.append(String.format("%s t=%g: true %.2e, estimate %.2e%n", what, s.time(), truth, s.error()));
        assertTrue(truth <= s.error(), what + " at t = " + s.time() + ": true error " + truth + " above the estimate " + s.error());
        assertTrue(truth < bound, what + " at t = " + s.time() + ": true error " + truth + " ≥ " + bound);
    }

    /** The walk at Ω = 10⁶, where B = D + hθ|x| is D to 4·10⁻⁶: the exact OU Gaussian is the equation's own solution. */
    @Test
    void boundsTheErrorOfTheOrnsteinUhlenbeckDensity(TestReporter reporter) {
        double omega = 1e6, theta = 1, d = 0.5, x0 = 2;
        Model m = FpTestModels.preset("ornstein-uhlenbeck").with("theta", theta).with("D", d).with("Omega", omega).with("X0", x0 * omega);
        SolverResult r = solve(m, 0, 0.25, 0.5, 1, 3);
        StringBuilder log = new StringBuilder();
        for (int k = 1; k < 5; k++) {
            double t = r.at(k).time(), decay = Math.exp(-theta * t), variance = d * (1 - decay * decay) / (2 * theta);
            check("OU", r.at(k), FpTestModels.fromBump(x0, 1 / omega, y -> FpTestModels.gaussianCdf(y * decay, variance)), 1e-4, log);
        }
        reporter.publishEntry("OU", log.toString());
    }

    @Test
    void boundsTheErrorOfTheBirthDeathStationaryLaw(TestReporter reporter) {
        StringBuilder log = new StringBuilder();
        for (double[] k : new double[][] {{10, 1}, {3, 0.5}}) {
            for (double omega : new double[] {1, 10, 100, 1e4}) {
                Model m = FpTestModels.preset("birth-death").with("k1", k[0]).with("k2", k[1]).with("Omega", omega).with("X0", Math.round(k[0] / k[1] * omega));
                SolverResult r = solve(m, 0, 40 / k[1]);
                check(String.format("k1=%g k2=%g Ω=%g", k[0], k[1], omega), r.last(), FpTestModels.birthDeathStationaryCdf(k[0], k[1], omega), 1e-4, log);
            }
        }
        reporter.publishEntry("birth-death stationary", log.toString());
    }

    @Test
    void boundsTheErrorOfTheBirthDeathTransitionLaw(TestReporter reporter) {
        StringBuilder log = new StringBuilder();
        double k1 = 10, k2 = 1, x0 = 20;
        for (double omega : new double[] {100, 1000}) {
            Model m = FpTestModels.preset("birth-death").with("k1", k1).with("k2", k2).with("Omega", omega).with("X0", x0 * omega);
            SolverResult r = solve(m, 0, 0.25, 0.5, 1, 2);
            for (int k = 1; k < 5; k++) {
                double t = r.at(k).time();
                check("Ω=" + omega, r.at(k), FpTestModels.fromBump(x0, 1 / omega, y -> FpTestModels.birthDeathTransitionCdf(k1, k2, omega, y, t)), 1e-4, log);
            }
        }
        reporter.publishEntry("birth-death transition", log.toString());
    }

    /**
     * Pure decay (k1 = 0): B(0) = 0 and x = 0 is an exit boundary; the exact law has an atom at 0
     * (extinction) next to a continuous part. The solver holds the atom apart and shows it in the
     * first cell; the test compares cell masses including it, from Ω = 1 (the atom holds 89 % at
     * t = 4) to Ω = 1000.
     */
    @Test
    void boundsTheErrorOfPureDecayWithItsAbsorbingWall(TestReporter reporter) {
        StringBuilder log = new StringBuilder();
        double k2 = 1, x0 = 3;
        for (double omega : new double[] {1, 10, 100, 1000}) {
            Model m = FpTestModels.preset("birth-death").with("k1", 0).with("k2", k2).with("Omega", omega).with("X0", x0 * omega);
            SolverResult r = solve(m, 0, 0.5, 1, 2, 4, 6);
            for (int k = 1; k < 6; k++) {
                double t = r.at(k).time();
                check("decay Ω=" + omega, r.at(k), FpTestModels.fromBump(x0, 1 / omega, y -> FpTestModels.birthDeathTransitionCdf(0, k2, omega, y, t)), 1e-3, log);
                assertEquals(1.0, r.at(k).mass(), 1e-12, "the atom is part of the mass");
            }
        }
        reporter.publishEntry("pure decay", log.toString());
    }

    @Test
    void theSummaryHoldsTheLargestEstimate() {
        SolverResult r = solve(FpTestModels.preset("birth-death").with("Omega", 100), Problem.uniformTimes(5, 11));
        double max = r.snapshots().stream().mapToDouble(Snapshot::error).max().orElseThrow();
        assertEquals(max, (double) r.info().get("errorEstimate"));
        assertTrue(r.snapshots().stream().allMatch(s -> s.error() >= 0 && Double.isFinite(s.error())));
    }
}
