package org.kmlab.solve.ssa;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

/** Gillespie's direct method over an ensemble (placeholder until implemented). */
public final class DirectMethodSsa implements Solver {
    @Override public String id() { return "ssa"; }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        throw new SolverException("ssa: not implemented yet");
    }
}
