package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KramersMoyal1DTest {
    @Test
    void givesTheModelsOwnDriftAndDiffusion() {
        for (String id : new String[] {"birth-death", "ornstein-uhlenbeck", "logistic", "annihilation"}) {
            Model m = FpTestModels.preset(id).with("Omega", 7);
            KramersMoyal km = new KramersMoyal(m);
            double[] x = {-1.3, 0, 0.05, 0.4, 1, 2.7, 13}, a = new double[x.length], b = new double[x.length];
            if (!m.species().get(0).signed()) x[0] = 0.001;
            new KramersMoyal1D(m).evaluate(x, x.length, a, b);
            for (int i = 0; i < x.length; i++) {
                assertEquals(km.drift(x[i]), a[i], 1e-12 * (1 + Math.abs(a[i])), id + " A(" + x[i] + ")");
                assertEquals(km.diffusion(x[i]), b[i], 1e-12 * (1 + Math.abs(b[i])), id + " B(" + x[i] + ")");
            }
        }
    }

    @Test
    void knowsWhenZeroIsAnAbsorbingWall() {
        assertTrue(new KramersMoyal1D(FpTestModels.preset("logistic")).absorbingWall(), "logistic: nothing happens at n = 0");
        assertTrue(new KramersMoyal1D(FpTestModels.preset("birth-death").with("k1", 0)).absorbingWall(), "pure decay");
        assertFalse(new KramersMoyal1D(FpTestModels.preset("birth-death")).absorbingWall(), "births leave n = 0");
        assertFalse(new KramersMoyal1D(FpTestModels.preset("ornstein-uhlenbeck")).absorbingWall(), "a signed walk has no wall");
    }
}
