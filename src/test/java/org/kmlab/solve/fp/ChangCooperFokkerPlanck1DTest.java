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
     * The face flux is central differencing where the cell Péclet number is below 2, which the
     * moving box keeps true, so the scheme is second order in the cell size; a step tolerance of
     * 10⁻⁹ keeps the time error far below the spatial one. The walk at Ω = 10⁶, where its
     * B = D + hθ|x| is D to 4·10⁻⁶, so the exact Gaussian is the equation's own solution.
     */
    @Test
    void ouErrorFallsAtSecondOrderInTheCellSize(TestReporter reporter) {
        double omega = 1e6;
        Model m = FpTestModels.preset("ornstein-uhlenbeck").with("theta", THETA).with("D", D).with("Omega", omega).with("X0", X0 * omega);
        Problem problem = new Problem(m, new double[] {0, 1}, 1, 1, SolverOptions.defaults());
        int[] cells = {25, 50, 100};
        double[] error = new double[cells.length];
        double variance = D * (1 - Math.exp(-2 * THETA)) / (2 * THETA) + 1 / (12 * omega * omega);
        for (int g = 0; g < cells.length; g++) {
            SolverResult r = ChangCooperFokkerPlanck1D.solve(problem, new ChangCooperFokkerPlanck1D.Settings(cells[g], 1e-9), SnapshotListener.NONE, CancellationToken.none());
            error[g] = FpTestModels.l1ToGaussian(r.last().marginal(0), ouMean(1), variance);
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
            Density1D first = r.at(0).marginal(0);
            assertEquals(0.0, first.x(0) - 0.5 * first.dx(), 1e-15, "a count's grid starts at the wall x = 0");
            assertTrue(first.density(0) > 0, "the initial bump sits in the first cell");
            assertEquals(51, checks.seen.size());
            if (omega == 100) assertEquals(10 * (1 - Math.exp(-10)), r.last().mean(0), 1e-3, "mean relaxes to k1/k2");
        }
    }

    /**
     * The central flux telescopes in the moment sums: for any density that vanishes at the box
     * ends, the discrete d⟨x⟩/dt is ⟨A⟩ and d⟨x²⟩/dt is ⟨2xA + B⟩ — here for 2X → ∅, whose A and
     * B are quadratic, the master equation's own first two moment equations (DESIGN: the KM
     * series of a quadratic propensity terminates, so FP and ME agree on d⟨X²⟩/dt). In a moving,
     * stretching box the rate of Σ xᵢmᵢ has a second part, Σ vᵢmᵢ from the moving centres, and the
     * sum is still exact: what the frame velocity adds to the flux it takes back.
     */
    @Test
    void theDiscreteOperatorHasTheMasterEquationsFirstTwoMomentRates() {
        Model m = new Model("dimer decay", "", java.util.List.of(new org.kmlab.model.Species("X", 30, false)),
                java.util.List.of(new org.kmlab.model.Parameter("k1", 10, 0, 100, ""), new org.kmlab.model.Parameter("k2", 0.5, 0, 10, "")),
                new org.kmlab.model.SystemSize(20, 1, 1000),
                java.util.List.of(new org.kmlab.model.Reaction("birth", "0 -> X", "k1", null), new org.kmlab.model.Reaction("pair", "2 X -> 0", "k2", null)));
        org.kmlab.model.KramersMoyal km = new org.kmlab.model.KramersMoyal(m);
        for (double[] box : new double[][] {{0, 6, 0, 0}, {0, 6, 2.5, -1.5}}) {      // {lo, hi, dlo/dt, dhi/dt}: still, then moving and shrinking
            ComovingGrid fp = new ComovingGrid(new KramersMoyal1D(m), 1200, false, true);
            int n = fp.n;
            double dx = (box[1] - box[0]) / n;
            double[] p = new double[n], dp = new double[n];
            for (int i = 0; i < n; i++) { double z = (box[0] + (i + 0.5) * dx - 3) / 0.4; p[i] = Math.exp(-0.5 * z * z) * dx; }   // zero at the ends to 1e-24
            fp.start(box, p);
            fp.rate(p, dp);
            double m1 = 0, m2 = 0, a = 0, b = 0;
            for (int i = 0; i < n; i++) {
                double x = fp.centre(i), v = fp.velocity(i);
                m1 += x * dp[i] + v * p[i];
                m2 += x * x * dp[i] + 2 * x * v * p[i];
                a += km.drift(x) * p[i];
                b += (2 * x * km.drift(x) + km.diffusion(x)) * p[i];
            }
            assertEquals(a, m1, 1e-10 * Math.abs(a), "d⟨x⟩/dt = ⟨A⟩, box " + java.util.Arrays.toString(box));
            assertEquals(b, m2, 1e-10 * Math.abs(b), "d⟨x²⟩/dt = ⟨2xA + B⟩, box " + java.util.Arrays.toString(box));
        }
    }

    /**
     * TR-BDF2 is not positive for long steps: from the one-cell bump a step of 0.25 leaves
     * negative masses, which the grid reports instead of keeping; its backward Euler replacement
     * is non-negative and keeps the mass.
     */
    @Test
    void aLongStepThatWouldUndershootIsReplacedByBackwardEuler() {
        Model m = FpTestModels.preset("birth-death").with("Omega", 100).with("X0", 0);
        ComovingGrid g = new ComovingGrid(new KramersMoyal1D(m), 1500, false, true);
        double[] box = {0, 15, 0, 0}, bump = new double[1500];
        bump[0] = 0.5;
        bump[1] = 0.5;                                    // [0, 0.02]: the bump at the wall
        g.start(box, bump);
        assertEquals(ComovingGrid.Outcome.NEGATIVE, g.trial(0.25, box, box, box, false), "TR-BDF2 from a one-cell bump with a long step undershoots");
        assertTrue(g.eulerGap() > 0, "backward Euler differs from the rejected step");
        g.commit();
        for (int i = 0; i < g.n; i++) assertTrue(g.mass(i) >= 0, "mass " + g.mass(i) + " < 0 at cell " + i);
        assertEquals(1.0, g.totalMass(), 1e-14);
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
        assertTrue(r.last().marginal(0).p().length == 2 * ChangCooperFokkerPlanck1D.DEFAULT_CELLS
                && java.util.Arrays.stream(r.last().marginal(0).p()).allMatch(v -> v >= 0));
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
