package org.kmlab.solve;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.solve.cme.FiniteStateProjection;
import org.kmlab.solve.fp.FokkerPlanckSolver;
import org.kmlab.solve.ssa.DirectMethodSsa;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Solvers checked against each other where no closed form exists (issue 4's validation list):
 * the master equation against an independent Gillespie ensemble, and the Fokker–Planck density
 * closing in on the master equation's as the system size Ω grows (the Kramers–Moyal truncation
 * error is O(1/√Ω) in distribution, van Kampen 1961). Every solver runs at its default settings.
 */
class CrossSolverValidationTest {
    private static final int TRAJECTORIES = 5_000;

    private static Model preset(String id) { return PresetIO.read(Path.of("presets", id + ".json")).model(); }

    private static SolverResult run(Solver solver, Model m, double[] times, int trajectories) {
        return solver.solve(new Problem(m, times, trajectories, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
    }

    /**
     * Predator–prey (preset defaults, Ω = 100): the CME mean lies within 4 standard errors of the
     * SSA ensemble mean at t = 1, 5, 10, SE² = sample variance / N per species (N = 5,000, fixed
     * seed). 4 SE: a false alarm has probability about 6·10⁻⁵ per comparison.
     */
    @Test
    void predatorPreyMasterEquationMeanAgreesWithTheGillespieEnsemble() {
        Model m = preset("predator-prey");
        double[] times = {0, 1, 5, 10};
        SolverResult cme = run(new FiniteStateProjection(), m, times, 1);
        SolverResult ssa = run(new DirectMethodSsa(), m, times, TRAJECTORIES);
        for (int k = 1; k < times.length; k++) {
            for (int s = 0; s < 2; s++) {
                double se = Math.sqrt(ssa.at(k).covariance(s, s) / TRAJECTORIES);
                double gap = Math.abs(cme.at(k).mean(s) - ssa.at(k).mean(s));
                assertTrue(gap <= 4 * se, "species " + s + " at t = " + times[k] + ": CME mean " + cme.at(k).mean(s)
                        + ", SSA mean " + ssa.at(k).mean(s) + " ± " + se + " (SE): " + gap / se + " SE apart");
            }
        }
    }

    /**
     * Predator–prey at t = 1 with the initial state scaled with Ω (x₀ = 0.5, y₀ = 0.2): the L1
     * distance between the FP and CME joint densities (FP rebinned exactly onto the CME's lattice
     * cells of side 1/Ω) falls as Ω = 20, 40, 100 (whole initial counts).
     */
    @Test
    void predatorPreyFokkerPlanckClosesInOnTheMasterEquationAsOmegaGrows() {
        double[] omegas = {20, 40, 100};
        double[] l1 = new double[omegas.length];
        for (int k = 0; k < omegas.length; k++) {
            Model m = preset("predator-prey").with("Omega", omegas[k]).with("X0", 0.5 * omegas[k]).with("Y0", 0.2 * omegas[k]);
            double[] times = {0, 1};
            Density2D cme = run(new FiniteStateProjection(), m, times, 1).at(1).joint();
            Density2D fp = run(new FokkerPlanckSolver(), m, times, 1).at(1).joint();
            l1[k] = Distances.l1(cme, fp);
        }
        String numbers = "L1(FP, CME) joint at t = 1 for Ω = 20, 40, 100: " + java.util.Arrays.toString(l1);
        assertTrue(l1[0] > l1[1] && l1[1] > l1[2], numbers);
        assertTrue(l1[2] < 0.1, numbers);
    }

    /**
     * Birth–death (k1 = 10, k2 = 1, from x = 0) at t = 1, Ω = 1, 4, 16: the L1 distance between
     * the 1-D FP density and the CME distribution (cells of width 1/Ω) falls as Ω grows. The CME
     * law here is Poisson only because the start is a point; the comparison uses the CME solver.
     */
    @Test
    void birthDeathFokkerPlanckClosesInOnTheMasterEquationAsOmegaGrows() {
        double[] omegas = {1, 4, 16};
        double[] l1 = new double[omegas.length];
        for (int k = 0; k < omegas.length; k++) {
            Model m = preset("birth-death").with("Omega", omegas[k]);
            double[] times = {0, 1};
            Density1D cme = run(new FiniteStateProjection(), m, times, 1).at(1).marginal(0);
            Density1D fp = run(new FokkerPlanckSolver(), m, times, 1).at(1).marginal(0);
            l1[k] = Distances.l1(cme, fp);
        }
        String numbers = "L1(FP, CME) at t = 1 for Ω = 1, 4, 16: " + java.util.Arrays.toString(l1);
        assertTrue(l1[0] > l1[1] && l1[1] > l1[2], numbers);
    }
}
