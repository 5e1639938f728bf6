package org.kmlab.solve.cle;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

/** Chemical Langevin equation by Euler–Maruyama (placeholder until implemented). */
public final class ChemicalLangevin implements Solver {
    @Override public String id() { return "cle"; }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        throw new SolverException("cle: not implemented yet");
    }
}
