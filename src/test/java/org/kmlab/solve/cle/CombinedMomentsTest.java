package org.kmlab.solve.cle;

import org.junit.jupiter.api.Test;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;

import static org.junit.jupiter.api.Assertions.*;

/** The stepper's one-pass {@link KramersMoyal#driftAndDiffusion} equals the separate A and B. */
class CombinedMomentsTest {
    @Test
    void driftAndDiffusionAgreeWithTheSeparateCalls() {
        for (String id : new String[] {"birth-death", "ornstein-uhlenbeck", "a-b-decay", "predator-prey"}) {
            Model m = ChemicalLangevinTest.preset(id);
            int d = m.speciesCount();
            KramersMoyal km = new KramersMoyal(m);
            double[] x = new double[d];
            for (int s = 0; s < d; s++) x[s] = 0.37 + 1.3 * s;
            double[] a = new double[d], a2 = new double[d];
            double[][] b = new double[d][d], b2 = new double[d][d];
            km.drift(x, a);
            km.diffusion(x, b);
            km.driftAndDiffusion(x, a2, b2);
            for (int i = 0; i < d; i++) {
                assertEquals(a[i], a2[i], 1e-14 * Math.abs(a[i]), id + " A");
                for (int j = 0; j < d; j++) assertEquals(b[i][j], b2[i][j], 1e-14 * Math.abs(b[i][j]), id + " B");
            }
        }
    }
}
