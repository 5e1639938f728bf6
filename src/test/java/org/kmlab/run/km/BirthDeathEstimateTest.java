package org.kmlab.run.km;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Birth–death at Ω = 1 (k1 = 10, k2 = 1, started at its mean 10), 10⁴ SSA trajectories to t = 5
 * seen every Δt = 0.02. Each bin holds one lattice point, so every bin's estimate has an exact
 * expectation: the finite-Δt moments E[Δ^k | n]/Δt from the master equation. The third and fourth
 * are checked against those within 4 standard errors; extrapolated to Δt → 0 they are checked
 * against the jump moments Σ_r ν_r^k a_r(x)·Ω^(−k) (x units; Ω^(1−k) per unit volume), which for
 * birth–death are k1 − k2·x (odd k) and k1 + k2·x (even k), within 4 of their standard errors.
 * About 40 checks at 4 SE: a false failure about once in 400 runs; the seed is fixed.
 */
class BirthDeathEstimateTest {
    static final double DT = 0.02;
    static Model model;
    static KmFixtures.Ensemble run;
    static KmEstimate estimate;

    @BeforeAll static void simulate() {
        model = KmFixtures.preset("birth-death").with("X0", 10);
        run = KmFixtures.run(model, 5, 26, 10_000, 5, DT, false, 2);
        estimate = KmAnalysis.estimate(run.table(), KmSettings.defaults().withDt(DT).withBins(60));
    }

    @Test void thirdAndFourthMomentsAtDtAreTheMasterEquations() {
        MomentEstimates m = estimate.lags().get(0);
        assertEquals(1.0, run.table().grid().spacing(), 1e-12, "one lattice point per cell");
        int checked = 0;
        for (int b = 0; b < m.size(); b++) {
            if (m.samples(b) < 1000) continue;
            long n = Math.round(m.x(b));
            assertEquals(n, m.x(b), 1e-9, "one lattice point per bin");
            double[] exact = ExactIncrements.moments(model, n, DT, 4);
            for (int k = 3; k <= 4; k++) assertEquals(exact[k] / DT, m.moment(k, b), 4 * m.se(k, b), "M" + k + " at n = " + n);
            checked++;
        }
        assertTrue(checked >= 12, "well-populated bins: " + checked);
    }

    @Test void extrapolatedToZeroStepTheyAreTheJumpMoments() {
        MomentEstimates z = estimate.zero();
        KramersMoyal km = new KramersMoyal(model);
        int checked = 0;
        for (int b = 0; b < z.size(); b++) {
            if (z.samples(b) < 1000) continue;
            double x = z.x(b);
            for (int k = 1; k <= 4; k++) {
                assertEquals(km.moment(k, x), z.moment(k, b), 4 * z.se(k, b), "M" + k + "(Δt → 0) at x = " + x);
            }
            assertEquals(k1PlusMinus(x, 3), km.moment(3, x), 1e-9, "Σν³a = k1 − k2·x");
            assertEquals(k1PlusMinus(x, 4), km.moment(4, x), 1e-9, "Σν⁴a = k1 + k2·x");
            checked++;
        }
        assertTrue(checked >= 12, "well-populated bins: " + checked);
    }

    private static double k1PlusMinus(double x, int k) { return k % 2 == 0 ? 10 + x : 10 - x; }

    @Test void pawulaSaysJumpsMatterAtSmallOmega() {
        PawulaTest p = estimate.pawula();
        assertEquals(PawulaTest.Verdict.JUMPS, p.verdict(), p.line());
        assertTrue(p.line().contains("jumps matter"), p.line());
        assertTrue(p.q() > 1.5 * p.bDt(), "Q = M₆/(5M₄) well above B·Δt: " + p.qLine());
    }

    @Test void theSumsAreTheSameOnOneThreadAndOnTwo() {
        Model m = model;
        KmFixtures.Ensemble one = KmFixtures.run(m, 1, 3, 700, 9, 0.05, false, 1), two = KmFixtures.run(m, 1, 3, 700, 9, 0.05, false, 2);
        IncrementTable a = one.table(), b = two.table();
        for (int lag = 0; lag < a.lags(); lag++) {
            for (int c = 0; c < a.grid().cells(); c++) {
                double[] pa = new double[13], pb = new double[13];
                pa[0] = a.count(lag, c);
                pb[0] = b.count(lag, c);
                for (int p = 1; p <= 12; p++) { pa[p] = a.sumPower(lag, c, p); pb[p] = b.sumPower(lag, c, p); }
                assertArrayEquals(pa, pb, 0.0, "lag " + lag + ", cell " + c);
                assertEquals(a.sumX(lag, c), b.sumX(lag, c), 0.0);
            }
        }
        // every trajectory's every fine step from j = ℓ on gives one increment of lag ℓ when ℓ divides j
        List<Integer> perLag = List.of(20, 10, 6, 5);
        for (int lag = 0; lag < 4; lag++) assertEquals(700.0 * perLag.get(lag), a.total(lag) + a.outside(lag), "lag " + (lag + 1));
    }
}
