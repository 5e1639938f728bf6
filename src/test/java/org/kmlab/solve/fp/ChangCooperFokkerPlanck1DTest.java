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

    /**
     * The central flux telescopes in the moment sums: for any density that vanishes at the walls,
     * the discrete d⟨x⟩/dt is ⟨A⟩ and d⟨x²⟩/dt is ⟨2xA + B⟩ — here for 2X → ∅, whose A and B are
     * quadratic, the master equation's own first two moment equations (DESIGN: the KM series of a
     * quadratic propensity terminates, so FP and ME agree on d⟨X²⟩/dt).
     */
    @Test
    void theDiscreteOperatorHasTheMasterEquationsFirstTwoMomentRates() {
        Model m = new Model("dimer decay", "", java.util.List.of(new org.kmlab.model.Species("X", 30, false)),
                java.util.List.of(new org.kmlab.model.Parameter("k1", 10, 0, 100, ""), new org.kmlab.model.Parameter("k2", 0.5, 0, 10, "")),
                new org.kmlab.model.SystemSize(20, 1, 1000),
                java.util.List.of(new org.kmlab.model.Reaction("birth", "0 -> X", "k1", null), new org.kmlab.model.Reaction("pair", "2 X -> 0", "k2", null)));
        ChangCooperFokkerPlanck1D fp = new ChangCooperFokkerPlanck1D(m, new ChangCooperFokkerPlanck1D.Grid(0, 6, 1200));
        int n = fp.cells();
        double dx = fp.dx();
        double[] p = new double[n], dp = new double[n];
        for (int i = 0; i < n; i++) { double z = (fp.centre(i) - 3) / 0.4; p[i] = Math.exp(-0.5 * z * z); }   // zero at the walls to 1e-24
        org.kmlab.model.KramersMoyal km = new org.kmlab.model.KramersMoyal(m);
        fp.apply(p, dp);
        double m1 = 0, m2 = 0, a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            double x = fp.centre(i);
            m1 += x * dp[i] * dx;
            m2 += x * x * dp[i] * dx;
            a += km.drift(x) * p[i] * dx;
            b += (2 * x * km.drift(x) + km.diffusion(x)) * p[i] * dx;
        }
        assertEquals(a, m1, 1e-10 * Math.abs(a), "d⟨x⟩/dt = ⟨A⟩");
        assertEquals(b, m2, 1e-10 * Math.abs(b), "d⟨x²⟩/dt = ⟨2xA + B⟩");
    }

    @Test
    void aLongStepThatWouldUndershootFallsBackToBackwardEuler() {
        Model m = FpTestModels.preset("birth-death").with("Omega", 100).with("X0", 0);
        Checks checks = new Checks();
        SolverResult r = ChangCooperFokkerPlanck1D.solve(new Problem(m, new double[] {0, 0.5, 1, 2}, 1, 1, SolverOptions.defaults()),
                new ChangCooperFokkerPlanck1D.Grid(0, 15, 1500), 0.25, checks, CancellationToken.none());
        assertTrue((long) r.info().get("eulerSteps") > 0, "TR-BDF2 from a one-cell bump with a long step undershoots");
        assertEquals(4, checks.seen.size(), "and every output was still checked ≥ 0 with mass 1");
    }

    /**
     * Rates of 5000 make the LNA sizing and the implicit steps stiff. Mass is then conserved only to
     * rounding of order ε·τ‖L‖ per implicit solve (τ‖L‖ ≈ 10⁶ here, 10³ for the presets), which is
     * why this run is held to 10⁻⁷ and not the presets' 10⁻¹⁰; the error is reported in massError.
     */
    @Test
    void aStiffModelStillGetsAGrid() {
        Model m = FpTestModels.preset("birth-death").with("k1", 5000).with("k2", 5000).with("Omega", 10).with("X0", 0);
        SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, new double[] {0, 10}, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
        assertEquals(1.0, r.last().mean(0), 1e-3, "relaxed to k1/k2 within 10 time units (rate 5000)");
        double massError = (double) r.info().get("massError");
        assertTrue(massError < 1e-7, "mass error " + massError);
        assertTrue(r.last().marginal(0).p().length == 2000 && java.util.Arrays.stream(r.last().marginal(0).p()).allMatch(v -> v >= 0));
    }

    @Test
    void anExplodingModelIsRefusedWithAMessage() {
        Model m = new Model("explosion", "", java.util.List.of(new org.kmlab.model.Species("X", 10, false)),
                java.util.List.of(new org.kmlab.model.Parameter("k", 1, 0, 10, "")), new org.kmlab.model.SystemSize(10, 1, 100),
                java.util.List.of(new org.kmlab.model.Reaction("pair birth", "2 X -> 3 X", "k", null)));
        org.kmlab.solve.SolverException e = assertThrows(org.kmlab.solve.SolverException.class,
                () -> new FokkerPlanckSolver().solve(new Problem(m, new double[] {0, 10}, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().startsWith("fp: "), e.getMessage());
    }

    @Test
    void cancellingStopsTheRun() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        Problem problem = Problem.of(FpTestModels.preset("birth-death"), org.kmlab.model.RunSettings.defaults(), SolverOptions.defaults());
        assertThrows(org.kmlab.solve.CancelledException.class, () -> new FokkerPlanckSolver().solve(problem, SnapshotListener.NONE, token));
    }
}
