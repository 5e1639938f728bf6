package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FokkerPlanck2DTest {
    /** Checks, at every output as it is published, that P ≥ 0 and that mass is 1 plus whatever was reported clipped. */
    private static final class Checks implements SnapshotListener {
        final List<Snapshot> seen = new ArrayList<>();

        @Override public void onSnapshot(int k, Snapshot s) {
            double[] p = s.joint().p();
            for (int c = 0; c < p.length; c++) assertTrue(p[c] >= 0, "P < 0 at cell " + c + ", t = " + s.time());
            assertEquals(2, s.marginals().length);
            assertEquals(s.mass(), s.marginal(0).mass(), 1e-12);
            seen.add(s);
        }
    }

    /**
     * Exact moment ODEs of a linear network with drift A(x) = J x and diffusion B(x) = Σ_r ν νᵀ w_r·x/Ω
     * (w_r the per-x rate of each reaction): m' = J m, Σ' = JΣ + ΣJᵀ + B(m), by RK4 with a 10⁻⁴ step.
     */
    private static double[][] exactMoments(double[][] jac, double[][][] bPerX, double[] m0, double[][] s0, double t) {
        double[] y = {m0[0], m0[1], s0[0][0], s0[0][1], s0[1][1]};
        int steps = (int) Math.ceil(t / 1e-4);
        double h = t / steps;
        for (int k = 0; k < steps; k++) {
            double[] k1 = rhs(jac, bPerX, y), k2 = rhs(jac, bPerX, axpy(y, k1, h / 2)), k3 = rhs(jac, bPerX, axpy(y, k2, h / 2)), k4 = rhs(jac, bPerX, axpy(y, k3, h));
            for (int i = 0; i < 5; i++) y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return new double[][] {{y[0], y[1]}, {y[2], y[3], y[4]}};
    }

    private static double[] axpy(double[] y, double[] d, double h) {
        double[] o = y.clone();
        for (int i = 0; i < o.length; i++) o[i] += h * d[i];
        return o;
    }

    private static double[] rhs(double[][] j, double[][][] bPerX, double[] y) {
        double[][] s = {{y[2], y[3]}, {y[3], y[4]}};
        double[][] b = new double[2][2];
        for (int a = 0; a < 2; a++) for (int c = 0; c < 2; c++) b[a][c] = bPerX[0][a][c] * y[0] + bPerX[1][a][c] * y[1];
        double[][] ds = new double[2][2];
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < 2; c++) {
                double v = b[a][c];
                for (int l = 0; l < 2; l++) v += j[a][l] * s[l][c] + s[a][l] * j[c][l];
                ds[a][c] = v;
            }
        }
        return new double[] {j[0][0] * y[0] + j[0][1] * y[1], j[1][0] * y[0] + j[1][1] * y[1], ds[0][0], ds[0][1], ds[1][1]};
    }

    /**
     * Every output after the first against the exact moment equations from the run's own first
     * output: mass 1 (to {@code massTolerance}), an estimate ε in (0, largestEstimate), means within
     * 1.25·ε·σ and covariances within 2.07·ε·σᵢσⱼ (why those factors: {@link #abDecayMomentsAreExactWithinTheErrorEstimateAtAnySystemSize}).
     */
    private static void assertMomentsWithinTheEstimate(SolverResult r, double[][] jac, double[][][] bPerX,
                                                       double massTolerance, double largestEstimate, String label) {
        Snapshot s0 = r.at(0);
        for (int k = 1; k < r.snapshots().size(); k++) {
            Snapshot s = r.at(k);
            String at = label + ", t = " + s.time();
            assertEquals(1.0, s.mass(), massTolerance, "mass at " + at);
            double eps = s.error();
            assertTrue(eps > 0 && eps < largestEstimate, "an error estimate that means something at " + at + ": " + eps);
            double[][] exact = exactMoments(jac, bPerX, s0.mean(), s0.covariance(), s.time());
            double[][] cov = {{exact[1][0], exact[1][1]}, {exact[1][1], exact[1][2]}};
            for (int i = 0; i < 2; i++) {
                assertEquals(exact[0][i], s.mean(i), 1.25 * eps * Math.sqrt(cov[i][i]), "mean " + i + " at " + at + " (ε = " + eps + ")");
                for (int j = 0; j < 2; j++) {
                    assertEquals(cov[i][j], s.covariance(i, j), 2.07 * eps * Math.sqrt(cov[i][i] * cov[j][j]), "Σ" + i + j + " at " + at + " (ε = " + eps + ")");
                }
            }
        }
    }

    /**
     * A→B→∅ has affine A and B, so the FP moments obey the same closed ODEs as the master equation's;
     * the discrete flux reproduces them up to O(h²) and time-splitting error. The reference starts
     * from the initial bump's own moments (variance ≈ 1/(12Ω²) per axis plus cell deposition).
     * Tolerances: means to 10⁻³ relative; covariances to 10⁻³ relative to √(Σ_ii Σ_jj).
     */
    @Test
    void abDecayMomentsMatchTheExactMomentEquations() {
        double omega = 50, k1 = 1, k2 = 0.5;
        Model m = FpTestModels.preset("a-b-decay").with("Omega", omega).with("A0", 50).with("B0", 20).with("k1", k1).with("k2", k2);
        double[] times = {0, 0.5, 1, 2};
        Checks checks = new Checks();
        SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), checks, CancellationToken.none());
        assertEquals(4, checks.seen.size());
        double[][] jac = {{-k1, 0}, {k1, -k2}};
        double[][][] bPerX = {{{k1 / omega, -k1 / omega}, {-k1 / omega, k1 / omega}}, {{0, 0}, {0, k2 / omega}}};
        Snapshot s0 = r.at(0);
        for (int k = 1; k < times.length; k++) {
            Snapshot s = r.at(k);
            assertEquals(1.0, s.mass(), 1e-9, "mass at t = " + s.time());
            double[][] exact = exactMoments(jac, bPerX, s0.mean(), s0.covariance(), times[k]);
            for (int i = 0; i < 2; i++) assertEquals(exact[0][i], s.mean(i), 1e-3 * Math.abs(exact[0][i]), "mean " + i + " at t = " + times[k]);
            double[][] cov = {{exact[1][0], exact[1][1]}, {exact[1][1], exact[1][2]}};
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double scale = Math.sqrt(cov[i][i] * cov[j][j]);
                    assertEquals(cov[i][j], s.covariance(i, j), 1e-3 * scale, "Σ" + i + j + " at t = " + times[k]);
                }
            }
            assertTrue(s.covariance(0, 1) < 0, "A and B are anti-correlated");
        }
    }

    @Test
    void predatorPreyRunsToTenConservingMass() {
        Model m = FpTestModels.preset("predator-prey");
        Checks checks = new Checks();
        SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, Problem.uniformTimes(10, 11), 1, 1, SolverOptions.defaults().withGridCells(128)), checks, CancellationToken.none());
        assertEquals(11, checks.seen.size());
        for (Snapshot s : r.snapshots()) assertEquals(1.0, s.mass(), 1e-9, "mass at t = " + s.time());
        int[] largest = (int[]) r.info().get("maxCells");
        assertTrue(Math.max(largest[0], largest[1]) <= 128 && Math.max(largest[0], largest[1]) > 128 / 1.2,
                "every window has about (never more than) 128 cells along its longer side: " + largest[0] + "×" + largest[1]);
        assertTrue((double) r.info().get("outsideMass") < 1e-8, "the boxes hold the cloud: " + r.info().get("outsideMass"));
    }

    /**
     * Issue 8 at the ends of the range of Ω: A → B → ∅ is linear, so the FP moments obey the master
     * equation's closed moment ODEs exactly (here from the initial bump's own moments; B0 > 0 and
     * the end times keep both species ≥ 4 sd clear of the wall at 0, which those ODEs know nothing
     * about). The tolerance is the run's own error estimate ε at each output (the check grid's L1
     * distance to the coarse grid, about 1.25 times the check grid's own error for a scheme of
     * second order, see GridPair2D) turned into moments: a Gaussian cloud whose mean moves by δ is at L1 distance
     * 0.80·δ/σ from itself, and one whose covariance grows by r·σᵢσⱼ at ≥ 0.48·r, so an error the
     * estimate covers moves a mean by at most 1.25·ε·σ and a covariance by at most 2.07·ε·σᵢσⱼ.
     * Positivity (at every output, as published) and mass are exact up to rounding. The
     * fixed-window grid this replaces had variances 40 times too large at Ω = 1000, t = 1.6. At
     * Ω = 10⁴ the estimate itself is large (1.5e-2 … 5.4e-2: the cloud is a few hundredths of a
     * unit wide and the grid follows it by remaps) while the moments stay within it (means within
     * 0.87·ε·σ, covariances 0.045·ε·σᵢσⱼ), so its bound there is 0.1.
     */
    @ParameterizedTest(name = "Ω = {0}")
    @CsvSource({"1, 100, 20, 2, 0.05", "10, 400, 40, 2.4, 0.05", "1000, 40000, 4000, 3, 0.05", "10000, 400000, 40000, 3, 0.1"})
    void abDecayMomentsAreExactWithinTheErrorEstimateAtAnySystemSize(double omega, double a0, double b0, double tEnd, double largestEstimate) {
        double k1 = 1, k2 = 0.5;
        Model m = FpTestModels.preset("a-b-decay").with("Omega", omega).with("A0", a0).with("B0", b0).with("k1", k1).with("k2", k2);
        double[] times = Problem.uniformTimes(tEnd, 5);
        Checks checks = new Checks();
        SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), checks, CancellationToken.none());
        assertEquals(times.length, checks.seen.size());
        double[][] jac = {{-k1, 0}, {k1, -k2}};
        double[][][] bPerX = {{{k1 / omega, -k1 / omega}, {-k1 / omega, k1 / omega}}, {{0, 0}, {0, k2 / omega}}};
        assertMomentsWithinTheEstimate(r, jac, bPerX, 1e-11, largestEstimate, "Ω = " + omega);
    }

    /**
     * A mass-action reaction whose rate constant is 0 (A → B → ∅ with k2 at its slider's 0) moves
     * nothing. Its factor along y was a(X, y)/a(X, Y) = 0/0: NaN drift and diffusion along its
     * direction, B's mean running away at 3,500 per unit time, and at Ω = 1 a planned box of
     * 2.6·10⁷ × 5.4·10⁶ cells (its count passed 2³¹ and the run stopped with an internal
     * NegativeArraySizeException). Now the moments follow the exact moment equations of A → B.
     */
    @Test
    void aReactionWithRateConstantZeroMovesNothing() {
        double omega = 10, k1 = 1;
        Model m = FpTestModels.preset("a-b-decay").with("Omega", omega).with("A0", 400).with("B0", 40).with("k1", k1).with("k2", 0);
        SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, Problem.uniformTimes(1, 5), 1, 1, SolverOptions.defaults()), new Checks(), CancellationToken.none());
        double[][] jac = {{-k1, 0}, {k1, 0}};
        double[][][] bPerX = {{{k1 / omega, -k1 / omega}, {-k1 / omega, k1 / omega}}, {{0, 0}, {0, 0}}};
        assertMomentsWithinTheEstimate(r, jac, bPerX, 1e-11, 0.05, "k2 = 0");
    }

    /**
     * Predator–prey at Ω = 100 against the master equation (FiniteStateProjection, an independent
     * solver) at the preset's 101 outputs to t = 10, as the window runs it. While the cloud is small
     * (t = 1, 2) the variances are within 5% (the diffusion approximation itself differs by
     * O(1/Ω) ≈ 1%). Issue 8: the joint L1 distance (FP cells rebinned onto the lattice) was
     * 0.08–0.25 from t = 4 on with the fixed-window grid; with the grid that follows the cloud it
     * is ≤ 0.05 at every output from t = 0.5 on (measured: 0.042 at 0.5, 0.0236 at 1, ≤ 0.0204 over
     * [4, 10]), and ≤ 0.03 from t = 4 (room for the approximation's own distance and the rebinning
     * of cells that straddle lattice points, none for the widening the issue was about). Before
     * t = 0.5 it is larger, and that is the approximation's: see the next test.
     */
    @Test
    void predatorPreyMatchesTheMasterEquationAtEveryOutput() {
        Model m = FpTestModels.preset("predator-prey");
        Problem problem = new Problem(m, Problem.uniformTimes(10, 101), 1, 1, SolverOptions.defaults());
        Checks checks = new Checks();
        SolverResult fp = new FokkerPlanckSolver().solve(problem, checks, CancellationToken.none());
        SolverResult cme = new org.kmlab.solve.cme.FiniteStateProjection().solve(problem, SnapshotListener.NONE, CancellationToken.none());
        for (int k : new int[] {10, 20}) {
            for (int s = 0; s < 2; s++) {
                double exact = cme.at(k).covariance(s, s), got = fp.at(k).covariance(s, s);
                assertEquals(exact, got, 0.05 * exact, "variance of species " + s + " at t = " + problem.time(k) + ": FP " + got + ", CME " + exact);
            }
        }
        double worst = 0;
        for (int k = 5; k < problem.sampleCount(); k++) {
            double l1 = Distances.l1(cme.at(k).joint(), fp.at(k).joint());
            worst = Math.max(worst, l1);
            assertTrue(l1 <= (problem.time(k) >= 4 ? 0.03 : 0.05), "joint L1 to the master equation at t = " + problem.time(k) + ": " + l1);
            assertEquals(1.0, fp.at(k).mass(), 1e-11, "mass at t = " + problem.time(k));
        }
        System.out.printf("predator–prey Ω = 100: worst joint L1(FP, CME) over [0.5, 10] = %.4f%n", worst);
        // probability a new box did not cover (kept in its edge cells, counted twice in the error estimate): 2.2e-8 by t = 10
        assertTrue((double) fp.info().get("outsideMass") < 1e-7, "nothing left outside a box: " + fp.info().get("outsideMass"));
    }

    /**
     * Before t = 0.5 the predator–prey cloud is a few lattice steps wide and the joint L1 distance
     * to the master equation exceeds 0.05 (0.127 at t = 0.1). That is the diffusion
     * approximation's own distance, not the grid's: with cells half as wide (twice the cells per
     * sd, four times the cells) the distance moves by less than a hundredth of itself while the
     * solver's error estimate drops fourfold (second order) to a fraction of the distance.
     * Measured: 0.1266, 0.0781, 0.0596 at t = 0.1, 0.2, 0.3 on both grids (and on a grid four
     * times as fine); error estimates ≈ 1.8e-3 → 4.5e-4.
     */
    @Test
    void predatorPreyEarlyDistanceIsTheApproximationsOwn() {
        Model m = FpTestModels.preset("predator-prey");
        Problem problem = new Problem(m, new double[] {0, 0.1, 0.2, 0.3}, 1, 1, SolverOptions.defaults());
        SolverResult cme = new org.kmlab.solve.cme.FiniteStateProjection().solve(problem, SnapshotListener.NONE, CancellationToken.none());
        SolverResult grid = FokkerPlanck2D.solve(problem, 1, SnapshotListener.NONE, CancellationToken.none());
        SolverResult finer = FokkerPlanck2D.solve(problem, 2, SnapshotListener.NONE, CancellationToken.none());
        double[] perSd = (double[]) grid.info().get("cellsPerSd"), finerPerSd = (double[]) finer.info().get("cellsPerSd");
        assertEquals(2, finerPerSd[0] / perSd[0], 0.01, "twice the cells per sd: " + perSd[0] + " → " + finerPerSd[0]);
        for (int k = 1; k < problem.sampleCount(); k++) {
            String at = "t = " + problem.time(k);
            double d = Distances.l1(cme.at(k).joint(), grid.at(k).joint()), dFiner = Distances.l1(cme.at(k).joint(), finer.at(k).joint());
            System.out.printf("predator–prey Ω = 100, %s: joint L1(FP, CME) %.4f, on the finer grid %.4f (error estimates %.1e, %.1e)%n",
                    at, d, dFiner, grid.at(k).error(), finer.at(k).error());
            assertTrue(d > 0.05, "beyond the bound at " + at + ": " + d);
            assertEquals(d, dFiner, 0.01 * d, "the grid is not what sets the distance at " + at);
            assertTrue(finer.at(k).error() < grid.at(k).error() / 3 && finer.at(k).error() < 0.02 * d,
                    "the finer grid's error estimate is second order and far below the distance at " + at + ": " + grid.at(k).error() + " → " + finer.at(k).error());
        }
    }

    /**
     * The default grid follows the cloud with a fixed resolution: every re-plan gives the coarse
     * grid between c and BAND·c cells per standard deviation of the cloud's narrowest direction
     * (the check grid twice that), whatever Ω, so the cells shrink with the cloud as Ω grows.
     */
    @Test
    void theDefaultGridHasAFixedNumberOfCellsPerStandardDeviation() {
        for (double omega : new double[] {20, 1000}) {
            Model m = FpTestModels.preset("predator-prey").with("Omega", omega).with("X0", 0.5 * omega).with("Y0", 0.2 * omega);
            SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, Problem.uniformTimes(2, 5), 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
            double[] perSd = (double[]) r.info().get("cellsPerSd");
            assertTrue(perSd[0] >= FramePlanner2D.CELLS_PER_SD * (1 - 1e-9) && perSd[1] <= FramePlanner2D.BAND * FramePlanner2D.CELLS_PER_SD * (1 + 1e-9),
                    "Ω = " + omega + ": coarse cells per sd in " + java.util.Arrays.toString(perSd));
        }
    }

    /**
     * The jump (−2, +1) of 2A→B gets its own lines of cells (a knight's move on the grid), so its
     * B_xy = −2a/Ω² is still a positive stencil: nothing is clipped. The propensity is linear (k·A),
     * so the moment ODEs are exact references, as for A→B→∅; same tolerances, from the run's own
     * error estimate. 2A→B keeps A + 2B fixed, so the cloud is a line as thin as the initial bump
     * and the box reaches MAX_CELLS with about one cell per sd across it: the estimate is large
     * (ε = 0.020 at t = 0.5) and the covariances are off by 0.2% (6.4e-6 in Σ_BB; 8.9e-7 on a grid
     * twice as fine, 3.9e-7 four times).
     */
    @Test
    void offGridJumpsGetTheirOwnLines() {
        double omega = 40, k = 0.5;
        Model m = new Model("dimerise", "", List.of(new Species("A", 40, false), new Species("B", 10, false)),
                List.of(new Parameter("k", k, 0, 5, "")), new SystemSize(omega, 1, 1000),
                List.of(new Reaction("pair", "2 A -> B", null, "k*A")));
        double[] times = {0, 0.25, 0.5};
        Checks checks = new Checks();
        SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), checks, CancellationToken.none());
        assertEquals(1, r.info().get("directions"), "one jump direction, (−2, 1)");
        double[][] jac = {{-2 * k, 0}, {k, 0}};
        double[][][] bPerX = {{{4 * k / omega, -2 * k / omega}, {-2 * k / omega, k / omega}}, {{0, 0}, {0, 0}}};
        assertMomentsWithinTheEstimate(r, jac, bPerX, 1e-9, 0.05, "2A → B");
    }

    /**
     * A fast exchange A ⇌ B (rates f·k1·A, f·k2·B) with slow decay B → ∅: along the exchange's
     * anti-diagonal lines the drift relaxes at f·(k1 + k2), 40 per unit time at f = 20, where Strang's
     * splitting error in the covariance stops accumulating after the relaxation time: the step is
     * bounded by the relaxation (τ·k ≲ 0.1), not by k·√(B/Σ) per unit time as for a drift that
     * does not relax (that bound took 17,665 steps on the enzyme preset at fast = 10, 3,229 now,
     * with the same distance to the master equation: 0.1245 and 0.1243 at worst from t = 1). The
     * network is linear, so the moment ODEs are exact references, with the tolerances of the tests
     * above from the run's own estimate; and the run takes a number of steps set by the shear
     * bound: 217 steps to t = 2 at f = 1, 815 to t = 1 at f = 20 (3,359 with the former bound).
     */
    @ParameterizedTest(name = "f = {0}, Ω = {1}")
    @CsvSource({"1, 20, 150, 50, 2, 400, 0.02", "20, 20, 150, 50, 1, 1200, 0.02",
            "20, 1, 150, 50, 1, 1200, 0.02", "20, 10000, 75000, 25000, 1, 1200, 0.1"})
    void aFastRelaxingDirectionIsExactWithinTheEstimateInFewSteps(double fast, double omega, long a0, long b0, double tEnd, long mostSteps, double largestEstimate) {
        double k1 = 1, k2 = 1, k3 = 0.5;
        Model m = new Model("fast-exchange", "", List.of(new Species("A", a0, false), new Species("B", b0, false)),
                List.of(new Parameter("f", fast, 0, 100, "")), new SystemSize(omega, 1, 1000),
                List.of(new Reaction("bind", "A -> B", null, "f*" + k1 + "*A"),
                        new Reaction("unbind", "B -> A", null, "f*" + k2 + "*B"),
                        new Reaction("decay", "B -> 0", null, k3 + "*B")));
        double[] times = {0, tEnd / 4, tEnd / 2, tEnd};
        Checks checks = new Checks();
        SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), checks, CancellationToken.none());
        double[][] jac = {{-fast * k1, fast * k2}, {fast * k1, -fast * k2 - k3}};
        double a = fast * k1 / omega, b = fast * k2 / omega, c = k3 / omega;
        double[][][] bPerX = {{{a, -a}, {-a, a}}, {{b, -b}, {-b, b + c}}};
        String run = "f = " + fast + ", Ω = " + omega;
        assertMomentsWithinTheEstimate(r, jac, bPerX, 1e-11, largestEstimate, run);
        long steps = ((Number) r.info().get("steps")).longValue();
        System.out.printf("fast exchange %s: %d steps to t = %s, largest estimate %.2e%n", run, steps, tEnd, r.at(times.length - 1).error());
        assertTrue(steps <= mostSteps, run + ": " + steps + " steps to t = " + tEnd);
    }

    /** The benchmark's grid (256 × 256 around the predator–prey cloud): steps keep mass to 1e-12 and P ≥ 0. */
    @Test
    void stepsOnABenchmarkGridKeepMassAndPositivity() {
        FokkerPlanck2D fp = FokkerPlanck2D.prepare(FpTestModels.preset("predator-prey"), 10, 256);
        double mass = fp.mass();
        for (int k = 0; k < 10; k++) fp.step();
        assertEquals(mass, fp.mass(), 1e-12 * mass);
        assertTrue(fp.minimum() >= 0);
        assertEquals(3, fp.directions(), "x, y and anti-diagonal jumps");
    }

    @Test
    void cancellingStopsA2dRun() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        Problem problem = new Problem(FpTestModels.preset("a-b-decay"), new double[] {0, 1}, 1, 1, SolverOptions.defaults().withGridCells(32));
        assertThrows(org.kmlab.solve.CancelledException.class, () -> new FokkerPlanckSolver().solve(problem, SnapshotListener.NONE, token));
    }

    @Test
    void threeSpeciesAreRefusedWithAMessage() {
        Model m = new Model("three", "", List.of(new Species("A", 1, false), new Species("B", 1, false), new Species("C", 1, false)),
                List.of(new Parameter("k", 1, 0, 5, "")), new SystemSize(10, 1, 100), List.of(new Reaction("r", "A -> B", "k", null)));
        FokkerPlanckSolver solver = new FokkerPlanckSolver();
        assertFalse(solver.supports(m));
        SolverException e = assertThrows(SolverException.class, () -> solver.solve(Problem.of(m, org.kmlab.model.RunSettings.defaults(), SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }
}
