package org.kmlab.solve.cle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DiffusionRootTest {
    private static void assertRoot(double[][] b) {
        int d = b.length;
        double[][] l = new double[d][d];
        DiffusionRoot.cholesky(b, l, d);
        double scale = 0;
        for (double[] row : b) for (double v : row) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int k = 0; k < d; k++) v += l[i][k] * (j < d ? l[j][k] : 0);
                assertEquals(b[i][j], v, 1e-12 * Math.max(scale, 1e-300), "(L Lᵀ)[" + i + "][" + j + "]");
                if (j > i) assertEquals(0, l[i][j], 0.0, "lower triangular");
            }
        }
    }

    @Test
    void factorsDefiniteSemidefiniteAndZeroMatrices() {
        assertRoot(new double[][] {{4}});
        assertRoot(new double[][] {{0}});
        assertRoot(new double[][] {{2, -0.5}, {-0.5, 1}});
        assertRoot(new double[][] {{3, -3}, {-3, 3}});          // A→B→∅ with no B: only ν = (−1, 1)
        assertRoot(new double[][] {{0, 0}, {0, 5}});            // first species frozen
        assertRoot(new double[][] {{0, 0}, {0, 0}});
        assertRoot(new double[][] {{1e-9, 2e-9}, {2e-9, 4e-9}}); // tiny, rank one
    }
}
