package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.Density2D;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pieces of the 2-D error estimate and picture: the check box (cells two thirds as wide),
 * the distance on blocks both grids tile, and the density drawn on cells half as wide.
 */
class CheckGrid2DTest {
    private static final Model MODEL = FpTestModels.preset("predator-prey");

    /** Exact cell averages of f(x, y) = (1 + x + x²)(2 − y + y²) on a box (frame at the origin). */
    private static double[] quadratic(FrameBox2D b) {
        double[] p = new double[b.cells()];
        for (int j = 0; j < b.ny(); j++) {
            double y0 = b.y0() + j * b.h(), y1 = y0 + b.h();
            double fy = (2 * (y1 - y0) - (y1 * y1 - y0 * y0) / 2 + (y1 * y1 * y1 - y0 * y0 * y0) / 3) / b.h();
            for (int i = 0; i < b.nx(); i++) {
                double x0 = b.x0() + i * b.h(), x1 = x0 + b.h();
                double fx = ((x1 - x0) + (x1 * x1 - x0 * x0) / 2 + (x1 * x1 * x1 - x0 * x0 * x0) / 3) / b.h();
                p[j * b.nx() + i] = fx * fy;
            }
        }
        return p;
    }

    private static GridSolution2D solution(FrameBox2D box, double[] p) {
        CoMovingFrame2D frame = new CoMovingFrame2D(MODEL);
        frame.place(0, 0);
        return new GridSolution2D(MODEL, frame, box, p);
    }

    @Test
    void theCheckBoxHasCellsTwoThirdsAsWideOverTheSameExtent() {
        FrameBox2D box = new FrameBox2D(0.3, -0.6, 1.2, 8, 4), check = box.checkBox();
        assertEquals(0.2, check.h(), 1e-15);
        assertEquals(12, check.nx());
        assertEquals(6, check.ny());
        assertEquals(box.x0(), check.x0());
        assertEquals(box.y0(), check.y0());
        assertThrows(IllegalStateException.class, () -> new FrameBox2D(0.3, 0, 0, 7, 4).checkBox(), "odd counts have no check box");
    }

    /** The same function's exact cell averages on both grids are at distance 0 (up to rounding): only the solutions' disagreement counts. */
    @Test
    void exactAveragesOfOneDensityAreAtDistanceZero() {
        FrameBox2D box = new FrameBox2D(0.25, -1, -0.5, 10, 6), check = box.checkBox();
        GridSolution2D coarse = solution(box, quadratic(box)), fine = solution(check, quadratic(check));
        assertEquals(0, fine.l1To(coarse), 1e-13);
    }

    /** Moving probability δ from one block to another puts the two grids 2δ apart. */
    @Test
    void probabilityMovedBetweenBlocksCountsTwice() {
        FrameBox2D box = new FrameBox2D(0.25, 0, 0, 6, 4), check = box.checkBox();
        double[] p = quadratic(box), q = quadratic(check);
        double delta = 1e-3, cell = check.h() * check.h();
        q[0] += delta / cell;                         // a check cell of block (0, 0)
        q[check.nx() * 4 + 5] -= delta / cell;        // a check cell of block (1, 1): row 4, column 5
        assertEquals(2 * delta, solution(check, q).l1To(solution(box, p)), 1e-12);
        assertThrows(IllegalStateException.class, () -> solution(box, p).l1To(solution(box, p.clone())), "the same box is not a check box");
    }

    /**
     * The picture on cells half as wide as the coarse ones integrates the solution's own parabolas:
     * probability and positivity are kept, and a quadratic density (which the parabolas reproduce)
     * is drawn with its exact averages over the smaller cells away from the box's edges, where a
     * staircase of the check cells would be off by the slope times the cell size.
     */
    @Test
    void thePictureOnHalfWidthCellsDrawsTheSolutionsParabolas() {
        FrameBox2D box = new FrameBox2D(0.3, 0, 0, 10, 8), check = box.checkBox(), picture = box.halved();
        GridSolution2D fine = solution(check, quadratic(check));
        Density2D drawn = fine.density(0, picture, new ParabolicTransport());
        double[] exact = quadratic(picture), got = drawn.p();
        double mass = 0, worstInside = 0;
        for (double v : got) {
            assertTrue(v >= 0);
            mass += v * picture.h() * picture.h();
        }
        assertEquals(fine.mass(), mass, 1e-12 * mass, "probability kept");
        for (int j = 4; j < picture.ny() - 4; j++) {
            for (int i = 4; i < picture.nx() - 4; i++) {
                int c = j * picture.nx() + i;
                worstInside = Math.max(worstInside, Math.abs(got[c] - exact[c]) / exact[c]);
            }
        }
        assertTrue(worstInside < 1e-12, "exact averages inside: relative error " + worstInside);
        assertEquals(picture.h(), drawn.dx(), 1e-15);
        assertEquals(picture.xCentre(0), drawn.x0(), 1e-15);
    }
}
