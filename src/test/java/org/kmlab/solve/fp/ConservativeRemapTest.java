package org.kmlab.solve.fp;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConservativeRemapTest {
    /** Exact masses of N(0, 1) on n cells of [lo, lo + n·dx]. */
    private static double[] gaussianMasses(double lo, double dx, int n) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) m[i] = 0.5 * Erf.erf((lo + i * dx) / Math.sqrt(2), (lo + (i + 1) * dx) / Math.sqrt(2));
        return m;
    }

    @Test
    void keepsTheMassAndThePositivityOfAnyProfile() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 200;
        double[] m = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) { m[i] = random.nextDouble() < 0.3 ? 0 : random.nextDouble(); sum += m[i]; }
        double outside = new ConservativeRemap(n).remap(m, n, 0, 0.05, 0.37, 0.041);   // shifted and squeezed
        double total = 0;
        for (double v : m) {
            assertTrue(v >= 0, "negative mass " + v);
            total += v;
        }
        assertEquals(sum, total, 1e-13 * sum);
        assertTrue(outside > 0, "the new box is shorter at the top: its last cell took what lay beyond");
    }

    @Test
    void isExactForALinearDensity() {
        int n = 50;
        double[] m = new double[n];
        for (int i = 0; i < n; i++) m[i] = 1 + 0.01 * i;                 // cells of 0.05 from x = 0: density 19.9 + 4x
        new ConservativeRemap(n).remap(m, n, 0, 0.05, 0.3, 0.04);       // [0.3, 2.3] lies inside [0, 2.5]
        for (int j = 1; j < n - 1; j++) {
            double a = 0.3 + j * 0.04, b = a + 0.04;
            assertEquals(19.9 * (b - a) + 2 * (b * b - a * a), m[j], 1e-12, "cell " + j);
        }
    }

    /** Piecewise-linear remapping of a smooth density onto a shifted, stretched grid: the error falls at second order. */
    @Test
    void remapsASmoothDensityToSecondOrder(TestReporter reporter) {
        int[] cells = {80, 160, 320};
        double[] error = new double[cells.length];
        for (int g = 0; g < cells.length; g++) {
            int n = cells[g];
            double dx = 12.0 / n, newLo = -6 - 0.37 * dx, newDx = 1.07 * dx;
            double[] m = gaussianMasses(-6, dx, n);
            new ConservativeRemap(n).remap(m, n, -6, dx, newLo, newDx);
            double[] exact = gaussianMasses(newLo, newDx, n);
            for (int i = 0; i < n; i++) error[g] += Math.abs(m[i] - exact[i]);
        }
        double order1 = Math.log(error[0] / error[1]) / Math.log(2), order2 = Math.log(error[1] / error[2]) / Math.log(2);
        String msg = String.format("L1 %.2e, %.2e, %.2e; orders %.2f, %.2f", error[0], error[1], error[2], order1, order2);
        reporter.publishEntry("remap", msg);
        assertTrue(order1 > 1.7 && order2 > 1.7, msg);
    }
}
