package org.kmlab.solve.cle;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.ParallelChunks;

/**
 * Advances a whole {@link PathEnsemble} over one output interval, one {@link LangevinStepper} per
 * worker thread (see {@link ParallelChunks} for why the result does not depend on the thread count).
 */
final class LangevinRunner implements AutoCloseable {
    private final PathEnsemble ensemble;
    private final LangevinStepper[] steppers;
    private final ParallelChunks workers;

    LangevinRunner(PathEnsemble ensemble, LangevinStepper[] steppers, CancellationToken halt) {
        this.ensemble = ensemble;
        this.steppers = steppers.clone();
        this.workers = new ParallelChunks("cle", steppers.length, ensemble.size, halt);
    }

    /** Advances every path from t0 by {@code steps} steps of h; rethrows the first worker failure. */
    void advanceAll(double t0, int steps, double h) {
        workers.forEachChunk((w, from, to) -> steppers[w].advance(ensemble, from, to, t0, steps, h));
    }

    @Override public void close() { workers.close(); }
}
