package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ChangCooperFokkerPlanck1DTest {
    private static final double THETA = 1, D = 0.5, X0 = 2, OU_OMEGA = 1e4;

    /** OU walk at Ω = 10⁴: B = D + hθ|x| differs from D by ≤ 4·10⁻⁴ on the grid, the bump's variance is 1/(12Ω²). */
    private static Model ouWalk() {
        return FpTestModels.preset("ornstein-uhlenbeck").with("theta", THETA).with("D", D)
                .with("Omega", OU_OMEGA).with("X0", X0 * OU_OMEGA);
    }

    private static double ouMean(double t) { return X0 * Math.exp(-THETA * t); }

    private static double ouVariance(double t) { return D * (1 - Math.exp(-2 * THETA * t)) / (2 * THETA) + 1 / (12 * OU_OMEGA * OU_OMEGA); }

    /** Checks mass and positivity at every output as it is published. */
    private static final class Checks implements SnapshotListener {
        final List<Snapshot> seen = new ArrayList<>();

        @Override public void onSnapshot(int k, Snapshot s) {
            assertEquals(1.0, s.mass(), 1e-10, "mass at t = " + s.time());
            double[] p = s.marginal(0).p();
            for (int i = 0; i < p.length; i++) assertTrue(p[i] >= 0, "P < 0 at cell " + i + ", t = " + s.time() + ": " + p[i]);
            seen.add(s);
        }
    }

    @Test
    void ouWalkMatchesTheExactGaussianOnAThousandCells() {
        Problem problem = new Problem(ouWalk(), new double[] {0, 0.5, 1, 3}, 1, 1, SolverOptions.defaults().withGridCells(1000));
        Checks checks = new Checks();
        SolverResult r = new FokkerPlanckSolver().solve(problem, checks, CancellationToken.none());
        assertEquals(4, checks.seen.size());
        assertEquals(1000, r.info().get("cells"));
        assertEquals(0.0, (double) r.info().get("clippedMass"));
        assertTrue((double) r.info().get("massError") <= 1e-10);
        for (int k = 1; k < 4; k++) {
            Snapshot s = r.at(k);
            double t = s.time();
            double l1 = FpTestModels.l1ToGaussian(s.marginal(0), ouMean(t), ouVariance(t));
            assertTrue(l1 < 1e-3, "L1 to the exact OU Gaussian at t = " + t + ": " + l1);
            assertEquals(ouMean(t), s.mean(0), 1e-3, "mean at t = " + t);
            assertEquals(ouVariance(t), s.covariance(0, 0), 1e-3 * ouVariance(t) + 1e-6, "variance at t = " + t);
        }
    }

    /**
     * Exponential fitting is central differencing at small cell Péclet number, so the scheme is
     * second order in dx; TR-BDF2 with a step 10⁻³ keeps the time error far below the spatial one.
     */
    @Test
    void ouErrorFallsAtSecondOrderInTheCellSize(TestReporter reporter) {
        Model m = ouWalk();
        Problem problem = new Problem(m, new double[] {0, 1}, 1, 1, SolverOptions.defaults());
        int[] cells = {100, 200, 400};
        double[] error = new double[cells.length];
        for (int g = 0; g < cells.length; g++) {
            ChangCooperFokkerPlanck1D.Grid grid = new ChangCooperFokkerPlanck1D.Grid(-3, 5, cells[g]);
            SolverResult r = ChangCooperFokkerPlanck1D.solve(problem, grid, 1e-3, SnapshotListener.NONE, CancellationToken.none());
            error[g] = FpTestModels.l1ToGaussian(r.last().marginal(0), ouMean(1), ouVariance(1));
        }
        double order1 = Math.log(error[0] / error[1]) / Math.log(2), order2 = Math.log(error[1] / error[2]) / Math.log(2);
        String msg = String.format("L1 errors %.3e, %.3e, %.3e; observed orders %.2f, %.2f", error[0], error[1], error[2], order1, order2);
        reporter.publishEntry("convergence", msg);
        assertTrue(order1 >= 1.7 && order2 >= 1.7, "expected order 2 (≥ 1.7): " + msg);
    }

    @Test
    void birthDeathApproachesPoissonAsTheSystemGrows(TestReporter reporter) {
        double[] omegas = {1, 10, 100};
        double[] distance = new double[omegas.length];
        for (int o = 0; o < omegas.length; o++) {
            double omega = omegas[o];
            Model m = FpTestModels.preset("birth-death").with("k1", 10).with("k2", 1).with("Omega", omega).with("X0", 10 * omega);
            Problem problem = new Problem(m, new double[] {0, 15}, 1, 1, SolverOptions.defaults());
            Checks checks = new Checks();
            SolverResult r = new FokkerPlanckSolver().solve(problem, checks, CancellationToken.none());
            distance[o] = FpTestModels.l1ToPoisson(r.last().marginal(0), omega, 10 * omega);
        }
        String msg = String.format("L1(FP, Poisson) at Ω = 1, 10, 100: %.4f, %.4f, %.4f", distance[0], distance[1], distance[2]);
        reporter.publishEntry("birth-death", msg);
        assertTrue(distance[0] > distance[1] && distance[1] > distance[2], "must decrease strictly with Ω: " + msg);
    }

    @Test
    void birthDeathFromZeroKeepsItsMassAtTheWall() {
        for (double omega : new double[] {1, 100}) {
            Model m = FpTestModels.preset("birth-death").with("Omega", omega).with("X0", 0);
            Problem problem = new Problem(m, Problem.uniformTimes(10, 51), 1, 1, SolverOptions.defaults());
            Checks checks = new Checks();
            SolverResult r = new FokkerPlanckSolver().solve(problem, checks, CancellationToken.none());
            double[] range = (double[]) r.info().get("range");
            assertEquals(0.0, range[0], "a count's grid starts at the wall x = 0");
            assertTrue(r.at(0).marginal(0).density(0) > 0, "the initial bump sits in the first cell");
            assertEquals(51, checks.seen.size());
            if (omega == 100) assertEquals(10 * (1 - Math.exp(-10)), r.last().mean(0), 1e-3, "mean relaxes to k1/k2");
        }
    }

    @Test
    void cancellingStopsTheRun() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        Problem problem = Problem.of(FpTestModels.preset("birth-death"), org.kmlab.model.RunSettings.defaults(), SolverOptions.defaults());
        assertThrows(org.kmlab.solve.CancelledException.class, () -> new FokkerPlanckSolver().solve(problem, SnapshotListener.NONE, token));
    }
}
