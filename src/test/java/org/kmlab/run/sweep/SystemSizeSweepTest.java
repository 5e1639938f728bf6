package org.kmlab.run.sweep;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.RunSettings;
import org.kmlab.model.TestPresets;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Workers;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system-size sweep on birth–death (0 → X at k1·Ω, so the stationary mean k1/k2 stays put in
 * x units while the copy numbers grow with Ω): the seed's system-size argument as slopes, the
 * Ω^(1−k) scaling of the Kramers–Moyal coefficients, a prompt cancellation and a sweep that does
 * not depend on the thread count.
 */
class SystemSizeSweepTest {
    private static final SolverRegistry REGISTRY = SolverRegistry.builtIn();
    private static final Model BIRTH_DEATH = TestPresets.model("birth-death");

    private static SweepRequest request(Model m, double[] omegas, double time, List<String> solvers, int fpCells) {
        RunSettings s = TestPresets.read("birth-death").run().withSolvers(solvers).withFpCells(fpCells).withTrajectories(2000);
        return SweepRequest.of(m, "Omega", omegas, time, s, REGISTRY);
    }

    private static SweepResult sweep(SweepRequest r, int threads) throws InterruptedException {
        try (Workers pool = Workers.pool("sweep-test", threads)) {
            return new SystemSizeSweep(REGISTRY).start(r, pool).await();
        }
    }

    /**
     * Each Ω starts from the model's initial state in x units (the counts round(x₀·Ω)), as the
     * system-size expansion compares them: the logistic's X0 = 10 at Ω = 10 (x₀ = 1) becomes 3 at
     * Ω = 3 and 100 at Ω = 100 (kept at 10, it started at x₀ = 3.3 and 0.1), the double well's
     * signed X0 = −20 at Ω = 20 (the left well, x₀ = −1) becomes −5 and −100, and x₀·Ω = 1.5
     * rounds to 2, from Ω = 1 to 10⁴ (a count past 10¹⁵ is refused up front). A sweep over another
 * parameter keeps the counts.
     */
    @Test
    void everySystemSizeStartsFromTheSameInitialState() {
        RunSettings s = TestPresets.read("logistic").run();
        for (String preset : new String[] {"logistic", "double-well"}) {
            Model m = TestPresets.model(preset);
            SweepRequest r = SweepRequest.of(m, "Omega", new double[] {1, 3, 5, 100, 1e4}, 1, s, REGISTRY);
            for (int i = 0; i < r.size(); i++) {
                Model at = r.modelAt(i);
                assertEquals(r.value(i), at.size());
                assertEquals(Math.round(m.initialX()[0] * r.value(i)), at.initialCounts()[0], preset + " at Ω = " + r.value(i));
            }
        }
        assertEquals(100, SweepRequest.of(TestPresets.model("logistic"), "Omega", new double[] {3, 100}, 1, s, REGISTRY).modelAt(1).initialCounts()[0]);
        assertEquals(-5, SweepRequest.of(TestPresets.model("double-well"), "Omega", new double[] {5, 100}, 1, s, REGISTRY).modelAt(0).initialCounts()[0]);
        assertEquals(2, TestPresets.model("logistic").with("X0", 3).atSystemSize(5).initialCounts()[0], "x₀·Ω = 1.5 rounds to 2");
        assertEquals(-10_000, SweepRequest.of(TestPresets.model("double-well"), "Omega", new double[] {1, 1e4}, 1, s, REGISTRY).modelAt(1).initialCounts()[0]);
        assertThrows(ModelException.class, () -> SweepRequest.of(TestPresets.model("logistic"), "Omega", new double[] {1, 2e15}, 1, s, REGISTRY),
                "a count past 10^15 is refused before any run");
        SweepRequest overB = SweepRequest.of(TestPresets.model("logistic"), "b", new double[] {0.5, 2}, 1, s, REGISTRY);
        assertEquals(10, overB.modelAt(1).initialCounts()[0]);
        assertEquals(10, overB.modelAt(1).size());
    }

    /**
     * Ω = 3, 10, 30, 100 at t = 10 (stationary to 5·10⁻⁵): the linear noise approximation's L1 and
     * Hellinger distances to the master equation fall like Ω^(−½) (a Gaussian against a Poisson
     * law of mean 10·Ω: L1 ≈ 0.25/√(10·Ω)), the Fokker–Planck equation's like Ω⁻¹ (its stationary
     * law matches Poisson's first three cumulants). The FP slope is read from the Hellinger
     * distance: its L1 distance at Ω = 100 is still about twice the exact 3.8·10⁻⁵ of the FP law
     * (discretisation error of the FP solver, 4,096 cells here), which bends the L1 slope to −0.8.
     */
    @Test
    void stationarySlopesAreMinusOneForFokkerPlanckAndMinusOneHalfForTheLinearNoiseApproximation() throws InterruptedException {
        SweepResult r = sweep(request(BIRTH_DEATH, new double[] {3, 10, 30, 100}, 10, List.of("cme", "fp", "lna"), 4096), 2);
        assertEquals(SweepResult.State.DONE, r.state());
        assertEquals("cme", r.reference());
        SolverSeries fp = r.series("fp").orElseThrow(), lna = r.series("lna").orElseThrow();
        assertEquals(-1, fp.hellingerFit().slope(), 0.15, "FP Hellinger " + java.util.Arrays.toString(fp.hellinger()));
        assertEquals(-0.5, lna.l1Fit().slope(), 0.15, "LNA L1 " + java.util.Arrays.toString(lna.l1()));
        assertEquals(-0.5, lna.hellingerFit().slope(), 0.15, "LNA Hellinger " + java.util.Arrays.toString(lna.hellinger()));
        assertEquals(4, fp.l1Fit().points());
        for (int i = 0; i < 4; i++) assertTrue(fp.l1()[i] < lna.l1()[i], "FP is the better approximation at Ω = " + r.values()[i]);
        assertEquals(0.25 / Math.sqrt(10 * 100), lna.l1()[3], 0.1 * lna.l1()[3], "LNA at Ω = 100 against the Gaussian-vs-Poisson estimate");
    }

    /**
     * The analytic coefficients at the fixed point x* = k1/k2: M_k(x*) = (k1 + (−1)^k k2 x*)/Ω^(k−1),
     * so the even orders scale exactly like Ω^(1−k) and the odd ones cancel (jumps ±1 balance
     * where the drift does): no slope, and a note saying why.
     */
    @Test
    void theKthCoefficientAtTheFixedPointScalesLikeOmegaToTheOneMinusK() throws InterruptedException {
        SweepResult r = sweep(request(BIRTH_DEATH, new double[] {3, 10, 30, 100}, 10, List.of("cme", "lna"), 0), 2);
        CoefficientScaling analytic = r.coefficients("analytic").orElseThrow();
        for (int k : new int[] {2, 4, 6}) {
            assertEquals(1 - k, analytic.fitOf(k).slope(), 1e-6, "order " + k);
            assertEquals(1 - k, analytic.expected()[analytic.indexOf(k)], 0.0);
            double omega = r.values()[1], factorial = k == 2 ? 2 : k == 4 ? 24 : 720;
            assertEquals(2 * 10 * Math.pow(omega, 1 - k) / factorial, analytic.sizesOf(k)[1], 1e-9 * analytic.sizesOf(k)[1], "|M_k(x*)|/k! = 2·k1/Ω^(k−1)/k!");
        }
        for (int k : new int[] {3, 5}) {
            assertFalse(analytic.fitOf(k).exists(), "order " + k + " cancels at x*");
            assertTrue(analytic.notes()[analytic.indexOf(k)].startsWith("vanishes"), analytic.notes()[analytic.indexOf(k)]);
        }
    }

    /** Pair annihilation (jumps +1, −2): no cancellation, and n(n−1)/Ω moves x* only slightly, so the slopes are 1 − k within 0.05. */
    @Test
    void skewedJumpsGiveEveryOrderItsSlope() throws InterruptedException {
        Model m = TestPresets.model("annihilation");
        RunSettings s = TestPresets.read("annihilation").run().withSolvers(List.of("cme", "lna"));
        SweepResult r = sweep(SweepRequest.of(m, "Omega", new double[] {10, 30, 100}, 5, s, REGISTRY), 2);
        CoefficientScaling analytic = r.coefficients("analytic").orElseThrow();
        for (int k = 2; k <= 6; k++) assertEquals(1 - k, analytic.fitOf(k).slope(), 0.05, "order " + k);
    }

    /** A sweep with long SSA runs, cancelled once under way: it ends within a second, as cancelled, with the values not done left empty. */
    @Test
    void cancellationStopsASweepPromptly() throws InterruptedException {
        RunSettings s = TestPresets.read("birth-death").run().withSolvers(List.of("cme", "ssa")).withTrajectories(100_000);
        SweepRequest r = SweepRequest.of(BIRTH_DEATH, "Omega", new double[] {10, 20, 30, 40}, 20, s, REGISTRY);   // 4·10⁸ to 1.6·10⁹ SSA events a value
        try (Workers pool = Workers.pool("sweep-test", 2)) {
            SweepRun run = new SystemSizeSweep(REGISTRY).start(r, pool);
            long until = System.nanoTime() + 20_000_000_000L;
            while (run.progress() < 0.001 && System.nanoTime() < until) Thread.sleep(20);   // under way: the SSA reports progress
            assertTrue(run.progress() >= 0.001, "the sweep got under way");
            assertFalse(run.isDone(), "still running when cancelled");
            long cancelledAt = System.nanoTime();
            run.cancel();
            SweepResult result = run.await();
            double seconds = (System.nanoTime() - cancelledAt) * 1e-9;
            assertTrue(seconds < 1, "stopped " + seconds + " s after the cancellation");
            assertEquals(SweepResult.State.CANCELLED, result.state());
            assertTrue(result.finishedCount() < r.size(), "values left undone: " + result.finishedCount());
            assertTrue(Double.isNaN(result.series("ssa").orElseThrow().l1()[r.size() - 1]));
        }
    }

    /** With the SSA in it (its histogram is the random part), the same seed gives the same sweep, bit for bit, on 1 and 2 threads. */
    @Test
    void theSameSeedGivesTheSameSweepOnOneAndTwoThreads() throws InterruptedException {
        SweepRequest r = request(BIRTH_DEATH, new double[] {2, 5, 10}, 3, List.of("cme", "fp", "lna", "ssa"), 0);
        SweepResult one = sweep(r, 1), two = sweep(r, 2);
        for (String id : List.of("fp", "lna", "ssa")) {
            assertArrayEquals(one.series(id).orElseThrow().l1(), two.series(id).orElseThrow().l1(), 0.0, id);
            assertArrayEquals(one.series(id).orElseThrow().hellinger(), two.series(id).orElseThrow().hellinger(), 0.0, id);
        }
        assertTrue(one.series("ssa").orElseThrow().l1()[0] > 0);
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        RunSettings s = TestPresets.read("birth-death").run().withSolvers(List.of("cme", "fp"));
        assertTrue(assertThrows(ModelException.class, () -> SweepRequest.of(BIRTH_DEATH, "Omgea", new double[] {1, 2}, 1, s, REGISTRY))
                .getMessage().contains("unknown parameter 'Omgea'"));
        assertTrue(assertThrows(ModelException.class, () -> SweepRequest.of(BIRTH_DEATH, "Omega", new double[] {1, 0}, 1, s, REGISTRY))
                .getMessage().contains("> 0"));
        assertTrue(assertThrows(ModelException.class, () -> SweepRequest.of(BIRTH_DEATH, "Omega", new double[] {3, 3}, 1, s, REGISTRY))
                .getMessage().contains("twice"));
        assertTrue(assertThrows(ModelException.class, () -> SweepRequest.of(BIRTH_DEATH, "Omega", new double[] {3}, 1, s, REGISTRY))
                .getMessage().contains("at least 2 values"));
        assertTrue(assertThrows(ModelException.class, () -> SweepRequest.of(BIRTH_DEATH, "k2", new double[] {1, -1}, 1, s, REGISTRY))
                .getMessage().contains("> 0"));
        assertTrue(assertThrows(ModelException.class, () -> SweepRequest.of(BIRTH_DEATH, "Omega", new double[] {1, 2}, 1, s.withSolvers(List.of("fp", "lna")), REGISTRY))
                .getMessage().contains("include cme"));
        SweepRequest ok = SweepRequest.of(BIRTH_DEATH, "Omega", new double[] {30, 3, 10}, 2, s, REGISTRY);
        assertArrayEquals(new double[] {3, 10, 30}, ok.values(), 0.0, "values in increasing order");
        assertEquals(2, ok.settings().tEnd(), 0.0);
    }

    @Test
    void logLogFitRecoversAPowerLawAndSkipsUnusablePoints() {
        double[] x = {1, 2, 4, 8, 16}, y = new double[5];
        for (int i = 0; i < 5; i++) y[i] = 3 * Math.pow(x[i], -1.5);
        y[2] = Double.NaN;
        LogLogFit f = LogLogFit.of(x, y);
        assertEquals(-1.5, f.slope(), 1e-12);
        assertEquals(4, f.points());
        assertEquals(3 * Math.pow(5, -1.5), f.at(5), 1e-12);
        assertFalse(LogLogFit.of(new double[] {1, 2}, new double[] {0, 1}).exists(), "a zero has no logarithm: one point left");
    }
}
