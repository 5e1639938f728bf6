package org.kmlab.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work over the index range [0, size) of an ensemble on a fixed pool of worker threads, in
 * chunks of consecutive indices taken from a shared counter. The chunks are fixed by the size
 * alone ({@link #chunkSize(int)}: at most {@value #CHUNKS} of them), never by the thread count, so
 * per-chunk work, such as an observer's accumulators, is the same on any machine. Ensemble solvers
 * give every member its own random stream and its own slots, so the result does not depend on
 * which worker ran which chunk, nor on the thread count. With one thread the work runs on the
 * caller's thread, chunk by chunk in order, and no pool is made. The first failure of any worker raises {@code halt} (which the others poll)
 * and is rethrown; a cancellation surfaces as {@link CancelledException}.
 */
public final class ParallelChunks implements AutoCloseable {
    /**
     * Chunks per run: enough that two to eight workers balance uneven members (each takes several
     * chunks), few enough that the shared counter is touched rarely.
     */
    static final int CHUNKS = 64;

    /** The work for indices [from, to), done by worker number {@code worker} (0 ≤ worker < threads). */
    @FunctionalInterface
    public interface Chunk {
        void run(int worker, int from, int to);
    }

    private final int threads;
    private final int size;
    private final int chunk;
    private final CancellationToken halt;
    private final Workers pool;

    /** @param name names the worker threads ("kmlab-NAME-n", a {@link Workers#pool}) */
    public ParallelChunks(String name, int threads, int size, CancellationToken halt) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        this.threads = threads;
        this.size = size;
        this.halt = halt;
        this.chunk = chunkSize(size);
        this.pool = threads > 1 ? Workers.pool(name, threads) : null;
    }

    public int threads() { return threads; }

    /** Consecutive indices per chunk for an ensemble of {@code size}: ⌈size/64⌉, whatever the thread count. */
    public static int chunkSize(int size) { return Math.max(1, (size + CHUNKS - 1) / CHUNKS); }

    public int chunkSize() { return chunk; }

    /** Runs {@code work} over every chunk of [0, size) and waits for all of it. */
    public void forEachChunk(Chunk work) {
        if (pool == null) {
            for (int from = 0; from < size; from += chunk) work.run(0, from, Math.min(size, from + chunk));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                try {
                    int from;
                    while ((from = next.getAndAdd(chunk)) < size) work.run(worker, from, Math.min(size, from + chunk));
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
        if (pool != null) pool.close();
    }
}
