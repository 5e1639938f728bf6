package org.kmlab.run;

/**
 * An immutable view of one solver in a run.
 *
 * @param solver   the solver id (ssa, cme, fp…)
 * @param phase    where it stands
 * @param message  why it was skipped or failed (a user-facing sentence), or empty
 * @param progress fraction of the work done, in [0, 1]
 * @param events   reaction events simulated so far (ensemble solvers; 0 otherwise)
 * @param cause    what made it fail, when it was not a message for the user (an internal error), else null
 */
public record SolverState(String solver, SolverPhase phase, String message, double progress, long events, Throwable cause) {
    public SolverState {
        message = message == null ? "" : message;
    }

    static SolverState waiting(String solver) { return new SolverState(solver, SolverPhase.WAITING, "", 0, 0, null); }

    SolverState with(SolverPhase p, String m) { return new SolverState(solver, p, m, p == SolverPhase.DONE ? 1 : progress, events, cause); }

    SolverState withCause(Throwable t) { return new SolverState(solver, phase, message, progress, events, t); }

    SolverState withProgress(double f) { return new SolverState(solver, phase, message, f, events, cause); }

    SolverState withEvents(long e) { return new SolverState(solver, phase, message, progress, e, cause); }
}
