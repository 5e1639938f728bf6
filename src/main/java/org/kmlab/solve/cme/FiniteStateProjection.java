package org.kmlab.solve.cme;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

/** Master equation on a truncated lattice (placeholder until implemented). */
public final class FiniteStateProjection implements Solver {
    @Override public String id() { return "cme"; }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        throw new SolverException("cme: not implemented yet");
    }
}
