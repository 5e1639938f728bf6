package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridRemap2DTest {
    private static double[] randomDensity(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) p[i] = r.nextDouble();
        return p;
    }

    private static double mass(double[] p, FrameBox2D b) {
        double s = 0;
        for (double v : p) s += v;
        return s * b.h() * b.h();
    }

    @Test
    void sameCellsShiftedByWholeCellsIsAnExactCopy() {
        FrameBox2D from = new FrameBox2D(0.25, 0.25, 0.5, 6, 5);
        FrameBox2D to = new FrameBox2D(0.25, 0, 0.25, 9, 8);   // one cell lower-left, bigger
        double[] p = randomDensity(30, 1);
        double[] outside = new double[1];
        double[] q = GridRemap2D.remap(p, from, 0, 0, to, new ParabolicTransport(), outside);
        for (int j = 0; j < 5; j++) for (int i = 0; i < 6; i++) assertEquals(p[j * 6 + i], q[(j + 1) * 9 + i + 1], 0);
        assertEquals(0, outside[0], 0);
    }

    @Test
    void aShiftedFrameIsTheSameCopy() {
        FrameBox2D from = new FrameBox2D(0.25, 0, 0, 6, 5), to = new FrameBox2D(0.25, 0.25, 0, 6, 5);
        double[] p = randomDensity(30, 2), outside = new double[1];
        double[] q = GridRemap2D.remap(p, from, 0.25, 0, to, new ParabolicTransport(), outside);   // origin moved by −0.25
        assertEquals(p[7], q[7], 0);
    }

    @Test
    void coarserCellsKeepMassAndTheOverlapAverages() {
        FrameBox2D from = new FrameBox2D(0.1, 0, 0, 20, 20), to = new FrameBox2D(0.2, 0, 0, 10, 10);
        double[] p = randomDensity(400, 3);
        double[] q = GridRemap2D.remap(p, from, 0, 0, to, new ParabolicTransport(), new double[1]);
        assertEquals(mass(p, from), mass(q, to), 1e-12);
        assertEquals((p[0] + p[1] + p[20] + p[21]) / 4, q[0], 1e-12, "target cell (0, 0) is four source cells");
        for (double v : q) assertTrue(v >= 0);
    }

    @Test
    void aSubCellShiftKeepsMassAndPositivity() {
        FrameBox2D from = new FrameBox2D(0.1, 0, 0, 20, 20), to = new FrameBox2D(0.1 * Math.sqrt(2), -0.3, -0.2, 18, 18);
        double[] p = randomDensity(400, 4), outside = new double[1];
        double[] q = GridRemap2D.remap(p, from, 0.037, -0.011, to, new ParabolicTransport(), outside);
        assertEquals(mass(p, from), mass(q, to), 1e-12);
        for (double v : q) assertTrue(v >= 0);
    }

    @Test
    void massOutsideTheNewBoxGoesToItsEdgeCellsAndIsReported() {
        FrameBox2D from = new FrameBox2D(0.1, 0, 0, 10, 10), to = new FrameBox2D(0.1, 0.2, 0, 8, 10);
        double[] p = new double[100];
        java.util.Arrays.fill(p, 1);
        double[] outside = new double[1];
        double[] q = GridRemap2D.remap(p, from, 0, 0, to, new ParabolicTransport(), outside);
        assertEquals(0.2, outside[0], 1e-12, "two columns of 10 cells of mass 0.01");
        assertEquals(1.0, mass(q, to), 1e-12, "nothing is dropped");
        assertEquals(3, q[0], 1e-12, "the edge cell holds its own mass and the two columns beyond it");
    }
}
