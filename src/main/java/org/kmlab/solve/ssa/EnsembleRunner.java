package org.kmlab.solve.ssa;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Advances a whole {@link Ensemble} from one output time to the next on a fixed pool of worker
 * threads, one {@link DirectMethodStepper} each. Workers take chunks of consecutive trajectories
 * from a shared counter; since each trajectory has its own random stream and its own slot in the
 * ensemble, the result does not depend on which worker ran which chunk, nor on the thread count.
 * With one thread the work runs on the caller's thread and no pool is made.
 */
final class EnsembleRunner implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Ensemble ensemble;
    private final DirectMethodStepper[] steppers;
    private final CancellationToken halt;
    private final ExecutorService pool;
    private final int chunk;

    /** @param steppers one per worker thread; {@code halt} is the token they all poll besides the user's */
    EnsembleRunner(Ensemble ensemble, DirectMethodStepper[] steppers, CancellationToken halt) {
        this.ensemble = ensemble;
        this.steppers = steppers.clone();
        this.halt = halt;
        int threads = steppers.length;
        // About 16 chunks per worker balances uneven trajectories without much counter traffic.
        this.chunk = Math.max(1, ensemble.size / (16 * threads));
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, workerThreads()) : null;
    }

    long events() {
        long e = 0;
        for (DirectMethodStepper s : steppers) e += s.events();
        return e;
    }

    /** Advances every trajectory from t0 to t1; rethrows the first failure of any worker. */
    void advanceAll(double t0, double t1) {
        if (pool == null) {
            for (int from = 0; from < ensemble.size; from += chunk) {
                steppers[0].poll();
                steppers[0].advance(ensemble, from, Math.min(ensemble.size, from + chunk), t0, t1);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(steppers.length);
        for (DirectMethodStepper stepper : steppers) {
            futures.add(pool.submit(() -> {
                try {
                    int from;
                    while ((from = next.getAndAdd(chunk)) < ensemble.size) {
                        stepper.poll();
                        stepper.advance(ensemble, from, Math.min(ensemble.size, from + chunk), t0, t1);
                    }
                } catch (RuntimeException | Error e) {
                    halt.cancel();
                    throw e;
                }
            }));
        }
        await(futures);
    }

    private void await(List<Future<?>> futures) {
        Throwable failure = null;
        boolean cancelled = false;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CancelledException) cancelled = true;
                else if (failure == null) failure = cause;
            } catch (InterruptedException e) {
                halt.cancel();
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        if (failure instanceof RuntimeException) throw (RuntimeException) failure;
        if (failure instanceof Error) throw (Error) failure;
        if (failure != null) throw new IllegalStateException(failure);
        if (cancelled) throw new CancelledException();
    }

    @Override public void close() {
        if (pool != null) pool.shutdownNow();
    }

    private static ThreadFactory workerThreads() {
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "kmlab-ssa-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
