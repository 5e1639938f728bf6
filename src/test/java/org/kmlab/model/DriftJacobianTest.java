package org.kmlab.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DriftJacobianTest {
    @Test
    void exactForQuadraticMassAction() {
        // predator–prey: A_x = a x − b x(x − 1/Ω) − c x y, A_y = c x y − d y (falling factorial of 2X)
        Model m = TestPresets.model("predator-prey");
        double a = m.parameter("a"), b = m.parameter("b"), c = m.parameter("c"), d = m.parameter("d"), omega = m.size();
        DriftJacobian jac = new DriftJacobian(m);
        double[][] j = new double[2][2];
        for (double[] x : new double[][] {{0.8, 0.6}, {3.1, 0.05}, {47, 12}}) {
            jac.at(x, j);
            assertEquals(a - b * (2 * x[0] - 1 / omega) - c * x[1], j[0][0], 1e-10 * (1 + x[0]), "∂A_x/∂x");
            assertEquals(-c * x[0], j[0][1], 1e-10 * (1 + x[0]), "∂A_x/∂y");
            assertEquals(c * x[1], j[1][0], 1e-10 * (1 + x[1]), "∂A_y/∂x");
            assertEquals(c * x[0] - d, j[1][1], 1e-10 * (1 + x[0]), "∂A_y/∂y");
        }
    }

    @Test
    void oneSidedAtTheEmptyStateOfACount() {
        // birth–death at x = 0: the death propensity k2·n is clamped to 0 below n = 0, so a central
        // difference would see half the slope; the one-sided stencil gives −k2
        Model m = TestPresets.model("birth-death").with("k2", 0.7);
        DriftJacobian jac = new DriftJacobian(m);
        double[][] j = new double[1][1];
        for (double x : new double[] {0, 1e-4, 0.5, 30}) {
            jac.at(new double[] {x}, j);
            assertEquals(-0.7, j[0][0], 1e-11, "at x = " + x);
        }
        assertEquals(0.7, jac.norm(new double[] {3}, j), 1e-11);
    }

    @Test
    void centralForASignedCoordinate() {
        Model m = TestPresets.model("ornstein-uhlenbeck").with("theta", 2.5);
        DriftJacobian jac = new DriftJacobian(m);
        double[][] j = new double[1][1];
        for (double x : new double[] {-1, 0, 1e-5, 2}) {
            jac.at(new double[] {x}, j);
            assertEquals(-2.5, j[0][0], 1e-9, "A = −θx at x = " + x);
        }
    }
}
