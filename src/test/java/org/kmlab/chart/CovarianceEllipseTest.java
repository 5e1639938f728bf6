package org.kmlab.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CovarianceEllipseTest {
    @Test
    void ellipsePointsLieOnTheMahalanobisContour() {
        double[] mean = {1.5, -0.3};
        for (double[][] cov : new double[][][] {{{2, 0.7}, {0.7, 0.5}}, {{0.01, -0.0099}, {-0.0099, 0.01}}, {{3, 0}, {0, 3}}, {{1e-4, 0}, {0, 25}}}) {
            double det = cov[0][0] * cov[1][1] - cov[0][1] * cov[1][0];
            double ixx = cov[1][1] / det, iyy = cov[0][0] / det, ixy = -cov[0][1] / det;
            for (double n : new double[] {1, 2}) {
                double[][] e = CovarianceEllipse.points(mean, cov, n, 73);
                assertEquals(73, e[0].length);
                assertEquals(e[0][0], e[0][72], 0.0, "closed curve");
                for (int k = 0; k < 73; k++) {
                    double u = e[0][k] - mean[0], v = e[1][k] - mean[1];
                    double q = ixx * u * u + 2 * ixy * u * v + iyy * v * v;
                    assertEquals(n * n, q, 1e-9 * n * n, "point " + k);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CovarianceEllipse.points(mean, new double[][] {{1, 2}, {2, 1}}, 1, 10));
    }
}
