package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmlab.model.Model;
import org.kmlab.model.Propensities;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.cme.FiniteStateProjection;
import org.kmlab.solve.fp.FokkerPlanckSolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The new presets of issue 12 against their exact laws: the master equation's stationary law
 * against the discrete law from detailed balance (one-step processes: P_(n+1)/P_n =
 * W+(n)/W−(n+1), computed here from the model's own propensities, independently of the preset's
 * exact formula), the preset's exact formula against both, and Fokker–Planck against the
 * continuum law. Numbers measured on the 2-core machine are in the README ("The models").
 */
class ExactReferencePresetsTest {
    private static Snapshot last(Solver solver, Model m, double t) { return last(solver, m, t, SolverOptions.defaults()); }

    private static Snapshot last(Solver solver, Model m, double t, SolverOptions options) {
        var r = solver.solve(new Problem(m, new double[] {0, t}, 1, 1, options), SnapshotListener.NONE, CancellationToken.none());
        return r.at(r.snapshots().size() - 1);
    }

    /** The stationary law of a one-step process on lo..hi from detailed balance, as P_n by n − lo. */
    static double[] detailedBalance(Model m, int lo, int hi) {
        Propensities a = m.propensities();
        int up = -1, down = -1;
        for (int r = 0; r < a.size(); r++) if (a.jump(r, 0) == 1) up = r; else if (a.jump(r, 0) == -1) down = r;
        double[] env = a.newEnvironment();
        double[] p = new double[hi - lo + 1];
        p[0] = 1;
        double sum = 1;
        for (int n = lo; n < hi; n++) {
            env[0] = n;
            double w = a.propensity(up, env);
            env[0] = n + 1;
            p[n - lo + 1] = p[n - lo] * w / a.propensity(down, env);
            sum += p[n - lo + 1];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    /** Σ_n |P_cme(n) − P(n)| with P on lo..hi (states of the lattice outside lo..hi count whole). */
    private static double l1Lattice(Density1D cme, double[] p, int lo, double omega) {
        double l1 = 0, covered = 0;
        for (int c = 0; c < cme.size(); c++) {
            int n = (int) Math.round(cme.x(c) * omega);
            double q = cme.density(c) * cme.dx();
            if (n >= lo && n - lo < p.length) { l1 += Math.abs(q - p[n - lo]); covered += p[n - lo]; }
            else l1 += Math.abs(q);
        }
        return l1 + (1 - covered);
    }

    private static double exactL1(Model m, Snapshot s, boolean lattice, double lo, double hi) {
        return ExactLaw.of(m, 0, s.time(), lo, hi).orElseThrow().l1(s.marginal(0), lattice);
    }

    /**
     * Noise-induced drift, α = 0, ½, 1 at Ω = 20 and 40: the master equation at t = 10 (about 25
     * relaxation times of the box) is the detailed-balance law to 1e-10, and that law is the
     * preset's D^(α−1) at the lattice points, normalised over the box, to O(h) (measured O(h²):
     * the normalisation is a midpoint sum).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 1})
    void noiseInducedDriftMasterEquationIsDetailedBalanceAndDToTheAlphaMinusOne(double alpha) {
        double[] toContinuum = new double[2];
        int i = 0;
        for (double omega : new double[] {20, 40}) {
            Model m = TestPresets.model("noise-induced-drift").with("alpha", alpha).with("Omega", omega);
            Snapshot cme = last(new FiniteStateProjection(), m, 10);
            int n = (int) omega;
            double[] exact = detailedBalance(m, -n, n);
            double l1 = l1Lattice(cme.marginal(0), exact, -n, omega);
            assertTrue(l1 < 1e-10, "α = " + alpha + ", Ω = " + omega + ": L1(CME, detailed balance) = " + l1);
            double h = 1 / omega;
            toContinuum[i] = exactL1(m, cme, true, -1 - h / 2, 1 + h / 2);
            assertTrue(toContinuum[i] < h, "α = " + alpha + ", Ω = " + omega + ": L1(CME, D^(α−1)) = " + toContinuum[i]);
            i++;
        }
        if (alpha < 1) assertTrue(toContinuum[1] < toContinuum[0] / 2, "at least first order in h: " + toContinuum[0] + " → " + toContinuum[1]);
        else assertTrue(toContinuum[1] < 1e-9, "α = 1: uniform, exact on the lattice: " + toContinuum[1]);
    }

    /** α = 0 (Itô): the density piles up in the quiet middle, D(±1)/D(0) = 1 + 1/L² times higher than at the walls. */
    @Test
    void itoWalkersPileUpWhereTheNoiseIsLow() {
        Model m = TestPresets.model("noise-induced-drift");
        Snapshot cme = last(new FiniteStateProjection(), m, 10);
        Density1D d = cme.marginal(0);
        double middle = 0, wall = 0;
        for (int c = 0; c < d.size(); c++) {
            if (Math.abs(d.x(c)) < 1e-9) middle = d.density(c);
            if (Math.abs(d.x(c) - 1) < 1e-9) wall = d.density(c);
        }
        double L = m.parameter("L");
        assertEquals(1 + 1 / (L * L), middle / wall, 1e-8);
    }

    /**
     * Fokker–Planck against the continuum law ∝ D^(α−1) on the lattice's cells, −1 − h/2 ≤ x ≤ 1 + h/2
     * (the preset's exact line), at t = 4 (≈ 20 relaxation times) on the preset's 150 cells: the
     * walls reflect where the last lattice cells end, with A and B from the rates inside, extended
     * linearly over the last half cell. For α = 0 the lattice rule's A and B are the continuum's
     * exactly, so what is left is the extension's and the solver's error (measured 5.9e-4 at
     * Ω = 5, then 1.5e-5, 8.5e-6, 7.7e-6); for α > 0 the rule's A = α·D′/2 + O(h²) (α = ½: 3.2e-3,
     * 1.9e-4, 4.1e-5, 1.2e-6 at Ω = 5, 20, 40, 100; α = 1: 1.8e-3, 3.1e-5, 3.9e-6, 2.0e-7), so
     * the bound 1e-3 holds from Ω = 20 at every α and the gap falls as h².
     */
    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 1})
    void noiseInducedDriftFokkerPlanckIsTheContinuumLaw(double alpha) {
        double[] omegas = {5, 20, 40, 100};
        double[] l1 = new double[omegas.length];
        for (int i = 0; i < omegas.length; i++) {
            Model m = TestPresets.model("noise-induced-drift").with("alpha", alpha).with("Omega", omegas[i]);
            Snapshot fp = last(new FokkerPlanckSolver(), m, 4, SolverOptions.defaults().withGridCells(150));
            double h = 1 / omegas[i];
            l1[i] = exactL1(m, fp, false, -1 - h / 2, 1 + h / 2);
            System.out.printf("noise-induced drift, α = %.1f, Ω = %.0f: L1(FP, D^(α−1)) = %.2e%n", alpha, omegas[i], l1[i]);
            if (omegas[i] >= 20 || alpha == 0) assertTrue(l1[i] < 1e-3, "α = " + alpha + ", Ω = " + omegas[i] + ": " + l1[i]);
        }
        if (alpha == 0) for (int i = 1; i < omegas.length; i++) assertTrue(l1[i] < 1e-4, "α = 0, inside the walls A and B are exact: " + l1[i]);
        if (alpha > 0) {
            for (int i = 1; i < omegas.length; i++) assertTrue(l1[i] < l1[i - 1], "closer as Ω grows: " + java.util.Arrays.toString(l1));
            assertTrue(l1[2] < l1[1] / 3, "O(h²): " + l1[1] + " → " + l1[2]);
        }
    }

    /**
     * Started on the wall (X0 = Ω), at the ends of the preset's Ω range: the box is held at the
     * wall from the first step, nothing leaks past it, and the FP follows the master equation from
     * a few lattice steps (t = 0.01, where the lattice still shows: a loose bound) to the
     * stationary law (t = 4: both on the exact line).
     */
    @ParameterizedTest
    @ValueSource(doubles = {5, 100})
    void noiseInducedDriftFromTheWall(double omega) {
        Model m = TestPresets.model("noise-induced-drift").with("Omega", omega).with("X0", omega);
        double edge = 1 + 0.5 / omega;
        for (double t : new double[] {0.01, 4}) {
            Snapshot fp = last(new FokkerPlanckSolver(), m, t), cme = last(new FiniteStateProjection(), m, t);
            Density1D d = fp.marginal(0);
            assertEquals(edge, d.x(d.size() - 1) + d.dx() / 2, 1e-9, "Ω = " + omega + ", t = " + t + ": the box ends on the wall");
            assertEquals(1, fp.mass(), 1e-11);
            double l1 = org.kmlab.solve.Distances.l1(cme.marginal(0), fp.marginal(0));
            System.out.printf("noise-induced drift from the wall, Ω = %.0f, t = %.2f: L1(FP, CME) = %.2e%n", omega, t, l1);
            assertTrue(l1 < (t < 1 ? 0.2 : 0.01), "Ω = " + omega + ", t = " + t + ": L1(FP, CME) = " + l1);
        }
    }

    /**
     * The Gillespie ensemble of the walker in the box agrees with its master equation within
     * statistical error: 4,000 walkers at t = 2 (≈ 5 relaxation times), mean and variance of x
     * within 4 standard errors (the variance's SE from the CME's own fourth moment), at α = 0 (pile-up
     * in the middle) and α = 1 (uniform), whose variances differ by far more than that.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0, 1})
    void noiseInducedDriftEnsembleAgreesWithTheMasterEquation(double alpha) {
        Model m = TestPresets.model("noise-induced-drift").with("alpha", alpha).with("Omega", 20);
        int walkers = 4000;
        Problem problem = new Problem(m, new double[] {0, 2}, walkers, 7, SolverOptions.defaults());
        Snapshot ssa = new org.kmlab.solve.ssa.DirectMethodSsa().solve(problem, SnapshotListener.NONE, CancellationToken.none()).at(1);
        Snapshot cme = last(new FiniteStateProjection(), m, 2);
        Density1D law = cme.marginal(0);
        double mean = cme.mean(0), variance = cme.covariance(0, 0), fourth = 0;
        for (int c = 0; c < law.size(); c++) fourth += Math.pow(law.x(c) - mean, 4) * law.density(c) * law.dx();
        double meanSe = Math.sqrt(variance / walkers), varianceSe = Math.sqrt((fourth - variance * variance) / walkers);
        assertEquals(mean, ssa.mean(0), 4 * meanSe, "α = " + alpha + ": mean");
        assertEquals(variance, ssa.covariance(0, 0), 4 * varianceSe, "α = " + alpha + ": variance (CME " + variance + ")");
        System.out.printf("noise-induced drift α = %.0f, t = 2: var SSA %.4f, CME %.4f (SE %.4f)%n", alpha, ssa.covariance(0, 0), variance, varianceSe);
    }

    /** The box's walls: the FP density is zero beyond the last lattice points and holds all the probability inside. */
    @Test
    void noiseInducedDriftFokkerPlanckStaysInTheBox() {
        Model m = TestPresets.model("noise-induced-drift").with("Omega", 20);
        Snapshot fp = last(new FokkerPlanckSolver(), m, 4, SolverOptions.defaults().withGridCells(150));
        Density1D d = fp.marginal(0);
        double inside = 0;
        double edge = 1 + 0.5 / 20;                // the lattice's last cells end half a step beyond x = ±1
        for (int c = 0; c < d.size(); c++) if (Math.abs(d.x(c)) <= edge) inside += d.density(c) * d.dx();
        assertEquals(1, inside, 1e-12);
        assertEquals(-edge, d.x(0) - d.dx() / 2, 1e-12);
        assertEquals(edge, d.x(d.size() - 1) + d.dx() / 2, 1e-9);
    }

    /**
     * Double well with a low barrier (b = 1: b²/4a = kT/2), from its left well, at t = 20 (many
     * hopping times): the master equation is the detailed-balance law, which is e^(−U/kT) at the
     * lattice points; Fokker–Planck (A = −DU′/kT, B = 2D, each up to O(h²)) is e^(−U/kT) as a
     * density to O(h²): measured 1.25e-3 at Ω = 20, below 1e-3 at Ω = 40. (From the barrier top
     * the master equation refuses: its linear-noise size estimate explodes at an unstable point.)
     */
    @Test
    void doubleWellIsBoltzmann() {
        double[] fpL1 = new double[2];
        int i = 0;
        for (double omega : new double[] {20, 40}) {
            Model m = TestPresets.model("double-well").with("b", 1).with("Omega", omega).with("X0", -Math.round(0.707 * omega));
            int n = (int) (3 * m.size());
            Snapshot cme = last(new FiniteStateProjection(), m, 20);
            double l1 = l1Lattice(cme.marginal(0), detailedBalance(m, -n, n), -n, m.size());
            assertTrue(l1 < 1e-8, "Ω = " + omega + ": L1(CME, detailed balance) = " + l1);
            double exact = exactL1(m, cme, true, -3, 3);
            assertTrue(exact < 1e-8, "Ω = " + omega + ": L1(CME, e^(−U/kT) on the lattice) = " + exact);
            Snapshot fp = last(new FokkerPlanckSolver(), m, 20);
            fpL1[i] = exactL1(m, fp, false, -3, 3);
            System.out.printf("double well b = 1, Ω = %.0f: L1(CME, exact) = %.1e, L1(FP, e^(−U/kT)) = %.2e%n", omega, exact, fpL1[i]);
            i++;
        }
        assertTrue(fpL1[0] < 2e-3, "Ω = 20: " + fpL1[0]);
        assertTrue(fpL1[1] < 1e-3, "Ω = 40: " + fpL1[1]);
    }

    /**
     * The double well from the preset's X = −20 to t = 60 in one output interval (30
     * barrier-crossing times), at the preset's Ω = 20 and at the slider's least Ω = 5 (x = −4, high
     * on the quartic wall: a downhill hop there has a rate of 25·e⁵⁰ ≈ 10²³ per unit time, the
     * preset's cap on the exponent). Two faults are gone: at Ω = 5 the first steps, 10⁻²³ long,
     * were refused as a collapsed step ("the step size fell to 8.6e-22"), since a step below
     * 10⁻¹³ of the run was taken for one; and the rounding allowance of each step grew with
     * √(h·Λ), Λ the fastest exit of the window (10²³–10²⁴ on the walls it spans, where there is no
     * probability), so the reported error was 0.31 at Ω = 20 and 0.057 at Ω = 5 while the law was
     * e^(−U/kT) on the lattice to 1e-12. Now the allowance follows the states that hold
     * probability, and the reported error (4e-11, 1.6e-10) bounds the distance.
     */
    @ParameterizedTest(name = "Ω = {0}")
    @ValueSource(doubles = {5, 20})
    void doubleWellInOneLongIntervalReachesBoltzmannWithinAnHonestError(double omega) {
        Model m = TestPresets.model("double-well").with("Omega", omega);
        assertEquals(-20, m.initialCounts()[0], "the preset's start");
        Snapshot cme = last(new FiniteStateProjection(), m, 60);
        int n = (int) (3 * m.size());   // e^(−U/kT) at x = ±3 is 10⁻⁵⁶ of its peak
        double l1 = l1Lattice(cme.marginal(0), detailedBalance(m, -n, n), -n, m.size());
        assertEquals(1, cme.mass(), 1e-9);
        assertTrue(cme.error() > 0 && cme.error() < 1e-8, "reported error " + cme.error());
        assertTrue(l1 <= cme.error() + 1e-11, "L1(CME, detailed balance) = " + l1 + " against the reported " + cme.error());
    }

    /**
     * Skewed kicks (jumps +5 at rate λΩ, −1 at rate γn): the stationary cumulants of this linear
     * process are κ1 = 5c, κ2 = 15c, κ3 = 55c (in counts, c = λΩ/γ; κ_k = c·Σ_(j=1..m) j^(k−1) for
     * kicks of m), so the skewness is 55/(15^(3/2)·√c). The master equation at t = 30 (30 drag
     * times) has it to 1e-6; Fokker–Planck, which drops M₃, has far less.
     */
    @Test
    void skewedKicksMasterEquationHasTheExactSkewness() {
        Model m = TestPresets.model("skewed-kicks");
        double c = m.parameter("lambda") * m.size() / m.parameter("gamma");
        double skew = 55 / (Math.pow(15, 1.5) * Math.sqrt(c));
        Snapshot cme = last(new FiniteStateProjection(), m, 30);
        Density1D d = cme.marginal(0);
        assertEquals(5 * c / m.size(), d.mean(), 1e-8);
        assertEquals(15 * c / (m.size() * m.size()), d.variance(), 1e-8);
        assertEquals(skew, d.skewness(), 1e-6);
        double fp = last(new FokkerPlanckSolver(), m, 30).marginal(0).skewness();
        System.out.printf("skewed kicks Ω = %.0f: skewness exact %.4f, CME %.4f, FP %.4f%n", m.size(), skew, d.skewness(), fp);
        assertTrue(fp < 0.5 * skew, "FP cannot carry the kicks' skew: " + fp);
    }

    /** Ehrenfest urn: the master equation is binomial(N, k_in/(k_in + k_out)) at stationarity, and so is the preset's lgamma formula. */
    @Test
    void ehrenfestIsBinomial() {
        Model m = TestPresets.model("ehrenfest").with("kin", 2);
        int n = (int) m.size();
        double p = 2.0 / 3;
        double[] binomial = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            binomial[k] = Math.exp(org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientLog(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
        }
        Snapshot cme = last(new FiniteStateProjection(), m, 20);
        assertTrue(l1Lattice(cme.marginal(0), binomial, 0, m.size()) < 1e-9);
        double formula = exactL1(m, cme, true, -0.5 / n, 1 + 0.5 / n);
        assertTrue(formula < 5e-4, "L1(CME, the preset's binomial) = " + formula);   // the lgamma curve normalised as a density: the ends (P(N) = (2/3)²⁰ = 3e-4) cost ~1.4e-4
    }

    /** The exact law is normalised over the range it is given, whatever the formula's scale; a formula that fails somewhere is invalid, not silently clipped. */
    @Test
    void anExactLawIsNormalisedAndChecked() {
        Model m = TestPresets.model("random-walk");
        ExactLaw law = ExactLaw.of(m, 0, 2, -10, 12).orElseThrow();
        assertEquals("transition", law.kind());
        double v = (m.parameter("D") + Math.abs(m.parameter("v")) / m.size()) * 2, mean = m.parameter("v") * 2;
        assertEquals(Math.exp(-0.5 * 0.25 / v) / Math.sqrt(2 * Math.PI * v), law.density(mean + 0.5), 1e-6);
        assertTrue(ExactLaw.of(m, 0, 0, -10, 12).isEmpty(), "no transition law at t = 0 and no stationary one");
        Model bad = m.withExact(new org.kmlab.model.ExactReference(java.util.Map.of("X", org.kmlab.model.Formula.parse("log(x)")), java.util.Map.of()));
        ExactLaw invalid = ExactLaw.of(bad, 0, 1, -1, 1).orElseThrow();
        assertTrue(!invalid.valid() && invalid.problem().startsWith("exact.stationary.X is NaN at x = -"), invalid.problem());
        assertTrue(Double.isNaN(invalid.l1(new Density1D(0, 0.1, new double[] {10}), false)));
    }
}
