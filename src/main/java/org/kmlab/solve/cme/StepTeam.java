package org.kmlab.solve.cme;

import org.kmlab.solve.Workers;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the steps of a {@link Generator} on a team of threads: the caller plus {@code threads − 1}
 * workers started once per run (each a long-lived task on a {@link Workers} pool of its own). A step's blocks are cut into contiguous chunks that the threads
 * claim one at a time, so a worker the OS has not scheduled yet costs nothing (the others take
 * its chunks). Each block writes only its own states and leak entry, whoever computes it, and the
 * leak is summed in block order, so the result is bit-identical for any number of threads. A step
 * is a few hundred microseconds, so workers wait for work by spinning first and only then yield
 * or park (a park/unpark hand-off would cost a sizeable part of a step). Close it to stop them.
 */
final class StepTeam implements AutoCloseable {
    private static final int SPINS = 1 << 11, YIELDS = 256, CHUNKS_PER_THREAD = 8;
    private static final long PARK_NANOS = 50_000;
    private static final int WATCH_STEPS = 32, MIN_SOLO_STEPS = 128, MAX_SOLO_STEPS = 4096;

    private final int threads, minStatesPerThread;
    private final Workers workers;
    private boolean solo;
    private final AtomicInteger nextChunk = new AtomicInteger(), finished = new AtomicInteger();
    private volatile long generation;
    private volatile boolean closed;
    private volatile Throwable failure;
    private long watchedWork, watchedWait;
    private int watchedSteps, soloSteps, soloRun = MIN_SOLO_STEPS;

    // the current step: written before nextChunk is reset, so a thread that claims a chunk sees them
    private Generator.Kernel[] kernels;
    private int[] bounds;
    private int chunks;
    private double[] leak;
    private double[] v, w, weight;
    private double[][] acc;
    private int accs;

    /** A team of {@code threads} (≥ 1) threads, the caller included. */
    StepTeam(int threads) {
        this(threads, 1);
    }

    /**
     * A team of {@code threads} (≥ 1) threads, the caller included, that steps a generator of fewer
     * than {@code minStatesPerThread} states per thread on the caller alone: there a step is
     * shorter than a hand-off.
     */
    StepTeam(int threads, int minStatesPerThread) {
        this.minStatesPerThread = minStatesPerThread;
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        this.threads = threads;
        workers = threads == 1 ? Workers.sameThread() : Workers.pool("cme", threads - 1);
        for (int t = 1; t < threads; t++) {
            final int id = t;
            workers.submit(() -> work(id));
        }
    }

    int threads() { return threads; }

    /** Prepares the team for a generator: one kernel per thread and the chunks of its blocks. */
    void use(Generator generator) {
        Generator.Kernel[] k = new Generator.Kernel[threads];
        for (int t = 0; t < threads; t++) k[t] = generator.newKernel();
        kernels = k;
        bounds = split(generator, threads == 1 ? 1 : threads * CHUNKS_PER_THREAD);
        chunks = bounds.length - 1;
        solo = generator.states() < (long) minStatesPerThread * threads;
        leak = new double[generator.blocks()];
    }

    /** Contiguous block ranges {@code [bounds[c], bounds[c+1])} holding about states/parts states each. */
    static int[] split(Generator g, int parts) {
        int[] bounds = new int[parts + 1];
        int blocks = g.blocks(), b = 0;
        for (int t = 1; t < parts; t++) {
            long target = (long) g.states() * t / parts;
            while (b < blocks && g.blockStart(b + 1) <= target) b++;
            bounds[t] = b;
        }
        bounds[parts] = blocks;
        return bounds;
    }

    /**
     * {@code w = (I + Q/Λ) v} and {@code acc[a] += weight[a]·w} for a < accs, spread over the team;
     * returns the probability sent to the sink.
     */
    double step(double[] v, double[] w, double[][] acc, double[] weight, int accs) {
        if (threads == 1 || solo || soloSteps > 0) {
            if (soloSteps > 0 && !solo) soloSteps--;
            kernels[0].step(0, bounds[chunks], v, w, acc, weight, accs, leak);
            return Generator.sumInOrder(leak);
        }
        this.v = v;
        this.w = w;
        this.acc = acc;
        this.weight = weight;
        this.accs = accs;
        finished.set(0);
        nextChunk.set(0);
        generation = generation + 1;   // wakes the workers
        long started = System.nanoTime();
        claimChunks(0);
        long worked = System.nanoTime();
        int idle = 0;
        while (finished.get() < chunks) idle = pause(idle);
        watch(worked - started, System.nanoTime() - worked);
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException e) throw e;
            if (f instanceof Error e) throw e;
            throw new IllegalStateException(f);
        }
        return Generator.sumInOrder(leak);
    }

    /**
     * On a busy machine a worker may be preempted holding a chunk, and every step then waits a
     * scheduler time slice for it: several times slower than one thread. So when the caller has
     * waited for others more than a quarter of the time it worked itself over the last
     * {@value #WATCH_STEPS} steps, the next steps run on the caller alone (more of them each time
     * it happens again), then the team is tried again. Which thread computes a block never
     * changes the result.
     */
    private void watch(long workNanos, long waitNanos) {
        watchedWork += workNanos;
        watchedWait += waitNanos;
        if (++watchedSteps < WATCH_STEPS) return;
        if (watchedWait * 4 > watchedWork) {
            soloSteps = soloRun;
            soloRun = Math.min(MAX_SOLO_STEPS, 2 * soloRun);
        } else {
            soloRun = Math.max(MIN_SOLO_STEPS, soloRun / 2);
        }
        watchedSteps = 0;
        watchedWork = watchedWait = 0;
    }

    /** Computes chunks until none is left. */
    private void claimChunks(int id) {
        int c;
        while ((c = nextChunk.getAndIncrement()) < chunks) {
            try {
                kernels[id].step(bounds[c], bounds[c + 1], v, w, acc, weight, accs, leak);
            } catch (Throwable e) {
                failure = e;
            }
            finished.incrementAndGet();
        }
    }

    private void work(int id) {
        long seen = 0;
        int idle = 0;
        while (true) {
            long g = generation;
            if (closed) return;
            if (g == seen) {
                idle = pause(idle);
                continue;
            }
            seen = g;
            idle = 0;
            claimChunks(id);
        }
    }
    /** Spin, then yield, then park briefly: cheap while steps follow each other, idle between runs. */
    private static int pause(int idle) {
        if (idle < SPINS) Thread.onSpinWait();
        else if (idle < SPINS + YIELDS) Thread.yield();
        else LockSupport.parkNanos(PARK_NANOS);
        return idle == Integer.MAX_VALUE ? idle : idle + 1;
    }

    /** Stops the workers: they see the flag within a park ({@value #PARK_NANOS} ns), or at once when interrupted. */
    @Override public void close() {
        closed = true;
        workers.close();
    }
}
