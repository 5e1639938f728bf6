package org.kmlab.run;

/**
 * An immutable view of one solver in a run.
 *
 * @param solver   the solver id (ssa, cme, fp…)
 * @param phase    where it stands
 * @param message  why it failed (a user-facing sentence), or empty
 * @param progress fraction of the work done, in [0, 1]
 * @param events   reaction events simulated so far (ensemble solvers; 0 otherwise)
 */
public record SolverState(String solver, SolverPhase phase, String message, double progress, long events) {
    public SolverState {
        message = message == null ? "" : message;
    }

    static SolverState waiting(String solver) { return new SolverState(solver, SolverPhase.WAITING, "", 0, 0); }

    SolverState with(SolverPhase p, String m) { return new SolverState(solver, p, m, p == SolverPhase.DONE ? 1 : progress, events); }

    SolverState withProgress(double f) { return new SolverState(solver, phase, message, f, events); }

    SolverState withEvents(long e) { return new SolverState(solver, phase, message, progress, e); }
}
