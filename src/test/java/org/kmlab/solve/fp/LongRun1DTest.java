package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long runs: the step size must grow with the time scale the solution itself has. */
class LongRun1DTest {
    private static SolverResult solve(Model m, double[] times, int cells) {
        return new FokkerPlanckSolver().solve(new Problem(m, times, 1, 1, SolverOptions.defaults().withGridCells(cells)), SnapshotListener.NONE, CancellationToken.none());
    }

    /**
     * Birth–death to t = 10⁶ used to stop with "linear noise approximation diverges"; now the LNA
     * path settles at its fixed point and the steps grow to the output spacing: a few hundred
     * steps, and the end state is the equation's exact stationary law within the estimate.
     */
    @Test
    void birthDeathRunsToAMillionInAFewHundredSteps() {
        for (double omega : new double[] {1, 1e4}) {
            Model m = FpTestModels.preset("birth-death").with("Omega", omega).with("X0", 0);
            SolverResult r = solve(m, Problem.uniformTimes(1e6, 101), 0);
            long steps = (long) r.info().get("steps") + (long) r.info().get("rejectedSteps");
            assertTrue(steps < 1000, "Ω = " + omega + ": " + steps + " step attempts");
            Snapshot last = r.last();
            double truth = FpTestModels.l1ToCdf(last.marginal(0), FpTestModels.birthDeathStationaryCdf(10, 1, omega));
            assertTrue(truth <= last.error() && truth < 1e-4, "Ω = " + omega + ": L1 to the stationary law " + truth + ", estimate " + last.error());
            assertEquals(1.0, last.mass(), 1e-12);
        }
    }
}
