package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowRemapTest {
    private static double[] randomDensity(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) p[i] = r.nextDouble();
        return p;
    }

    private static double mass(double[] p, FokkerPlanck2D.Grid g) {
        double s = 0;
        for (double v : p) s += v;
        return s * g.h() * g.h();
    }

    @Test
    void sameCellsShiftedByWholeCellsIsAnExactShift() {
        FokkerPlanck2D.Grid from = new FokkerPlanck2D.Grid(0.25, 0.5, 0.25, 6, 5);
        FokkerPlanck2D.Grid to = new FokkerPlanck2D.Grid(0, 0.25, 0.25, 9, 8);   // one cell lower-left, bigger
        double[] p = randomDensity(30, 1);
        double[] outside = new double[1];
        double[] q = WindowRemap.remap(p, from, to, outside);
        for (int j = 0; j < 5; j++) for (int i = 0; i < 6; i++) assertEquals(p[j * 6 + i], q[(j + 1) * 9 + i + 1], 1e-14);
        assertEquals(mass(p, from), mass(q, to), 1e-14);
        assertEquals(0, outside[0], 1e-15);
    }

    @Test
    void coarserCellsKeepMassAndTheOverlapAverages() {
        FokkerPlanck2D.Grid from = new FokkerPlanck2D.Grid(0, 0, 0.1, 20, 20);
        FokkerPlanck2D.Grid to = new FokkerPlanck2D.Grid(0, 0, 0.2, 10, 10);
        double[] p = randomDensity(400, 2);
        double[] q = WindowRemap.remap(p, from, to, new double[1]);
        assertEquals(mass(p, from), mass(q, to), 1e-12);
        double average = (p[0] + p[1] + p[20] + p[21]) / 4;      // target cell (0, 0) is four source cells
        assertEquals(average, q[0], 1e-12);
        for (double v : q) assertTrue(v >= 0);
    }

    @Test
    void massOutsideTheNewBoxGoesToTheWallCellsAndIsReported() {
        FokkerPlanck2D.Grid from = new FokkerPlanck2D.Grid(0, 0, 0.1, 10, 10);
        FokkerPlanck2D.Grid to = new FokkerPlanck2D.Grid(0.2, 0, 0.1, 10, 10);   // the two left columns fall outside
        double[] p = new double[100];
        java.util.Arrays.fill(p, 1);
        double[] outside = new double[1];
        double[] q = WindowRemap.remap(p, from, to, outside);
        assertEquals(0.2, outside[0], 1e-12, "two columns of 10 cells of mass 0.01");
        assertEquals(1.0, mass(q, to), 1e-12, "nothing is dropped");
        assertEquals(3, q[0], 1e-12, "the wall cell holds its own mass and the two columns beyond it");
    }
}
