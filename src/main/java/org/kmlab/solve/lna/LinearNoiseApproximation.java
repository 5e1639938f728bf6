package org.kmlab.solve.lna;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

/** Linear noise approximation (placeholder until implemented). */
public final class LinearNoiseApproximation implements Solver {
    @Override public String id() { return "lna"; }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        throw new SolverException("lna: not implemented yet");
    }
}
