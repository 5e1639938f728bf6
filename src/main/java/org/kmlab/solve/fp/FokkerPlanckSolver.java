package org.kmlab.solve.fp;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

/** Fokker–Planck equation by conservative finite volumes (placeholder until implemented). */
public final class FokkerPlanckSolver implements Solver {
    @Override public String id() { return "fp"; }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        throw new SolverException("fp: not implemented yet");
    }
}
