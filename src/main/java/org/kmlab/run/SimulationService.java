package org.kmlab.run;

import org.kmlab.solve.Solver;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs solvers off the UI thread (cf. JabRef's TaskExecutor): each solver of a request on its own
 * worker, so SSA and Fokker–Planck progress side by side. Starting a run cancels the previous one
 * (its solvers stop at their next token check). The current run is held in an
 * {@link AtomicReference}; readers poll it and its {@link Recording}, nothing is pushed to them, so
 * a fast solver can never flood the UI. Errors never leave the service: they are recorded as the
 * failed solver's message.
 */
public final class SimulationService implements AutoCloseable {
    private final Executor executor;
    private final ExecutorService owned;
    private final Function<String, Solver> solvers;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private volatile boolean closed;

    private SimulationService(Executor executor, ExecutorService owned, Function<String, Solver> solvers) {
        this.executor = executor;
        this.owned = owned;
        this.solvers = Objects.requireNonNull(solvers);
    }

    /** Solvers from {@link SolverRegistry}, on daemon worker threads. */
    public static SimulationService background() { return background(SolverRegistry::byId); }

    public static SimulationService background(Function<String, Solver> solvers) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kmlab-solver-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);   // the UI thread comes first
            return t;
        });
        return new SimulationService(pool, pool, solvers);
    }

    /** Runs every solver on the thread that calls {@link #start}, which returns when they are done (for tests). */
    public static SimulationService sameThread(Function<String, Solver> solvers) {
        return new SimulationService(Runnable::run, null, solvers);
    }

    /** Cancels the current run (if any) and starts this one. After {@link #close} the run is cancelled at once. */
    public Run start(RunRequest request) {
        Run run = new Run(request);
        Run old = current.getAndSet(run);
        if (old != null) old.cancel();
        if (closed) run.cancel();
        for (int i = 0; i < run.recording().solvers().size(); i++) {
            int solver = i;
            try {
                executor.execute(() -> run.execute(solver, solvers));
            } catch (RejectedExecutionException e) {   // closed meanwhile: the run ends as cancelled
                run.cancel();
                run.execute(solver, solvers);
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
        if (owned != null) owned.shutdownNow();
    }
}
