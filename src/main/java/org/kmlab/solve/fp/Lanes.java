package org.kmlab.solve.fp;

import org.kmlab.solve.Workers;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that run the parts of one short task at a time: the caller's thread and
 * {@code count − 1} helpers of a {@link Workers#pool} kept for the team's life. A 2-D
 * Fokker–Planck step is a dozen sweeps of a millisecond or so, each split into {@code count}
 * parts by whole lines of cells ({@link LineParts}); an executor hand-off per sweep would cost
 * about as much as the sweep, so helpers wait for the next task by spinning briefly, then parking.
 *
 * <p>Parts are claimed, not assigned: every thread, the caller included, takes the next
 * unclaimed part until none is left, then the caller waits for the parts still running. On a
 * busy machine a helper that is not scheduled in time simply leaves its part to the caller (the
 * run is then no slower than on one thread). What a part computes never depends on who runs
 * it, so results do not depend on the number of threads. Not reentrant: one {@link #run} at a time.
 */
final class Lanes implements AutoCloseable {
    /** Part {@code part} (0 ≤ part &lt; {@link #count()}) of a task; each part runs once per {@link #run}. */
    @FunctionalInterface
    interface Part {
        void run(int part);
    }

    /** How long a waiting thread spins before it parks: sweeps follow each other within tens of µs. */
    private static final long SPIN_NANOS = 50_000;

    private final int count;
    private final Workers pool;
    private final Thread[] helpers;
    /** The run's number (high 32 bits) and its next unclaimed part (low 32 bits). */
    private final AtomicLong state = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean closed, callerParked;
    private volatile Part task;
    private volatile Thread caller;
    private volatile Throwable failure;

    private Lanes(int count) {
        this.count = count;
        helpers = new Thread[count - 1];
        pool = count > 1 ? Workers.pool("fp2d", count - 1) : null;
        AtomicInteger started = new AtomicInteger();
        for (int k = 0; k < count - 1; k++) {
            int me = k;
            pool.submit(() -> {
                helpers[me] = Thread.currentThread();
                started.incrementAndGet();
                serve();
            });
        }
        while (started.get() < count - 1) Thread.onSpinWait();
    }

    /** A team for tasks of {@code count} parts (1: everything on the caller's thread, no threads made). */
    static Lanes of(int count) {
        if (count < 1) throw new IllegalArgumentException("lanes must be ≥ 1, got " + count);
        return new Lanes(count);
    }

    int count() { return count; }

    /** Runs every part of {@code part} and returns when all are done; rethrows a part's failure. */
    void run(Part part) {
        if (count == 1) {
            part.run(0);
            return;
        }
        task = part;
        caller = Thread.currentThread();
        failure = null;
        pending.set(count);
        long run = (state.get() >>> 32) + 1;
        state.set(run << 32);                            // publishes the task
        for (Thread h : helpers) LockSupport.unpark(h);
        work(run, part);
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
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    /** Claims and runs parts of run number {@code run} until none is left. */
    private void work(long run, Part part) {
        while (true) {
            long s = state.get();
            if (s >>> 32 != run) return;
            int next = (int) s;
            if (next >= count) return;
            if (!state.compareAndSet(s, s + 1)) continue;
            try {
                part.run(next);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
        }
    }

    private void serve() {
        long seen = 0;
        while (true) {
            long run;
            long deadline = System.nanoTime() + SPIN_NANOS;
            while ((run = state.get() >>> 32) == seen) {
                if (closed || Thread.currentThread().isInterrupted()) return;
                if (System.nanoTime() < deadline) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            seen = run;
            Part part = task;                             // the run's task while its parts are unclaimed (see work)
            if (part != null) work(run, part);
        }
    }

    @Override public void close() {
        closed = true;
        for (Thread h : helpers) LockSupport.unpark(h);
        if (pool != null) pool.close();
    }
}
