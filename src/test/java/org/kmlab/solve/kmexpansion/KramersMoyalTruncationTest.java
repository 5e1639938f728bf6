package org.kmlab.solve.kmexpansion;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.cme.FiniteStateProjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kramers–Moyal expansion cut after order 2, 3, 4, against the master equation (the full
 * series, the reference) and against exact moments: order 2 is a probability equation (mass 1,
 * P ≥ 0); orders 3 and 4 are not (Pawula) and go negative on a model with skewed jumps; each
 * added order brings the density closer to the master equation and gets one more moment right;
 * an order-4 truncation on cells finer than the jumps is refused with a reason.
 */
class KramersMoyalTruncationTest {
    private static SolverResult solve(int order, Model m, double tEnd, int samples, int cells) {
        Problem p = new Problem(m, Problem.uniformTimes(tEnd, samples), 1, 1, SolverOptions.defaults().withGridCells(cells));
        return new KramersMoyalTruncation(order).solve(p, SnapshotListener.NONE, CancellationToken.none());
    }

    private static SolverResult masterEquation(Model m, double tEnd, int samples) {
        Problem p = new Problem(m, Problem.uniformTimes(tEnd, samples), 1, 1, SolverOptions.defaults());
        return new FiniteStateProjection().solve(p, SnapshotListener.NONE, CancellationToken.none());
    }

    @Test
    void orderTwoKeepsMassOneAndProbabilitiesNonNegative() {
        for (Model m : new Model[] {TestPresets.model("birth-death").with("Omega", 5), TestPresets.model("annihilation"),
                TestPresets.model("pair-births")}) {
            SolverResult r = solve(2, m, 5, 21, 0);
            for (Snapshot s : r.snapshots()) {
                assertEquals(1, s.mass(), 1e-12, m.name() + " at t = " + s.time());
                double[] p = s.marginal(0).p();
                for (int i = 0; i < p.length; i++) assertTrue(p[i] >= 0, m.name() + ": P < 0 at cell " + i + ", t = " + s.time() + ": " + p[i]);
            }
            assertEquals(0.0, (double) r.info().get("maxNegativeMass"), m.name());
        }
    }

    /**
     * Pair annihilation (jumps +1 and −2) at its preset values: orders 3 and 4 give "probability"
     * below zero (Pawula 1967: a truncation beyond order 2 cannot keep P ≥ 0), while the total
     * stays 1; order 2 never does. Measured: max negative mass 1.2e-4 (order 3) and 6.1e-4
     * (order 4, at t = 0.5); the bound asks for a tenth of the smaller.
     */
    @Test
    void ordersThreeAndFourGoNegativeOnTheSkewedModel() {
        Model m = TestPresets.model("annihilation");
        for (int order = 3; order <= 4; order++) {
            SolverResult r = solve(order, m, 5, 11, 0);
            double negative = (double) r.info().get("maxNegativeMass");
            assertTrue(negative > 1e-5, "order " + order + ": negative mass " + negative);
            double min = 0;
            for (Snapshot s : r.snapshots()) {
                assertEquals(1, s.mass(), 1e-10, "the signed total is conserved");
                for (double v : s.marginal(0).p()) min = Math.min(min, v);
            }
            assertTrue(min < 0, "order " + order + " has negative densities");
        }
    }

    /**
     * Births in pairs (jumps +2 and −1, Ω = 2): the master equation is the reference. Its law is
     * skewed (M₃ ≠ 0 where the drift vanishes), which order 2 cannot carry: at t = 5 the L1
     * distance falls from 0.047 (order 2) to 0.015 (order 3); the order-4 truncation, on its
     * widened cells, is at 0.017.
     */
    @Test
    void theThirdOrderBringsTheSkewedLawCloserToTheMasterEquation() {
        Model m = TestPresets.model("pair-births");
        Density1D exact = masterEquation(m, 5, 2).last().marginal(0);
        double two = Distances.l1(exact, solve(2, m, 5, 2, 0).last().marginal(0));
        double three = Distances.l1(exact, solve(3, m, 5, 2, 0).last().marginal(0));
        double four = Distances.l1(exact, solve(4, m, 5, 2, 0).last().marginal(0));
        assertTrue(three < 0.5 * two, "order 3 " + three + " against order 2 " + two);
        assertTrue(four < 0.5 * two, "order 4 " + four + " against order 2 " + two);
    }

    /**
     * Linear birth–death from X₀ = 100 at Ω = 5 (far from the wall) to t = 1: the exact law is
     * binomial(X₀, e^−t) ⊛ Poisson(λ(1 − e^−t)), λ = 50. The KM series acting on a polynomial of
     * degree m stops after order m, so a truncation after order k has the exact first k moments:
     * orders 2 and 3 give the exact mean and variance, order 3 also the third cumulant (the start, one lattice cell of
     * probability, adds h²/12·e^(−2t) to the variance and nothing to the third cumulant), which
     * order 2 misses by ∫⟨M₃⟩: 21 % here (while the mean relaxes; at a stationary mean ⟨M₃⟩ = 0).
     */
    @Test
    void theOrderKTruncationHasTheExactFirstKMoments() {
        double omega = 5, n0 = 100, lambda = 50, t = 1, e = Math.exp(-t);
        Model m = TestPresets.model("birth-death").with("Omega", omega).with("X0", n0);
        double mean = (n0 * e + lambda * (1 - e)) / omega;
        // the truncations start from one lattice cell of probability: a uniform bump of variance h²/12, relaxing like e^(−2t)
        double variance = (n0 * e * (1 - e) + lambda * (1 - e) + e * e / 12) / (omega * omega);
        double third = (n0 * e * (1 - e) * (1 - 2 * e) + lambda * (1 - e)) / (omega * omega * omega);
        Density1D two = solve(2, m, t, 2, 0).last().marginal(0), three = solve(3, m, t, 2, 0).last().marginal(0);
        for (Density1D d : new Density1D[] {two, three}) {
            assertEquals(mean, d.mean(), 1e-6 * mean);
            assertEquals(variance, d.variance(), 1e-5 * variance);
        }
        assertEquals(third, thirdCumulant(three), 0.005 * third, "order 3");
        assertTrue(Math.abs(thirdCumulant(two) - third) > 0.1 * third, "order 2 misses the third cumulant: " + thirdCumulant(two) + " vs " + third);
    }

    private static double thirdCumulant(Density1D d) {
        double mu = d.mean(), s = 0, w = 0;
        for (int i = 0; i < d.size(); i++) { double x = d.x(i) - mu; s += x * x * x * d.density(i); w += d.density(i); }
        return s / w;
    }

    /** Order 4 on 2,000 cells of 0.01 lattice steps: refused, with the reason and a grid that works, instead of drawing noise. */
    @Test
    void anUnstableOrderFourGridIsRefusedWithAReason() {
        SolverException e = assertThrows(SolverException.class, () -> solve(4, TestPresets.model("annihilation"), 2, 11, 2000));
        assertTrue(e.getMessage().startsWith("km4: the order-4 truncation is unstable on this grid"), e.getMessage());
        assertTrue(e.getMessage().contains("anti-diffusive") && e.getMessage().contains("use at most"), e.getMessage());
    }

    /** On cells it chose, order 4 says that it widened them, and why; birth–death (jumps ±1) needs 1/√3 of a lattice step. */
    @Test
    void orderFourWidensItsOwnCellsAndSaysSo() {
        SolverResult r = solve(4, TestPresets.model("birth-death").with("Omega", 5), 2, 3, 0);
        double steps = (double) r.info().get("latticeStepsPerCell");
        assertTrue(steps >= 1 / Math.sqrt(3) && steps < 0.65, "cells of " + steps + " lattice steps");
        assertTrue(String.valueOf(r.info().get("widenedForStability")).contains("anti-diffusive"), r.info().toString());
        double[] d2 = {3, 5}, d4 = {3 / 12.0, 5 / 12.0};   // M₄/M₂ = h² with h = 1: D₄/D₂ = (M₄/24)/(M₂/2) = 1/12
        assertEquals(1 / Math.sqrt(3), GridStability.stableWidth(d2, d4), 1e-12);
    }
}
