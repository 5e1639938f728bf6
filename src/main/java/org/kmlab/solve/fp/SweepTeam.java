package org.kmlab.solve.fp;

import org.kmlab.solve.Workers;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a grid sweep in its {@value #PARTS} parts ({@link LineSplit}) on the calling thread and,
 * with two threads, one helper. A sweep lasts tens of microseconds and a 2-D step is a dozen
 * sweeps in a row, so the helper waits for the next one by spinning (then yielding, then parking
 * briefly), not in a pool: a park/unpark hand-off per sweep would cost about what the sweep
 * does. Parts are claimed, not assigned: when the helper is late (not scheduled on a busy
 * machine) the caller takes both parts. Which thread runs a part never changes what it computes,
 * so the result does not depend on the thread count.
 */
final class SweepTeam implements AutoCloseable {
    /** Parts per sweep: more than threads, so that a part the helper starts late is balanced by the others. */
    static final int PARTS = 4;

    /** One part of a sweep; parts touch disjoint cells (or only read shared data). */
    @FunctionalInterface
    interface Sweep {
        void run(int part);
    }

    /** The helper spins this long after its last part before it parks (the serial work between two sweeps of a step is shorter). */
    private static final long SPIN_NANOS = 2_000_000;
    private static final long PARK_NANOS = 20_000;
    private static final int CLOCK_EVERY = 256, SPINS = 1 << 14;
    /** Runs watched before deciding whether the helper is worth waiting for (see {@link #watch}). */
    private static final int WATCH_RUNS = 64, MIN_SOLO_RUNS = 256, MAX_SOLO_RUNS = 8192;

    private final Workers workers;
    private volatile Thread helper;
    /** The generation of the sweep in its high bits and the next part to claim in its low byte. */
    private final AtomicLong state = new AtomicLong(PARTS);
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Sweep sweep;
    private volatile boolean closed, parked;
    private volatile Throwable failure;
    private long watchedWork, watchedWait; volatile long helped, own, solo, waitNs, workNs;
    private int watchedRuns, soloRuns, soloRun = MIN_SOLO_RUNS;

    private SweepTeam(boolean withHelper) {
        workers = withHelper ? Workers.pool("fp2d", 1) : null;
        if (withHelper) workers.submit(this::help);
    }

    /** A team of the caller and, when {@code threads} ≥ 2, one helper: with one thread every sweep runs on the caller. */
    static SweepTeam of(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        return new SweepTeam(threads > 1);
    }

    /** Runs every part of {@code s} and returns when all are done. */
    void run(Sweep s) {
        if (workers == null || soloRuns > 0) {
            if (soloRuns > 0) soloRuns--; solo++;
            for (int part = 0; part < PARTS; part++) s.run(part);
            return;
        }
        sweep = s;
        finished.set(0);
        state.set(((state.get() >>> 8) + 1) << 8);   // a new generation, part 0 next
        if (parked) LockSupport.unpark(helper);
        long started = System.nanoTime();
        claim();
        long worked = System.nanoTime();
        for (int idle = 0; finished.get() < PARTS; idle++) {
            if (idle < SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
        watch(worked - started, System.nanoTime() - worked); workNs += worked - started; waitNs += System.nanoTime() - worked;
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException e) throw e;
            if (f instanceof Error e) throw e;
            throw new IllegalStateException(f);
        }
    }

    /** Runs unclaimed parts of the present sweep until none is left. */
    private void claim() {
        while (true) {
            long v = state.get();
            int part = (int) (v & 0xff);
            if (part >= PARTS) return;
            Sweep s = sweep;   // the present sweep's: another is set only once every part is claimed
            if (!state.compareAndSet(v, v + 1)) continue;
            if (Thread.currentThread() == helper) helped++; else own++;
            try {
                s.run(part);
            } catch (Throwable e) {
                failure = e;
            }
            finished.incrementAndGet();
        }
    }

    /**
     * On a busy machine the helper may be preempted holding a part, and the caller then waits a
     * scheduler slice for it. When the caller waited longer than it worked (so that it would have
     * been faster alone) over the last {@value #WATCH_RUNS} sweeps, the next ones run on the caller alone (more of
     * them each time it happens again), then the helper is tried again.
     */
    private void watch(long workNanos, long waitNanos) {
        watchedWork += workNanos;
        watchedWait += waitNanos;
        if (++watchedRuns < WATCH_RUNS) return;
        if (watchedWait > watchedWork) {
            soloRuns = soloRun;
            soloRun = Math.min(MAX_SOLO_RUNS, 2 * soloRun);
        } else {
            soloRun = Math.max(MIN_SOLO_RUNS, soloRun / 2);
        }
        watchedRuns = 0;
        watchedWork = watchedWait = 0;
    }

    /** The helper: waits for a part to claim, spinning for {@value #SPIN_NANOS} ns after its last one, then parking. */
    private void help() {
        helper = Thread.currentThread();
        long lastWork = System.nanoTime();
        int idle = 0;
        while (!closed) {
            if ((state.get() & 0xff) < PARTS) {
                claim();
                idle = 0;
                lastWork = System.nanoTime();
            } else if (++idle % CLOCK_EVERY != 0 || System.nanoTime() - lastWork < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                parked = true;
                if ((state.get() & 0xff) >= PARTS && !closed) LockSupport.parkNanos(PARK_NANOS);
                parked = false;
                if (Thread.interrupted()) return;
            }
        }
    }

    /** Stops the helper. */
    @Override public void close() {
        closed = true; if (Boolean.getBoolean("kmlab.debugTeam")) System.err.println("team helped=" + helped + " own=" + own + " solo=" + solo + " workMs=" + workNs/1e6 + " waitMs=" + waitNs/1e6);
        if (workers != null) workers.close();
    }
}
