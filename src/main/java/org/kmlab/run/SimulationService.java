package org.kmlab.run;

import org.kmlab.solve.Workers;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs solvers off the UI thread (cf. JabRef's TaskExecutor): each solver of a request on its own
 * worker, so SSA and Fokker–Planck progress side by side. Starting a run cancels the previous one
 * (its solvers stop at their next token check). The current run is held in an
 * {@link AtomicReference}; readers poll it and its {@link Recording}, nothing is pushed to them, so
 * a fast solver can never flood the UI. Errors never leave the service: they are recorded as the
 * failed solver's message. With {@link Workers#sameThread()} (the command line, tests) the solvers
 * run one after the other inside {@link #start}.
 */
public final class SimulationService implements AutoCloseable {
    private final Workers workers;
    private final SolverRegistry registry;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private volatile boolean closed;

    public SimulationService(SolverRegistry registry, Workers workers) {
        this.registry = Objects.requireNonNull(registry);
        this.workers = Objects.requireNonNull(workers);
    }

    /** The built-in solvers, each on a background worker. */
    public static SimulationService background() { return background(SolverRegistry.builtIn()); }

    public static SimulationService background(SolverRegistry registry) {
        return new SimulationService(registry, Workers.pool("solver", 0));
    }

    /** Runs every solver on the thread that calls {@link #start}, which returns when they are done. */
    public static SimulationService sameThread(SolverRegistry registry) {
        return new SimulationService(registry, Workers.sameThread());
    }

    public SolverRegistry registry() { return registry; }

    /** As {@link #start(RunRequest, RunListener)} without a listener. */
    public Run start(RunRequest request) { return start(request, RunListener.NONE); }

    /**
     * Cancels the current run (if any) and starts this one. After {@link #close} the run is
     * cancelled at once.
     *
     * @throws IllegalArgumentException the request names a solver that is not registered
     */
    public Run start(RunRequest request, RunListener listener) {
        Run run = new Run(request, registry, listener);
        Run old = current.getAndSet(run);
        if (old != null) old.cancel();
        if (closed) run.cancel();
        for (int i = 0; i < run.recording().solvers().size(); i++) {
            int solver = i;
            try {
                workers.submit(() -> run.execute(solver));
            } catch (RejectedExecutionException e) {   // closed meanwhile: the run ends as cancelled
                run.cancel();
                run.execute(solver);
            }
        }
        return run;
    }

    /** The newest run, or null before the first start or after {@link #reset}. */
    public Run current() { return current.get(); }

    /** Cancels the current run and forgets it. */
    public void reset() {
        Run old = current.getAndSet(null);
        if (old != null) old.cancel();
    }

    @Override public void close() {
        closed = true;
        reset();
        workers.close();
    }
}
