package org.kmlab.solve;

/**
 * One solution method. Implementations are stateless and thread-safe: {@link #solve} may be called
 * concurrently for different problems. A run reports snapshots as it goes, polls the token, and
 * returns the full result on a fixed time grid.
 */
public interface Solver {
    /** The id used in the CLI and summary.json: ssa, cme, fp, cle, lna. */
    String id();

    /** True when this solver can handle the model (dimension, signed species…). */
    default boolean supports(org.kmlab.model.Model model) { return true; }

    /**
     * @throws SolverException   the run cannot go on (message for the user)
     * @throws CancelledException the token was cancelled
     */
    SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel);
}
