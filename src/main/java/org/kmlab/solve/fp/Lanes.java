package org.kmlab.solve.fp;

import org.kmlab.solve.Workers;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of lanes that run one short task at a time together: lane 0 on the caller's
 * thread, the others on threads of a {@link Workers#pool} kept for the team's life. A 2-D
 * Fokker–Planck step is a dozen sweeps of a millisecond or so, each split over the lanes by whole
 * lines of cells ({@link LineParts}); an executor hand-off per sweep would cost about as much as
 * the sweep, so the helpers wait for the next task by spinning briefly and then parking. Which
 * lane computes a line never changes what it computes, so results do not depend on the number
 * of lanes. Not reentrant: one {@link #run} at a time.
 */
final class Lanes implements AutoCloseable {
    /** The work of one lane. */
    @FunctionalInterface
    interface Part {
        void run(int lane);
    }

    /** How long a waiting thread spins before it parks: sweeps follow each other within tens of µs. */
    private static final long SPIN_NANOS = 50_000;

    private final int count;
    private final Workers pool;
    private final Thread[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed, callerParked;
    private volatile Part task;
    private volatile Thread caller;
    private volatile Throwable failure;

    private Lanes(int count) {
        this.count = count;
        helpers = new Thread[count - 1];
        pool = count > 1 ? Workers.pool("fp2d", count - 1) : null;
        AtomicInteger started = new AtomicInteger();
        for (int lane = 1; lane < count; lane++) {
            int me = lane;
            pool.submit(() -> {
                helpers[me - 1] = Thread.currentThread();
                started.incrementAndGet();
                serve(me);
            });
        }
        while (started.get() < count - 1) Thread.onSpinWait();
    }

    /** A team of {@code count} lanes (1: everything on the caller's thread, no threads made). */
    static Lanes of(int count) {
        if (count < 1) throw new IllegalArgumentException("lanes must be ≥ 1, got " + count);
        return new Lanes(count);
    }

    int count() { return count; }

    /** Runs {@code part} on every lane and returns when all are done; rethrows a lane's failure. */
    void run(Part part) {
        if (count == 1) {
            part.run(0);
            return;
        }
        task = part;
        caller = Thread.currentThread();
        failure = null;
        pending.set(count - 1);
        generation++;                                   // publishes the task
        for (Thread h : helpers) LockSupport.unpark(h);
        Throwable own = null;
        try {
            part.run(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (pending.get() > 0) {
            if (System.nanoTime() < deadline) {
                Thread.onSpinWait();
                continue;
            }
            callerParked = true;
            if (pending.get() > 0) LockSupport.park(this);
            callerParked = false;
        }
        task = null;
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
    }

    private void serve(int lane) {
        int seen = 0;
        while (true) {
            int g;
            long deadline = System.nanoTime() + SPIN_NANOS;
            while ((g = generation) == seen) {
                if (closed || Thread.currentThread().isInterrupted()) return;
                if (System.nanoTime() < deadline) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            seen = g;
            try {
                task.run(lane);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
        }
    }

    @Override public void close() {
        closed = true;
        for (Thread h : helpers) LockSupport.unpark(h);
        if (pool != null) pool.close();
    }
}
