package org.kmlab.solve.ssa;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A count (an unsigned species) never goes below 0: a formula propensity that would take it there stops the run. */
class CountsStayNonNegativeTest {
    private static Model leaky(boolean signed) {
        return new Model("leaky", "", List.of(new Species("X", 3, signed)), List.of(new Parameter("k", 5, 0, 10, "")),
                new SystemSize(1, 1, 1), List.of(new Reaction("drain", "X -> 0", null, "k")));
    }

    private static Problem problem(Model m) {
        return new Problem(m, Problem.uniformTimes(5, 6), 50, 7, SolverOptions.defaults().withThreads(1));
    }

    @Test
    void aFormulaThatDrainsAnEmptyCountStopsTheRun() {
        SolverException e = assertThrows(SolverException.class,
                () -> new DirectMethodSsa().solve(problem(leaky(false)), SnapshotListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().startsWith("reaction 'drain' made X = -1 at t = "), e.getMessage());
    }

    @Test
    void aSignedCoordinateMayGoBelowZero() {
        var result = new DirectMethodSsa().solve(problem(leaky(true)), SnapshotListener.NONE, new CancellationToken());
        assertTrue(result.last().mean(0) < 0, "the walker drifts left: " + result.last().mean(0));
    }
}
