package org.kmlab.solve.cme;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The two generators agree; the Poisson weights are the Poisson law. */
class GeneratorTest {
    @Test
    void separableMassActionMatchesStoredPropensities() {
        Model m = FiniteStateProjectionTest.preset("predator-prey").with("Omega", 7);
        Lattice box = new Lattice(new long[] {0, 0}, new long[] {23, 17});
        Generator fast = Generator.of(m, box);
        Generator stored = StoredGenerator.build(m, box);
        assertInstanceOf(MassActionGenerator2D.class, fast);
        assertEquals(stored.lambda(), fast.lambda(), 1e-12 * stored.lambda());
        Random random = new Random(3);
        double[] v = new double[box.states() > 0 ? (int) box.states() : 0];
        for (int i = 0; i < v.length; i++) v[i] = random.nextDouble();
        double[] a = new double[v.length], b = new double[v.length], accA = new double[v.length], accB = new double[v.length];
        double leakA = fast.step(v, a, accA, 0.25), leakB = stored.step(v, b, accB, 0.25);
        assertTrue(leakB > 0.1, "the box edges leak");
        assertEquals(leakB, leakA, 1e-12);
        for (int i = 0; i < v.length; i++) {
            assertEquals(b[i], a[i], 1e-13, "state " + i);
            assertEquals(0.25 * b[i], accA[i], 1e-13);
            assertTrue(a[i] >= 0);
        }
        // columns of (I + Q/Λ) plus the sink sum to one: what leaves a state goes somewhere
        double in = 0, out = 0;
        for (int i = 0; i < v.length; i++) { in += v[i]; out += a[i]; }
        assertEquals(in, out + leakA, 1e-11);
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
