package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.KramersTime;
import org.kmlab.model.Model;
import org.kmlab.model.Propensities;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.cme.FiniteStateProjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Schlögl preset (A + 2X ⇌ 3X, B ⇌ X; wells at x = 1 and 6, barrier at 3): the master
 * equation's long-time law is the one-step detailed-balance product (computed here from the
 * propensities, every up and every down reaction summed, independently of {@link OneStepLaw}), the
 * drawn exact law ({@code "detailedBalance": ["X"]}) is that law, the law is bimodal at the
 * default Ω, and Kramers' formula has the exponents of an independent quadrature.
 */
class SchloglPresetTest {
    private static Snapshot cmeAt(Model m, double t) {
        var r = new FiniteStateProjection().solve(new Problem(m, new double[] {0, t}, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
        return r.at(r.snapshots().size() - 1);
    }

    /** P_n on 0..hi from P_(n+1)/P_n = W+(n)/W−(n+1), W± summed over every reaction jumping ±1; normalised. */
    private static double[] detailedBalance(Model m, int hi) {
        Propensities a = m.propensities();
        double[] env = a.newEnvironment();
        double[] p = new double[hi + 1];
        p[0] = 1;
        double sum = 1;
        for (int n = 0; n < hi; n++) {
            double up = 0, down = 0;
            env[0] = n;
            for (int r = 0; r < a.size(); r++) if (a.jump(r, 0) == 1) up += a.propensity(r, env);
            env[0] = n + 1;
            for (int r = 0; r < a.size(); r++) if (a.jump(r, 0) == -1) down += a.propensity(r, env);
            p[n + 1] = p[n] * up / down;
            sum += p[n + 1];
        }
        for (int n = 0; n <= hi; n++) p[n] /= sum;
        return p;
    }

    /**
     * At Ω = 10 and 20 from the left well, t = 150 (the slowest relaxation, ≈ 1/τ_left + 1/τ_right,
     * is ≥ 0.2 here: e^(−30) ≈ 1e-13): Σ|P_cme − P_db| &lt; 1e-10, and the preset's drawn exact law
     * gives the same distance.
     */
    @Test
    void masterEquationIsTheOneStepDetailedBalanceLaw() {
        for (double omega : new double[] {10, 20}) {
            Model m = TestPresets.model("schlogl").with("Omega", omega).with("X0", omega);
            Snapshot cme = cmeAt(m, 150);
            Density1D d = cme.marginal(0);
            int hi = (int) Math.round(d.x(d.size() - 1) * omega);
            double[] p = detailedBalance(m, hi);
            double l1 = 0, covered = 0;
            for (int c = 0; c < d.size(); c++) {
                int n = (int) Math.round(d.x(c) * omega);
                double q = d.density(c) * d.dx();
                l1 += Math.abs(q - p[n]);
                covered += p[n];
            }
            l1 += 1 - covered;
            assertTrue(l1 < 1e-10, "Ω = " + omega + ": L1(CME, detailed balance) = " + l1);
            double lo = d.x0() - d.dx() / 2, top = d.x(d.size() - 1) + d.dx() / 2;
            double drawn = ExactLaw.of(m, 0, 150, lo, top).orElseThrow().l1(d, true);
            assertTrue(drawn < 1e-10, "Ω = " + omega + ": L1(CME, the preset's exact law) = " + drawn);
            System.out.printf("Schlögl Ω = %.0f: L1(CME at t = 150, detailed balance) = %.1e, to the drawn law %.1e%n", omega, l1, drawn);
        }
    }

    /** The exact law is the master equation's, not a formula's: a wrong rate would move it; check it moves with k3. */
    @Test
    void theDrawnLawFollowsTheRates() {
        Model m = TestPresets.model("schlogl");
        ExactLaw a = ExactLaw.of(m, 0, 0, -0.025, 20).orElseThrow(), b = ExactLaw.of(m.with("k3", 12), 0, 0, -0.025, 20).orElseThrow();
        assertTrue(a.valid() && b.valid(), a.problem() + " / " + b.problem());
        double leftA = 0, leftB = 0;
        for (int n = 0; n < 60; n++) { leftA += a.density(n / 20.0) / 20; leftB += b.density(n / 20.0) / 20; }
        assertTrue(leftB > leftA + 0.05, "a lower inflow favours the left well: its mass " + leftA + " → " + leftB);
        double[] p = detailedBalance(m, 400);
        for (int n : new int[] {0, 20, 60, 120, 200}) assertEquals(p[n] * 20, a.density(n / 20.0), 1e-12 * Math.max(1, p[n] * 20), "n = " + n);
    }

    /**
     * Bimodal at the default Ω = 20: local maxima of P_n near the wells n = 20 and 120 and a
     * minimum between them, near the barrier n = 60 (the law's extrema sit where W+(n−1) = W−(n),
     * O(1) counts from the deterministic zeros; the flat valley further: measured peaks at 17 and
     * 114, valley at 70, P(peak)/P(valley) ≈ 46 and 1.8, the left well holding 88 %).
     */
    @Test
    void stationaryLawHasTwoPeaksAtTheDefaultSize() {
        Model m = TestPresets.model("schlogl");
        double[] p = detailedBalance(m, 400);
        int left = argmax(p, 0, 40), valley = argmin(p, left, 100), right = argmax(p, valley, 200);
        double leftMass = 0;
        for (int n = 0; n < valley; n++) leftMass += p[n];
        System.out.printf("Schlögl Ω = 20: peaks at n = %d and %d, valley at %d; P(peak)/P(valley) = %.3g and %.3g; left well mass %.3f%n",
                left, right, valley, p[left] / p[valley], p[right] / p[valley], leftMass);
        assertTrue(Math.abs(left - 20) <= 5 && Math.abs(right - 120) <= 10 && valley > 40 && valley < 80, left + " " + valley + " " + right);
        assertTrue(p[left] / p[valley] > 10 && p[right] / p[valley] > 1.2, "two separate peaks");
    }

    /**
     * Kramers' exponents at Ω = 1e7 (the falling factorials' O(1/Ω) gone) per unit Ω against an
     * independent quadrature of the continuum rates (scipy quad): FP −∫₁³2A/B = 0.0977450,
     * master equation ∫₁³ln(W−/W+) = 0.0977798 per Ω; the master equation's is larger, so FP
     * switches too fast. The prefactor 2π/√(|A′(1)|A′(3))·√(B(3)/B(1)), A′(1) = −10, A′(3) = 6,
     * B ∝ x³ + 10x² + 27x + 18.
     */
    @Test
    void kramersExponentsAndPrefactor() {
        Model m = TestPresets.model("schlogl").with("Omega", 1e7);
        KramersTime k = new KramersTime(m, 1, 3);
        assertEquals(0.0977449908, k.fokkerPlanckExponent() / 1e7, 1e-7);   // the falling factorials shift it by ≈ 0.3/Ω
        assertEquals(0.0977797766, k.masterEquationExponent() / 1e7, 1e-7);
        double b1 = 1 + 10 + 27 + 18, b3 = 27 + 90 + 81 + 18;
        assertEquals(2 * Math.PI / Math.sqrt(60) * Math.sqrt(b3 / b1), k.prefactor(), 1e-4);
        Model d = TestPresets.model("schlogl");
        KramersTime k20 = new KramersTime(d, 1, 3);
        System.out.printf("Schlögl Ω = 20: Kramers τ(FP) = %.3g, with the master equation's exponent %.3g; exponents %.4f vs %.4f%n",
                k20.fokkerPlanckTime(), k20.masterEquationTime(), k20.fokkerPlanckExponent(), k20.masterEquationExponent());
        KramersTime k40 = new KramersTime(d.with("Omega", 40), 1, 3);
        System.out.printf("Schlögl Ω = 40: Kramers τ(FP) = %.3g, with the master equation's exponent %.3g%n", k40.fokkerPlanckTime(), k40.masterEquationTime());
    }

    /** The double well (A = −DU′/kT, B = 2D up to O(h²)): exponent ΔU/kT = b²/(4a·kT) = 2, prefactor 2π/√(16·8) at D = 1, kT = ½. */
    @Test
    void kramersOnTheDoubleWellIsTheTextbookFormula() {
        Model m = TestPresets.model("double-well").with("Omega", 2000);
        double well = -1;   // x² = b/(2a) = 1
        KramersTime k = new KramersTime(m, well, 0);
        assertEquals(2, k.fokkerPlanckExponent(), 1e-4);
        assertEquals(2 * Math.PI / Math.sqrt(128), k.prefactor(), 1e-4);
    }

    private static int argmax(double[] p, int from, int to) { int best = from; for (int n = from; n < to; n++) if (p[n] > p[best]) best = n; return best; }

    private static int argmin(double[] p, int from, int to) { int best = from; for (int n = from; n < to; n++) if (p[n] < p[best]) best = n; return best; }
}
