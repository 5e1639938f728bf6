package org.kmlab.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class KramersMoyalTest {
    @Test
    void birthDeathDriftAndDiffusion() {
        Model m = ModelTest.preset("birth-death").model().with("k1", 7).with("k2", 0.5).with("Omega", 20);
        KramersMoyal km = new KramersMoyal(m);
        for (double x : new double[] {0.05, 1, 3.3, 14}) {
            assertEquals(7 - 0.5 * x, km.drift(x), 1e-12, "A(x)");
            assertEquals((7 + 0.5 * x) / 20, km.diffusion(x), 1e-12, "B(x)");
            // k-th moment scales as Ω^(1−k): M_k = (k1 + (−1)^k k2 x)/Ω^(k−1)
            assertEquals((7 - 0.5 * x) / 400, km.moment(3, x), 1e-14);
            assertEquals((7 + 0.5 * x) / 8000, km.moment(4, x), 1e-15);
            assertEquals((7 + 0.5 * x) / 8000 / 24, km.coefficient(4, x), 1e-16);
        }
    }

    @Test
    void ouWalkDriftAndDiffusion() {
        Model m = ModelTest.preset("ornstein-uhlenbeck").model().with("theta", 1.5).with("D", 0.7).with("Omega", 40);
        double h = 1 / 40.0;
        KramersMoyal km = new KramersMoyal(m);
        for (double x : new double[] {-2, -0.3, 0, 0.45, 1.8}) {
            assertEquals(-1.5 * x, km.drift(x), 1e-10, "A = −θx");
            assertEquals(0.7 + h * 1.5 * Math.abs(x), km.diffusion(x), 1e-10, "B = D + hθ|x|");
        }
    }

    @Test
    void predatorPreyDiffusionMatrixHasTheCouplingTerm() {
        Model m = ModelTest.preset("predator-prey").model();
        double a = m.parameter("a"), b = m.parameter("b"), c = m.parameter("c"), d = m.parameter("d"), omega = m.size();
        KramersMoyal km = new KramersMoyal(m);
        double x = 0.8, y = 0.6;
        double[] drift = new double[2];
        double[][] diff = new double[2][2];
        km.drift(new double[] {x, y}, drift);
        km.diffusion(new double[] {x, y}, diff);
        double crowd = b * x * (x - 1 / omega);   // 2X→X with n(n−1)/Ω, in x units
        assertEquals(a * x - crowd - c * x * y, drift[0], 1e-12);
        assertEquals(c * x * y - d * y, drift[1], 1e-12);
        assertEquals((a * x + crowd + c * x * y) / omega, diff[0][0], 1e-12);
        assertEquals((c * x * y + d * y) / omega, diff[1][1], 1e-12);
        assertEquals(-c * x * y / omega, diff[0][1], 1e-12, "the predation jump (−1, +1) couples the noise");
        assertEquals(diff[0][1], diff[1][0]);
        assertEquals(diff[0][1], km.moment(new int[] {1, 1}, new double[] {x, y}), 1e-15);
    }

    @Test
    void aNaNPropensityIsAnErrorNamingTheReactionNotASilentZero() {
        Model m = new Model("bad", "", java.util.List.of(new Species("X", 10, false)), java.util.List.of(),
                new SystemSize(1, 1, 1), java.util.List.of(new Reaction("grow", "0 -> X", null, "sqrt(X - 5)"), new Reaction("die", "X -> 0", "1", null)));
        KramersMoyal km = new KramersMoyal(m);
        assertEquals(Math.sqrt(5) - 10, km.drift(10), 1e-12);
        ModelException e = assertThrows(ModelException.class, () -> km.drift(2));
        assertTrue(e.getMessage().startsWith("reaction 'grow': propensity is NaN at X = 2"), e.getMessage());
    }
}
