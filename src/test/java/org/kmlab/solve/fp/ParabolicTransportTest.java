package org.kmlab.solve.fp;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParabolicTransportTest {
    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    /** Cell averages of a Gaussian bump (centre c, sd s, in cells; peak density 1) on n unit cells, exactly (erf). */
    private static double[] gaussian(int n, double c, double s) {
        double[] v = new double[n];
        double scale = 1 / (Math.sqrt(2) * s);
        for (int j = 0; j < n; j++) v[j] = Math.sqrt(Math.PI / 2) * s * Erf.erf((j - c) * scale, (j + 1 - c) * scale);
        return v;
    }

    @Test
    void aUniformShiftByWholeCellsMovesTheDataExactly() {
        double[] rho = gaussian(40, 15, 3);
        double[] shifted = rho.clone();
        double[] w = new double[41];
        java.util.Arrays.fill(w, 1, 40, 2.0);          // two cells per unit time, ends fixed
        new ParabolicTransport().advect(shifted, 0, 1, 40, w, 1.0);
        for (int j = 4; j < 36; j++) assertEquals(rho[j - 2], shifted[j], 1e-12 * rho[j - 2] + 1e-15, "cell " + j);
        assertEquals(sum(rho), sum(shifted), 1e-12 * sum(rho), "mass: what piles against the right end stays");
    }

    /**
     * A smooth bump carried by a constant velocity at a fixed Courant number (0.4 cells a step):
     * the L1 error after a fixed distance falls by about 2³ when the cells halve (a third-order
     * reconstruction; the positivity scaling leaves a smooth positive bump alone).
     */
    @Test
    void transportOfASmoothBumpConvergesAtThirdOrder() {
        double[] errors = new double[3];
        for (int r = 0; r < 3; r++) {
            int k = 1 << r, n = 60 * k, steps = 50 * k;
            double sd = 3.0 * k, distance = 20.0 * k;
            double[] rho = gaussian(n, 15 * k, sd), w = new double[n + 1];
            java.util.Arrays.fill(w, 1, n, 1.0);
            ParabolicTransport t = new ParabolicTransport();
            for (int s = 0; s < steps; s++) t.advect(rho, 0, 1, n, w, distance / steps);
            double[] exact = gaussian(n, 15 * k + distance, sd);
            double e = 0;
            for (int j = 0; j < n; j++) e += Math.abs(rho[j] - exact[j]);
            errors[r] = e / (sd * Math.sqrt(2 * Math.PI));   // relative L1
        }
        assertTrue(errors[0] / errors[1] > 6 && errors[1] / errors[2] > 6, java.util.Arrays.toString(errors));
    }

    @Test
    void anyVelocityKeepsRandomDataNonNegativeAndConservesMass() {
        SplittableRandom random = new SplittableRandom(3);
        ParabolicTransport t = new ParabolicTransport();
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(30);
            double[] rho = new double[n], w = new double[n + 1];
            for (int j = 0; j < n; j++) rho[j] = random.nextDouble() < 0.3 ? 0 : Math.pow(10, -random.nextInt(20)) * random.nextDouble();
            for (int k = 1; k < n; k++) w[k] = 6 * (random.nextDouble() - 0.5);
            double before = sum(rho);
            t.advect(rho, 0, 1, n, w, random.nextDouble());
            for (double v : rho) assertTrue(v >= 0, "negative value " + v);
            assertEquals(before, sum(rho), 1e-13 * before + 1e-300);
        }
    }

    @Test
    void remappingOntoCellsTwiceAsWideAveragesPairsAndKeepsMass() {
        SplittableRandom random = new SplittableRandom(5);
        double[] rho = new double[20], coarse = new double[10];
        for (int j = 0; j < 20; j++) rho[j] = random.nextDouble();
        double outside = new ParabolicTransport().remap(rho, 0, 1, 20, 0, 0.5, coarse, 0, 1, 10, 0, 1.0);
        for (int k = 0; k < 10; k++) assertEquals(0.5 * (rho[2 * k] + rho[2 * k + 1]), coarse[k], 1e-13);
        assertEquals(0, outside, 0);
    }

    @Test
    void massBeyondTheTargetIsFoldedIntoItsEndCellsAndReported() {
        double[] rho = new double[10], target = new double[6];
        java.util.Arrays.fill(rho, 1);
        double outside = new ParabolicTransport().remap(rho, 0, 1, 10, 0, 1, target, 0, 1, 6, 2, 1);
        assertEquals(4, outside, 1e-12, "cells 0–1 and 8–9 lie outside [2, 8]");
        assertEquals(10, sum(target), 1e-12, "nothing is dropped");
        assertEquals(3, target[0], 1e-12);
        assertEquals(3, target[5], 1e-12);
    }
}
