package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;

import static org.junit.jupiter.api.Assertions.*;

class FramePlanner2DTest {
    /**
     * A fresh cell size for a spreading cloud whose cells per sd would start just under the band's
     * top (5.99 of 6) must not give a sliver of a piece (each piece costs at least a step of both
     * grids; predator–prey at Ω = 100 took 69 such pieces): the planner takes the next coarser
     * rung, in the band and lasting longer.
     */
    @Test
    void aFreshCellSizeAtTheBandsEdgeDoesNotMakeASliverOfAPiece() {
        Model m = FpTestModels.preset("predator-prey");
        FramePlanner2D planner = new FramePlanner2D(m, 0);
        double sd = 3 * Math.sqrt(2) * planner.rung(1) * 0.999;   // the rung below gives 5.99 cells per sd
        double[] mean = {1.5, 0.5};   // prey above x* = 1 and predators growing: both directions spread
        double[][] cov = {{sd * sd, 0}, {0, sd * sd}};
        double[][] occupied = {{mean[0] - 6 * sd, mean[0] + 6 * sd}, {mean[1] - 6 * sd, mean[1] + 6 * sd}};
        double horizon = 0.1;
        FramePlanner2D.Plan plan = planner.plan(mean, cov, occupied, mean.clone(), new boolean[2], null, horizon, CancellationToken.none());
        assertTrue(plan.duration() >= horizon / 16, "a piece of " + plan.duration() + " for a horizon of " + horizon);
        assertTrue(plan.cellsPerSd() >= FramePlanner2D.CELLS_PER_SD && plan.cellsPerSd() <= FramePlanner2D.BAND * FramePlanner2D.CELLS_PER_SD,
                "cells per sd in the band: " + plan.cellsPerSd());
    }

    /**
     * Cells asked for (--fp-cells N, N along the box's longer side) are given beyond the default
     * grid's limit of {@value FramePlanner2D#MAX_CELLS} coarse cells, up to
     * {@value FramePlanner2D#MAX_ASKED_CELLS}: a user checking convergence gets the grid named
     * (before, 400 asked for a square cloud gave about 128 × 128).
     */
    @Test
    void cellsAskedForAreGivenBeyondTheDefaultLimit() {
        Model m = FpTestModels.preset("predator-prey");
        double sd = 0.3;
        double[] mean = {1.5, 0.5};
        double[][] cov = {{sd * sd, 0}, {0, sd * sd}};
        double[][] occupied = {{mean[0] - 6 * sd, mean[0] + 6 * sd}, {mean[1] - 6 * sd, mean[1] + 6 * sd}};
        for (int asked : new int[] {400, 2000}) {
            FramePlanner2D.Plan plan = new FramePlanner2D(m, asked).plan(mean, cov, occupied, mean.clone(), new boolean[2], null, 0.1, CancellationToken.none());
            FrameBox2D box = plan.box();
            int longer = Math.max(box.nx(), box.ny());
            String what = asked + " asked: " + box.nx() + " × " + box.ny();
            assertTrue(box.cells() <= FramePlanner2D.MAX_ASKED_CELLS, what);
            if (asked == 400) assertTrue(longer <= asked && longer > asked / 2 && box.cells() > FramePlanner2D.MAX_CELLS, what);
            else assertTrue(box.cells() > FramePlanner2D.MAX_ASKED_CELLS / 2, "the limit, not fewer: " + what);
        }
    }
}
