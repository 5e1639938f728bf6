package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.kmlab.model.DriftJacobian;
import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;
import org.kmlab.model.MomentEquations;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramePathTest {
    /**
     * The tabulated path follows the LNA path closely, and its rates are the derivatives of its
     * own values (the box's velocity must be the rate of its position), checked by central
     * differences; past the fixed point it holds still.
     */
    @Test
    void followsTheLinearNoisePathWithConsistentRates() {
        Model m = FpTestModels.preset("birth-death").with("Omega", 100).with("X0", 0);
        double h = 0.01;
        LinearNoisePath path = LinearNoisePath.of(m, new double[] {h / 4}, new double[][] {{h * h / 48}}, 1000, 1e-9, () -> {});
        FramePath table = FramePath.sample(path, new MomentEquations(m), new DriftJacobian(m));
        double[] at = new double[4], before = new double[4], after = new double[4];
        for (double u : new double[] {1e-7, 1e-5, 1e-3, 0.05, 0.3, 1, 2.5, 7, 20}) {
            table.at(u, at);
            double[] mean = path.mean(u), cov = path.covariance(u)[0];
            double sd = Math.sqrt(cov[0]);
            assertEquals(mean[0], at[0], 1e-5 * sd, "mean at u = " + u);
            assertEquals(cov[0], at[2], 1e-5 * cov[0], "variance at u = " + u);
            double e = 1e-6 * u;
            table.at(u - e, before);
            table.at(u + e, after);
            assertEquals((after[0] - before[0]) / (2 * e), at[1], 1e-6 * Math.abs(at[1]) + 1e-9, "dc/du at u = " + u);
            assertEquals((after[2] - before[2]) / (2 * e), at[3], 1e-6 * Math.abs(at[3]) + 1e-12, "dΣ/du at u = " + u);
        }
        table.at(999, at);
        assertEquals(0.0, at[1], "held at the fixed point");
        assertEquals(0.0, at[3], "held at the fixed point");
        assertEquals(10.0, at[0], 1e-9);
        assertEquals(0.1, at[2], 1e-9);
    }
}
