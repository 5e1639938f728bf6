package org.kmlab.solve.ssa;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.ParallelChunks;

/**
 * Advances a whole {@link Ensemble} from one output time to the next, one
 * {@link DirectMethodStepper} per worker thread (see {@link ParallelChunks} for why the result
 * does not depend on the thread count).
 */
final class EnsembleRunner implements AutoCloseable {
    private final Ensemble ensemble;
    private final DirectMethodStepper[] steppers;
    private final ParallelChunks workers;

    /** @param steppers one per worker thread; {@code halt} is the token they all poll besides the user's */
    EnsembleRunner(Ensemble ensemble, DirectMethodStepper[] steppers, CancellationToken halt) {
        this.ensemble = ensemble;
        this.steppers = steppers.clone();
        this.workers = new ParallelChunks("ssa", steppers.length, ensemble.size, halt);
    }

    long events() {
        long e = 0;
        for (DirectMethodStepper s : steppers) e += s.events();
        return e;
    }

    /** Advances every trajectory from t0 to t1; rethrows the first failure of any worker. */
    void advanceAll(double t0, double t1) {
        workers.forEachChunk((w, from, to) -> {
            steppers[w].poll();   // between chunks too, so a cancelled run stops even when trajectories are short
            steppers[w].advance(ensemble, from, to, t0, t1);
        });
    }

    @Override public void close() { workers.close(); }
}
