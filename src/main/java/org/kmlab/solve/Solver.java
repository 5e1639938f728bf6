package org.kmlab.solve;

import org.kmlab.model.Model;

/**
 * One solution method. Implementations are stateless and thread-safe: {@link #solve} may be called
 * concurrently for different problems. A run reports snapshots as it goes, polls the token, and
 * returns the full result on a fixed time grid.
 */
public interface Solver {
    /** Who this solver is: id, labels, what it produces, its reference rank and style slot. */
    SolverDescriptor descriptor();

    /** The id used in the CLI, presets and summary.json (ssa, cme, fp, cle, lna, km2…). */
    default String id() { return descriptor().id(); }

    /**
     * Why this solver cannot handle the model, in words for people (e.g. "handles 1 or 2
     * species; this model has 3"), or null when it can. The window shows it beside the solver's
     * check box; a run skips the solver with this reason.
     */
    default String unsupportedReason(Model model) { return null; }

    default boolean supports(Model model) { return unsupportedReason(model) == null; }

    /**
     * The reason every solver but the SSA gives for a model with events (SBML events: a jump of
     * the state or of a parameter at the moment a trigger turns true), or null without events.
     */
    static String eventsReason(Model model) {
        int n = model.events().size();
        if (n == 0) return null;
        return "does not simulate events (this model has " + n + ": '" + model.events().get(0).id() + "'" + (n > 1 ? ", …" : "") + "); only the SSA does";
    }

    /**
     * The mean first-passage time into the model's absorbing set from its initial state, computed
     * directly, without a time course (a sweep of T against Ω asks for it at every Ω), or empty
     * when this solver gives it only from a run (an ensemble: the mean over its absorbed
     * trajectories, {@link FirstPassage}).
     *
     * @throws SolverException this solver cannot give it for this model (the message says why)
     */
    default java.util.OptionalDouble meanFirstPassage(Model model) { return java.util.OptionalDouble.empty(); }

    /**
     * @throws SolverException   the run cannot go on (message for the user)
     * @throws CancelledException the token was cancelled
     */
    SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel);
}
