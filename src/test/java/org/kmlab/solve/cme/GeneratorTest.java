package org.kmlab.solve.cme;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.Propensities;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Both generators against (I + Q/Λ) written out state by state; the Poisson weights against the Poisson law. */
class GeneratorTest {
    private static final Model PREDATOR_PREY = FiniteStateProjectionTest.preset("predator-prey").with("Omega", 7);

    /** w = (I + Q/Λ) v by definition: each kept state sends a_r v/Λ to n + ν_r if kept, else to the sink. */
    private static double reference(Model m, Lattice lattice, double lambda, double[] v, double[] w) {
        Propensities prop = m.propensities();
        double[] env = prop.newEnvironment();
        long[] n = new long[2], target = new long[2];
        double leak = 0;
        for (int j = 0; j < lattice.rows(); j++) {
            for (int i = lattice.from(j); i < lattice.to(j); i++) {
                n[0] = lattice.lo(0) + i;
                n[1] = lattice.lo(1) + j;
                int k = lattice.index(n);
                env[0] = n[0];
                env[1] = n[1];
                w[k] += v[k];
                for (int r = 0; r < prop.size(); r++) {
                    double flow = prop.propensity(r, env) / lambda * v[k];
                    w[k] -= flow;
                    for (int s = 0; s < 2; s++) target[s] = n[s] + prop.jump(r, s);
                    int t = lattice.index(target);
                    if (t >= 0) w[t] += flow;
                    else leak += flow;
                }
            }
        }
        return leak;
    }

    private static void assertStepIsTheGenerator(Lattice lattice, Generator g) {
        Random random = new Random(3);
        int n = lattice.states();
        double[] v = new double[n], w = new double[n], acc = new double[n], expected = new double[n];
        for (int i = 0; i < n; i++) v[i] = random.nextDouble();
        double leak = g.step(v, w, acc, 0.25);
        double expectedLeak = reference(PREDATOR_PREY, lattice, g.lambda(), v, expected);
        assertTrue(expectedLeak > 0.1, "the edges leak");
        assertEquals(expectedLeak, leak, 1e-12);
        double in = 0, out = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], w[i], 1e-13, "state " + i);
            assertEquals(0.25 * w[i], acc[i], 1e-15);
            assertTrue(w[i] >= 0);
            in += v[i];
            out += w[i];
        }
        assertEquals(in, out + leak, 1e-11, "what leaves a state goes to another or to the sink");
    }

    @Test
    void bothGeneratorsApplyTheUniformizedMasterEquationOnABox() {
        Lattice box = Lattice.box(new long[] {0, 0}, new long[] {23, 17});
        Generator fast = Generator.of(PREDATOR_PREY, box), stored = StoredGenerator.build(PREDATOR_PREY, box);
        assertInstanceOf(MassActionGenerator2D.class, fast);
        assertEquals(stored.lambda(), fast.lambda(), 1e-12 * stored.lambda());
        assertStepIsTheGenerator(box, fast);
        assertStepIsTheGenerator(box, stored);
    }

    @Test
    void theSeparableGeneratorHandlesACutCorner() {
        int[] from = new int[18], to = new int[18];
        for (int j = 0; j < 18; j++) {
            from[j] = j % 3;          // ragged on both sides, to exercise every edge case
            to[j] = 24 - j / 2;
        }
        Lattice cut = Lattice.rows(new long[] {2, 1}, new long[] {25, 18}, from, to);
        assertFalse(cut.isFull());
        assertStepIsTheGenerator(cut, Generator.of(PREDATOR_PREY, cut));
    }

    @Test
    void poissonWeightsMatchThePoissonLaw() {
        for (double lambda : new double[] {0.3, 7, 150, 4000}) {
            PoissonWeights w = PoissonWeights.of(lambda, 5e-15);
            PoissonDistribution exact = new PoissonDistribution(null, lambda, 1e-15, 100_000_000);
            double sum = 0;
            for (int k = w.left(); k <= w.right(); k++) {
                sum += w.weight(k);
                assertEquals(exact.probability(k), w.weight(k), 1e-13 + 1e-11 * exact.probability(k), "λ = " + lambda + ", k = " + k);
            }
            assertEquals(1, sum, 1e-14);
            assertTrue(exact.cumulativeProbability(w.left() - 1) < 1e-14 && 1 - exact.cumulativeProbability(w.right()) < 1e-13, "tails cut at λ = " + lambda);
            assertTrue(w.right() < lambda + 10 * Math.sqrt(lambda) + 20, "no needless terms at λ = " + lambda);
        }
    }
}
