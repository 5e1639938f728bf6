package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.cme.FiniteStateProjection;
import org.kmlab.solve.ssa.DirectMethodSsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The laws of observables (named integer combinations of species): the master equation's, summed
 * over the states, against a hand computation (two independent isomerising molecules: A − B is
 * 2, 0, −2 with binomial weights); the SSA's histogram against the master equation within 4
 * standard errors of its sample size; mean ± sd (from mean and covariance) against the law's own.
 */
class ObservableLawsTest {
    private static SolverResult solve(Solver solver, Model m, double t, int trajectories) {
        return solver.solve(new Problem(m, new double[] {0, t}, trajectories, 23, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
    }

    private static final String ISOMERS = """
        {"format": "kmlab-preset/1", "name": "two isomers", "species": [{"name": "A", "initial": 2}, {"name": "B", "initial": 0}],
         "parameters": [{"name": "k1", "value": 1.5}, {"name": "k2", "value": 0.5}],
         "reactions": [{"name": "to B", "equation": "A -> B", "rate": "k1"}, {"name": "to A", "equation": "B -> A", "rate": "k2"}],
         "observables": [{"name": "D", "of": {"A": 1, "B": -1}}]}
        """;

    /** P(A − B = d) at t = 0.4, Ω = 1: each molecule is A with p = k2/(k1 + k2) + k1/(k1 + k2)·e^(−(k1 + k2)t). */
    private static double[] byHand(double t) {
        double p = 0.5 / 2 + 1.5 / 2 * Math.exp(-2 * t);
        return new double[] {(1 - p) * (1 - p), 0, 2 * p * (1 - p), 0, p * p};   // d = −2, −1, 0, 1, 2
    }

    private static double at(Density1D law, double x) {
        for (int c = 0; c < law.size(); c++) if (Math.abs(law.x(c) - x) < law.dx() / 2) return law.density(c) * law.dx();
        return 0;
    }

    @Test
    void masterEquationLawOfADifferenceIsTheHandComputedOne() {
        Model m = PresetIO.parse(ISOMERS, "isomers").model();
        SolverResult r = solve(new FiniteStateProjection(), m, 0.4, 1);
        Density1D law = r.at(1).observableMarginal(0);
        double[] hand = byHand(0.4);
        for (int d = -2; d <= 2; d++) assertEquals(hand[d + 2], at(law, d), 1e-8, "P(A − B = " + d + ")");
        assertEquals(1, law.mass(), 1e-9);
        Density1D start = r.at(0).observableMarginal(0);
        assertEquals(1, at(start, 2), 1e-12, "t = 0: A − B = 2");
    }

    @Test
    void ssaLawOfADifferenceAgreesWithinFourStandardErrors() {
        Model m = PresetIO.parse(ISOMERS, "isomers").model();
        int n = 20_000;
        Density1D ssa = solve(new DirectMethodSsa(), m, 0.4, n).at(1).observableMarginal(0);
        double[] hand = byHand(0.4);
        for (int d = -2; d <= 2; d += 2) {
            double q = hand[d + 2], se = Math.sqrt(q * (1 - q) / n);
            assertEquals(q, at(ssa, d), 4 * se, "P(A − B = " + d + ") from " + n + " trajectories");
        }
    }

    /**
     * Enzyme, free substrate S = S_T − C at t = 10 (fast = 10): each SSA histogram bin's mass
     * against the master equation's mass on the same lattice points, within 4 SE of 4,000
     * trajectories (20 to 40 bins by the binning rule: a false failure about once in 400 seeds;
     * measured worst 2.1 SE at this seed, 2.4 and 3.7 at two others); and the series' mean
     * and sd (from the species' mean and covariance) equal the master equation's law's own.
     */
    @Test
    void freeSubstrateFromSsaAndMasterEquationAgree() {
        Model m = TestPresets.model("enzyme");
        double omega = m.size();
        int n = 4000;
        SolverResult cmeRun = solve(new FiniteStateProjection(), m, 10, 1);
        Density1D cme = cmeRun.at(1).observableMarginal(0), ssa = solve(new DirectMethodSsa(), m, 10, n).at(1).observableMarginal(0);
        int bins = 0;
        double worst = 0;
        for (int b = 0; b < ssa.size(); b++) {
            double lo = ssa.x(b) - ssa.dx() / 2, hi = ssa.x(b) + ssa.dx() / 2, q = 0;
            for (int c = 0; c < cme.size(); c++) if (cme.x(c) > lo && cme.x(c) < hi) q += cme.density(c) * cme.dx();
            double se = Math.sqrt(Math.max(q * (1 - q), 1.0 / n) / n), got = ssa.density(b) * ssa.dx();
            worst = Math.max(worst, Math.abs(got - q) / se);
            assertEquals(q, got, 4 * se, "S in [" + lo * omega + ", " + hi * omega + "] counts");
            bins++;
        }
        assertTrue(bins >= 5, "an SSA histogram of S: " + bins + " bins");
        System.out.printf("enzyme S = S_T − C at t = 10: %d SSA bins, worst |SSA − CME| = %.2f SE%n", bins, worst);
        ObservableSeries series = ObservableSeries.of(m, 0, cmeRun);
        assertEquals(cme.mean(), series.mean()[1], 1e-9);
        assertEquals(Math.sqrt(cme.variance()), series.sd()[1], 1e-9);
        assertTrue(series.mean()[1] > 0.2 && series.mean()[1] < 3, "S settles near K: " + series.mean()[1]);
    }
}
