package org.kmlab.run.km;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kramers–Moyal estimation from the SSA on the Ornstein–Uhlenbeck walk (presets/ornstein-uhlenbeck.json:
 * θ = 1, D = 0.5, Ω = 20, from x = 2), 5,000 trajectories to t = 3 seen every Δt = 0.02 through the
 * fine-step hook. Each bin's estimate is compared with its exact expectation: the finite-Δt jump
 * moments from the walk's master equation ({@link ExactIncrements}) averaged over the bin's lattice
 * points with the bin's own counts, within 4 of the estimate's standard errors. The drift is linear,
 * so the finite-Δt mean is exactly x(e^{−θΔt} − 1): the naive slope is (e^{−θΔt} − 1)/Δt, not −θ.
 * The Δt → 0 extrapolation is compared with the walk's own coefficients A = −θx and
 * B = D + hθ|x| (→ D as h → 0), within 4 of its standard errors.
 * About 100 checks at 4 SE: a false failure once in about 150 runs for a correct estimator; the
 * seed is fixed.
 */
class OrnsteinUhlenbeckEstimateTest {
    static final double THETA = 1, D = 0.5, DT = 0.02;
    static Model model;
    static KmFixtures.Ensemble run;
    static KmEstimate estimate;

    @BeforeAll static void simulate() {
        model = KmFixtures.preset("ornstein-uhlenbeck");
        run = KmFixtures.run(model, 3, 31, 5_000, 11, DT, false, 2);
        estimate = KmAnalysis.estimate(run.table(), KmSettings.defaults().withDt(DT).withBins(30));
    }

    /** Σ_c n_c f(c) / Σ_c n_c over the bin's cells, with lag-0 counts. */
    static double binAverage(IncrementTable t, List<Integer> edges, int b, IntToDoubleFunction f) {
        double n = 0, s = 0;
        for (int c = edges.get(b); c < edges.get(b + 1); c++) {
            double cnt = t.count(0, c);
            if (cnt == 0) continue;
            n += cnt;
            s += cnt * f.applyAsDouble(c);
        }
        return s / n;
    }

    /** The lattice point of cell c (one lattice point per cell on this grid). */
    static long lattice(IncrementTable t, int c) { return Math.round(t.sumX(0, c) / t.count(0, c) * model.size()); }

    @Test void finiteStepMomentsMatchTheMasterEquationInEveryWellPopulatedBin() {
        IncrementTable t = run.table();
        assertEquals(1 / model.size(), t.grid().spacing(), 1e-12, "one lattice point per cell");
        List<Integer> edges = new BinnedEstimator(30).edges(t);
        MomentEstimates m = estimate.lags().get(0);
        int checked = 0;
        for (int b = 0; b < m.size(); b++) {
            if (m.samples(b) < 1000) continue;
            double e1 = binAverage(t, edges, b, c -> ExactIncrements.moments(model, lattice(t, c), DT, 2)[1]) / DT;
            double e2 = binAverage(t, edges, b, c -> ExactIncrements.moments(model, lattice(t, c), DT, 2)[2]) / DT;
            assertEquals(e1, m.moment(1, b), 4 * m.se(1, b), "M1 at x = " + m.x(b));
            assertEquals(e2, m.moment(2, b), 4 * m.se(2, b), "M2 at x = " + m.x(b));
            // the exact finite-Δt drift of a linear drift
            assertEquals(m.x(b) * (Math.exp(-THETA * DT) - 1) / DT, e1, 1e-9 + 1e-3 * Math.abs(e1), "E[Δ|x]/Δt = x(e^{−θΔt} − 1)/Δt");
            checked++;
        }
        assertTrue(checked >= 15, "well-populated bins: " + checked);
        double[] slope = estimate.driftSlope()[0];
        assertEquals((Math.exp(-THETA * DT) - 1) / DT, slope[1], 4 * slope[2], "the naive drift slope is (e^{−θΔt} − 1)/Δt");
    }

    @Test void extrapolatingToZeroStepRecoversTheDriftAndDiffusion() {
        IncrementTable t = run.table();
        List<Integer> edges = new BinnedEstimator(30).edges(t);
        MomentEstimates z = estimate.zero();
        KramersMoyal km = new KramersMoyal(model);
        int checked = 0;
        for (int b = 0; b < z.size(); b++) {
            if (z.samples(b) < 1000 || !z.has(2, b)) continue;
            double a = binAverage(t, edges, b, c -> -THETA * lattice(t, c) / model.size());
            double bb = binAverage(t, edges, b, c -> km.diffusion(lattice(t, c) / model.size()));
            assertEquals(a, z.moment(1, b), 4 * z.se(1, b), "A = −θx at x = " + z.x(b));
            assertEquals(bb, z.moment(2, b), 4 * z.se(2, b), "B = D + hθ|x| at x = " + z.x(b));
            checked++;
        }
        assertTrue(checked >= 15, "well-populated bins: " + checked);
        double[] slope = estimate.driftSlope()[4];
        assertEquals(0, slope[0]);
        assertEquals(-THETA, slope[1], 4 * slope[2], "the extrapolated drift slope is −θ");
    }

    @Test void theDiffusionLimitIsNotCalledJumpy() {
        assertTrue(estimate.pawula().verdict() != PawulaTest.Verdict.JUMPS, estimate.pawula().line());
    }
}
