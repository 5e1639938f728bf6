package org.kmlab.run;

/**
 * Hears how the solvers of a run get on (the command line's progress lines). Called on the
 * solvers' threads, often: implementations must be quick and thread-safe. The window does not
 * listen: it polls {@link Run#states()} once per frame.
 */
public interface RunListener {
    /** A solver's state changed: phase, progress or events. */
    void changed(SolverState state);

    RunListener NONE = s -> {};
}
