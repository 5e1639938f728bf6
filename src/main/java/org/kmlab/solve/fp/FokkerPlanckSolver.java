package org.kmlab.solve.fp;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

/**
 * The Fokker–Planck solver ("fp"): the PDE with the model's first two Kramers–Moyal moments,
 * {@link ChangCooperFokkerPlanck1D} for one species and {@link FokkerPlanck2D} for two.
 */
public final class FokkerPlanckSolver implements Solver {
    @Override public String id() { return "fp"; }

    @Override public boolean supports(Model model) { return model.speciesCount() <= 2; }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        int d = problem.model().speciesCount();
        if (d == 1) return ChangCooperFokkerPlanck1D.solve(problem, listener, cancel);
        if (d == 2) return FokkerPlanck2D.solve(problem, listener, cancel);
        throw new SolverException("fp: the Fokker–Planck solver handles 1 or 2 species; this model has " + d);
    }
}
