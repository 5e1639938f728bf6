package org.kmlab.solve.ssa;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.IsomerRing;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The event loop's compiled network: the partial-sum tree (chosen from 16 reactions on) and the
 * linear search on one model, the dependency graph through a formula that reads another species,
 * and any number of species. Statistical checks at 4 standard errors from the ensemble itself
 * (about 6·10⁻⁵ false failures per check) or chi-square at 0.1%; fixed seeds.
 */
class ManyReactionsSsaTest {
    private static final int N = 4000;

    private static SolverResult run(DirectMethodSsa ssa, Model m, double[] times, int n, long seed) {
        return ssa.solve(new Problem(m, times, n, seed, SsaFixtures.options(2, n)), SnapshotListener.NONE, CancellationToken.none());
    }

    @Test
    void tenSpeciesTwentyReactionsMatchTheExactMultinomialMomentsWithTreeAndLinearSearch() {
        Model ring = IsomerRing.model(1);
        double[] times = {0, 0.3, 2};
        for (Boolean tree : new Boolean[] {null, false}) {   // null: chosen by size, i.e. the tree for 20 reactions
            SolverResult r = run(new DirectMethodSsa(tree), ring, times, N, tree == null ? 11 : 12);
            for (Snapshot s : r.snapshots()) {
                assertEquals(IsomerRing.SPECIES, s.marginals().length, "one marginal per species");
                assertNull(s.joint(), "no joint beyond two species");
                if (s.time() == 0) continue;
                double[][] p = IsomerRing.transition(s.time());
                double total = 0;
                for (int k = 0; k < IsomerRing.SPECIES; k++) {
                    String where = (tree == null ? "tree" : "linear") + ", S" + k + " at t = " + s.time();
                    double var = IsomerRing.covariance(p, k, k);
                    assertEquals(IsomerRing.mean(p, k), s.mean(k), 4 * Math.sqrt(var / N), "mean " + where);
                    assertEquals(var, s.covariance(k, k), 4 * productSe(s, k, k), "variance " + where);
                    int l = (k + 1) % IsomerRing.SPECIES;
                    assertEquals(IsomerRing.covariance(p, k, l), s.covariance(k, l), 4 * productSe(s, k, l), "covariance with the next " + where);
                    assertEquals(1.0, s.marginal(k).mass(), 1e-12);
                    total += s.mean(k);
                }
                assertEquals(IsomerRing.SPECIES * IsomerRing.EACH, total, 1e-9, "molecules are conserved");
            }
        }
    }

    /** Standard error of a sample covariance, sqrt((E[dᵢ²dⱼ²] − cov²)/N), from the kept samples. */
    private static double productSe(Snapshot s, int i, int j) {
        double m4 = 0;
        for (double[] v : s.samples()) {
            double di = v[i] - s.mean(i), dj = v[j] - s.mean(j);
            m4 += di * di * dj * dj;
        }
        m4 /= s.sampleCount();
        double c = s.covariance(i, j);
        return Math.sqrt((m4 - c * c) / s.sampleCount());
    }

    @Test
    void theTreeDrawsBirthDeathsPoissonLaw() {
        // two reactions through the tree: its descent and updates against an exact law
        SolverResult r = run(new DirectMethodSsa(true), SsaFixtures.preset("birth-death"), new double[] {0, 2}, 10_000, 99);
        double lambda = 10 * (1 - Math.exp(-2));
        PoissonDistribution exact = new PoissonDistribution(null, lambda, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        LatticeChiSquare test = LatticeChiSquare.of(r.last().marginal(0), 10_000, exact::probability);
        assertTrue(test.degreesOfFreedom >= 8 && test.passes(0.001), test.toString());
    }

    @Test
    void aFormulaReadingAnotherSpeciesIsRecomputedWhenThatSpeciesChanges() {
        // Y is birth–death from 0 (k1 = 5, k2 = 1); X is made at c·Y (a formula of Y) and decays at d.
        // E[Y] = 5(1 − e^{−t}); dE[X]/dt = c·E[Y] − d·E[X]. A graph that missed X's dependence on Y
        // would keep X's production at c·Y(0) = 0.
        double c = 2, d = 0.5, t = 3;
        Model m = new Model("coupled", "", List.of(new Species("X", 0, false), new Species("Y", 0, false)),
                List.of(new Parameter("k1", 5, 0, 10, ""), new Parameter("k2", 1, 0, 10, ""), new Parameter("c", c, 0, 10, ""), new Parameter("d", d, 0, 10, "")),
                new SystemSize(1, 1, 1),
                List.of(new Reaction("make Y", "0 -> Y", "k1", null), new Reaction("lose Y", "Y -> 0", "k2", null),
                        new Reaction("make X", "0 -> X", null, "c*Y"), new Reaction("lose X", "X -> 0", "d", null)));
        SolverResult r = run(new DirectMethodSsa(), m, new double[] {0, t}, N, 5);
        // E[X](t) = 5c [ (1 − e^{−dt})/d − (e^{−t} − e^{−dt})/(d − 1) ]
        double exact = 5 * c * ((1 - Math.exp(-d * t)) / d - (Math.exp(-t) - Math.exp(-d * t)) / (d - 1));
        Snapshot s = r.last();
        assertEquals(exact, s.mean(0), 4 * Math.sqrt(s.covariance(0, 0) / N), "mean X");
        assertEquals(5 * (1 - Math.exp(-t)), s.mean(1), 4 * Math.sqrt(s.covariance(1, 1) / N), "mean Y");
    }
}
