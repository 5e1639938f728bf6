package org.kmlab.solve.ensemble;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.FineStepObserver;
import org.kmlab.solve.ParallelChunks;

/**
 * Advances a whole {@link Ensemble} time-major: all N members to output time t_k, then the caller
 * takes snapshot k. One {@link MemberStepper} per worker thread; the members are split into the
 * fixed chunks of {@link ParallelChunks} (see there for why the result does not depend on the
 * thread count). Each worker polls its stepper (the user's token and {@code halt}) before every
 * chunk; the first failure of any worker raises {@code halt}, so the others stop too, and is
 * rethrown. With a {@link FineStepObserver} each worker gets its own {@link FineSampler}.
 */
public final class EnsembleRunner implements AutoCloseable {
    private final Ensemble ensemble;
    private final MemberStepper[] steppers;
    private final FineSampler[] samplers;
    private final FineStepObserver observer;
    private final ParallelChunks workers;

    /**
     * @param steppers one per worker thread (their count is the thread count)
     * @param halt     the token every stepper polls besides the user's; raised on a worker's failure
     * @param observer sees fine steps, or null
     */
    public EnsembleRunner(String name, Ensemble ensemble, MemberStepper[] steppers, CancellationToken halt, FineStepObserver observer) {
        this.ensemble = ensemble;
        this.steppers = steppers.clone();
        this.observer = observer;
        this.workers = new ParallelChunks(name, steppers.length, ensemble.size(), halt);
        this.samplers = new FineSampler[steppers.length];
        if (observer != null) {
            for (int w = 0; w < samplers.length; w++) samplers[w] = new FineSampler(observer, ensemble.dimension(), ensemble.scale());
            observer.start(ensemble.size(), ensemble.dimension(), workers.chunkSize());
        }
    }

    /** Worker threads used. */
    public int threads() { return steppers.length; }

    /**
     * Brings every member from t0 to output time index k at time t1 (nothing to do when t1 = t0),
     * then tells the observer; rethrows the first failure of any worker.
     */
    public void reach(int k, double t0, double t1) {
        if (t1 > t0) {
            workers.forEachChunk((w, from, to) -> {
                MemberStepper stepper = steppers[w];
                FineSampler fine = samplers[w];
                stepper.poll();   // between chunks too, so a cancelled run stops even when members are quick
                for (int i = from; i < to; i++) stepper.advance(ensemble, i, t0, t1, fine);
            });
        }
        if (observer != null) observer.reached(k, t1);
    }

    @Override public void close() { workers.close(); }
}
