package org.kmlab.solve.cle;

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
 * Advances a whole {@link PathEnsemble} over one output interval on a fixed pool of workers, one
 * {@link LangevinStepper} each. Workers take chunks of consecutive paths from a shared counter;
 * every path has its own random stream and its own slots, so the result is the same whichever
 * worker ran which chunk, and whatever the thread count. One worker runs on the caller's thread.
 */
final class LangevinRunner implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PathEnsemble ensemble;
    private final LangevinStepper[] steppers;
    private final CancellationToken halt;
    private final ExecutorService pool;
    private final int chunk;

    LangevinRunner(PathEnsemble ensemble, LangevinStepper[] steppers, CancellationToken halt) {
        this.ensemble = ensemble;
        this.steppers = steppers.clone();
        this.halt = halt;
        this.chunk = Math.max(1, ensemble.size / (16 * steppers.length));
        this.pool = steppers.length > 1 ? Executors.newFixedThreadPool(steppers.length, workerThreads()) : null;
    }

    /** Advances every path from t0 by {@code steps} steps of h; rethrows the first worker failure. */
    void advanceAll(double t0, int steps, double h) {
        if (pool == null) {
            for (int from = 0; from < ensemble.size; from += chunk) {
                steppers[0].advance(ensemble, from, Math.min(ensemble.size, from + chunk), t0, steps, h);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(steppers.length);
        for (LangevinStepper stepper : steppers) {
            futures.add(pool.submit(() -> {
                try {
                    int from;
                    while ((from = next.getAndAdd(chunk)) < ensemble.size) {
                        stepper.advance(ensemble, from, Math.min(ensemble.size, from + chunk), t0, steps, h);
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
            Thread t = new Thread(task, "kmlab-cle-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
