package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.OneStepPassage;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The angular-momentum preset (a walk in j between a reflecting rim and the star, absorbed at
 * X ≤ 0): the master equation's mean accretion time is the one-step exact sum, which without the
 * drain is the closed form N(N + 1)/(DΩ²); the ensemble agrees within 4 SE; FP says why it has none.
 */
class AngularMomentumPresetTest {
    private static SolverResult run(String id, Model m, double tEnd, int n) {
        return SolverRegistry.builtIn().byId(id).solve(new Problem(m, Problem.uniformTimes(tEnd, 101), n, 7, SolverOptions.defaults().withThreads(2)),
                (k, s) -> { }, CancellationToken.none());
    }

    @Test void masterEquationMeanTimeIsTheExactSumAcrossOmega() {
        for (double omega : new double[] {2, 20, 200}) {
            Model m = TestPresets.model("angular-momentum").with("Omega", omega).with("X0", omega);
            double exact = OneStepPassage.meanTime(m);
            double cme = SolverRegistry.builtIn().byId("cme").meanFirstPassage(m).orElseThrow();
            assertEquals(exact, cme, 1e-6 * exact, "Ω = " + omega);
            Model free = m.with("v", 0);   // no drain: Δ(n) = (N − n + 1)/r, r = DΩ²/2, summed from the rim N = Ω
            double n = omega;
            assertEquals(n * (n + 1) / (omega * omega), OneStepPassage.meanTime(free), 1e-9, "Ω = " + omega);
            assertEquals(n * (n + 1) / (omega * omega), SolverRegistry.builtIn().byId("cme").meanFirstPassage(free).orElseThrow(), 1e-6, "Ω = " + omega);
            assertTrue(exact < OneStepPassage.meanTime(free), "the drain speeds accretion");
        }
    }

    @Test void theRunsSurvivalAndEnsembleMeanAgreeWithTheExactTime() {
        Model m = TestPresets.model("angular-momentum");
        double exact = OneStepPassage.meanTime(m);
        FirstPassage cme = FirstPassage.of(run("cme", m, 15 * exact, 100)).orElseThrow();
        assertEquals(exact, cme.meanTime(), 1e-6 * exact);
        assertTrue(cme.survivalAtEnd() < 1e-4, "S(15T) ≈ 0: " + cme.survivalAtEnd());
        FirstPassage ssa = FirstPassage.of(run("ssa", m, 15 * exact, 4000)).orElseThrow();
        assertEquals(4000, ssa.absorbed());
        assertEquals(exact, ssa.meanTime(), 4 * ssa.meanTimeSE());
        SolverResult fp = run("fp", m, 0.1, 10);
        assertTrue(FirstPassage.of(fp).isEmpty());
        assertTrue(String.valueOf(fp.info().get(FirstPassage.SKIPPED_KEY)).contains("reflects"), String.valueOf(fp.info().get(FirstPassage.SKIPPED_KEY)));
    }
}
