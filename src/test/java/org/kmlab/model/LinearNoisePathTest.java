package org.kmlab.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linear-noise path against closed forms: for a linear network the moments are exact. */
class LinearNoisePathTest {
    /** Birth–death from n0: mean k1/k2 + (x0 − k1/k2)e^{−k2 t}; variance (of x) (mean − x0 e^{−k2t}... ) from the exact law. */
    @Test
    void birthDeathMomentsAreExactAtEverySystemSize() {
        for (double omega : new double[] {1, 100, 10_000}) {
            double k1 = 10, k2 = 1, n0 = 3 * omega;
            Model m = TestPresets.model("birth-death").with("Omega", omega).with("X0", n0);
            LinearNoisePath path = LinearNoisePath.fromInitialState(m, 8);
            for (double t : new double[] {0, 0.01, 0.5, 2, 8}) {
                double x0 = n0 / omega, decay = Math.exp(-k2 * t);
                double poissonMean = k1 / k2 * (1 - decay);
                double mean = poissonMean + x0 * decay;
                // binomial (n0, e^{−k2 t}) ⊛ Poisson: variance of n is n0·e(1−e) + Ω·poissonMean; of x divide by Ω²
                double var = (n0 * decay * (1 - decay) + omega * poissonMean) / (omega * omega);
                assertEquals(mean, path.mean(t)[0], 1e-8 * mean, "mean at Ω = " + omega + ", t = " + t);
                assertEquals(var, path.covariance(t)[0][0], 1e-8 * var + 1e-300, "variance at Ω = " + omega + ", t = " + t);
            }
        }
    }

    @Test
    void aLongRunStopsAtTheFixedPointAndStaysExact() {
        Model m = TestPresets.model("birth-death").with("Omega", 50);
        LinearNoisePath path = LinearNoisePath.fromInitialState(m, 1e6);
        assertTrue(path.settledAt() < 200, "settled at " + path.settledAt());
        assertTrue(path.stepCount() < 2000, path.stepCount() + " steps");
        assertEquals(10, path.mean(1e6)[0], 1e-9);
        assertEquals(10.0 / 50, path.covariance(5e5)[0][0], 1e-10);
    }

    @Test
    void envelopeHoldsTheCloudOverThePath() {
        Model m = TestPresets.model("birth-death").with("Omega", 100);
        double[][] env = LinearNoisePath.fromInitialState(m, 10).envelope(5, 0.01);
        double lowest = Double.POSITIVE_INFINITY, highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 1_000_000; i++) {
            double t = 10.0 * i / 1_000_000, mean = 10 * (1 - Math.exp(-t)), sd = Math.sqrt(mean / 100 + 1e-4);
            lowest = Math.min(lowest, mean - 5 * sd);
            highest = Math.max(highest, mean + 5 * sd);
        }
        assertEquals(lowest, env[0][0], 1e-4, "lowest point, early in the run");
        assertEquals(highest, env[0][1], 1e-6, "highest point, at the end");
    }

    @Test
    void aBlowUpIsNamedWithItsTime() {
        Model explodes = new Model("explosion", "", java.util.List.of(new Species("X", 10, false)), java.util.List.of(),
                new SystemSize(1, 1, 10), java.util.List.of(new Reaction("autocatalysis", "2 X -> 3 X", "1", null)));
        LinearNoisePath.Diverges e = assertThrows(LinearNoisePath.Diverges.class, () -> LinearNoisePath.fromInitialState(explodes, 5));
        assertTrue(e.time() < 0.2, "x' = x² from 10 blows up at t ≈ 0.1, reported " + e.time());
    }
}
