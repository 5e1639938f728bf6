package org.kmlab.solve.fp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.cme.FiniteStateProjection;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A 1-D cloud spread over two wells: the double-well preset from its left well, at its Ω = 20
 * and at the slider's 100, to t = 12 (its outputs, against the master equation). After the
 * first escapes the mean lies between the wells, where the linear noise path falls into one in
 * a sixteenth of a time unit (or, from the barrier top, widens without end) while the cloud
 * changes over the escape time: a box that followed that path moved through the cloud, and the
 * grid's TR-BDF2 steps came out negative in its flanks, to be retried four times shorter. That
 * took 5,938 steps (3,991 refused; 14 s) at Ω = 20 and 13,424 (13,169 refused; 34 s) at Ω = 100.
 * The planner now keeps the box where the cloud is when the path's rates of mean and variance
 * differ from the cloud's own ({@link FramePlanner}): 204 and 182 steps, under a second, and
 * closer to the master equation (L1 0.0012–0.0015 and 0.0005 at every output; 0.0014–0.0017 and
 * up to 0.0075 before).
 */
class TwoWellsTest {
    @ParameterizedTest(name = "Ω = {0}")
    @ValueSource(doubles = {20, 100})
    void aCloudOverTwoWellsIsSolvedInFewStepsAndMatchesTheMasterEquation(double omega) {
        Model m = FpTestModels.preset("double-well").with("Omega", omega);
        Problem problem = new Problem(m, Problem.uniformTimes(12, 49), 1, 1, SolverOptions.defaults());
        SolverResult fp = new FokkerPlanckSolver().solve(problem, SnapshotListener.NONE, CancellationToken.none());
        SolverResult cme = new FiniteStateProjection().solve(problem, SnapshotListener.NONE, CancellationToken.none());
        long steps = ((Number) fp.info().get("steps")).longValue(), rejected = ((Number) fp.info().get("rejectedSteps")).longValue();
        assertTrue(steps <= 400 && rejected <= 100, "Ω = " + omega + ": " + steps + " steps, " + rejected + " refused");
        for (int k = 1; k < problem.sampleCount(); k++) {
            double l1 = Distances.l1(cme.at(k).marginal(0), fp.at(k).marginal(0));
            assertTrue(l1 <= 0.003, "Ω = " + omega + ", t = " + problem.time(k) + ": L1(FP, CME) = " + l1);
            assertTrue(fp.at(k).error() < 0.002, "its own estimate at t = " + problem.time(k) + ": " + fp.at(k).error());
        }
    }
}
