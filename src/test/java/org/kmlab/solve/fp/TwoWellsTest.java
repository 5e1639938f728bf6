package org.kmlab.solve.fp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * A 1-D cloud spread over two wells: the double-well preset from X = −20, at its Ω = 20 (the
 * left well, x = −1) and at the slider's 100 (x = −0.2, beside the barrier top: the cloud splits
 * at once), and at Ω = 100 from the left well (X = −100), to t = 12 (its outputs, against the
 * master equation; from the left well at Ω = 100 the distance is 0.0001 against 0.0012–0.0015 at
 * Ω = 20: the system-size argument in one number). After the
 * first escapes the mean lies between the wells, where the linear noise path falls into one in
 * a sixteenth of a time unit (or, from the barrier top, widens without end) while the cloud
 * changes over the escape time: a box that followed that path moved through the cloud, and the
 * grid's TR-BDF2 steps came out negative in its flanks, to be retried four times shorter. That
 * took 5,938 steps (3,991 refused; 14 s) at Ω = 20 and 13,424 (13,169 refused; 34 s) at Ω = 100.
 * The planner now keeps the box where the cloud is when the path's rates of mean and variance
 * differ from the cloud's own ({@link FramePlanner}): 204 (now 104) and 182 steps, under a second, and
 * closer to the master equation (L1 0.0012–0.0015 and 0.0005 at every output; 0.0014–0.0017 and
 * up to 0.0075 before).
 *
 * <p>Deep wells (b = 4, barrier 4 = 8 kT) and a soft wall (a = 0.2, the wells at ±√5): a few
 * escapes reach the far well, 13–20 sd of the cloud out; the path's sd relaxes from both
 * wells' to one well's and a box scaled with it was pulled onto them, to be re-planned every
 * step or two: 1,165 plans and 3,824 steps (16 s) at b = 4, 722 plans and 2,261 steps at a = 0.2,
 * 368 plans and 962 steps for Schlögl's bistable cloud at Ω = 60. The plan is now held where
 * the cloud is when its variance rate would pull a box end past the support: 10, 4 and 18
 * plans, 106, 125 and 128 steps, the same distances to the master equation. At b = 4 that
 * distance grows from 0.0030 to 0.0044 by t = 12 on any grid: the Fokker–Planck escape rate over
 * a barrier of 8 kT on a lattice of sd 3.5 points is not the lattice's.
  */
class TwoWellsTest {
    @ParameterizedTest(name = "{0}, {1} = {2}, start {3}")
    @CsvSource({"double-well, Omega, 20, , 0.003", "double-well, Omega, 100, , 0.003", "double-well, Omega, 100, -100, 0.0003",
            "double-well, b, 4, , 0.005", "double-well, a, 0.2, , 0.003", "schlogl, Omega, 60, , 0.002"})
    void aCloudOverTwoWellsIsSolvedInFewStepsAndMatchesTheMasterEquation(String preset, String name, double value, Long start, double bound) {
        Model m = FpTestModels.preset(preset).with(name, value);
        if (start != null) m = m.with(m.species().get(0).initialName(), start);
        Problem problem = new Problem(m, Problem.uniformTimes(12, 49), 1, 1, SolverOptions.defaults());
        SolverResult fp = new FokkerPlanckSolver().solve(problem, SnapshotListener.NONE, CancellationToken.none());
        SolverResult cme = new FiniteStateProjection().solve(problem, SnapshotListener.NONE, CancellationToken.none());
        long steps = ((Number) fp.info().get("steps")).longValue(), rejected = ((Number) fp.info().get("rejectedSteps")).longValue();
        long plans = ((Number) fp.info().get("plans")).longValue();
        String what = preset + ", " + name + " = " + value;
        assertTrue(steps <= 400 && rejected <= 100 && plans <= 50, what + ": " + steps + " steps, " + rejected + " refused, " + plans + " plans");
        for (int k = 1; k < problem.sampleCount(); k++) {
            double l1 = Distances.l1(cme.at(k).marginal(0), fp.at(k).marginal(0));
            assertTrue(l1 <= bound, what + ", t = " + problem.time(k) + ": L1(FP, CME) = " + l1);
            assertTrue(fp.at(k).error() < 0.002, what + ": its own estimate at t = " + problem.time(k) + ": " + fp.at(k).error());
        }
    }
}
