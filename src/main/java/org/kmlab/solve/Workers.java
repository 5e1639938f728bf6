package org.kmlab.solve;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where kmlab's background work runs (cf. JabRef's TaskExecutor): named daemon threads a step
 * below normal priority, so the window's thread comes first, or the calling thread itself (for
 * tests and the command line). Every pool in the program is one of these, and its owner closes
 * it when it is done (the window on exit, a solver at the end of its run).
 */
public interface Workers extends AutoCloseable {
    /** Runs the task some time soon; throws {@link RejectedExecutionException} once closed. */
    Future<?> submit(Runnable task);

    /** Stops taking work and interrupts what runs; never throws. */
    @Override void close();

    /** True when tasks run on the caller's thread, inside {@link #submit}. */
    default boolean isSameThread() { return false; }

    /**
     * A pool of {@code threads} daemon threads named {@code kmlab-NAME-n}.
     *
     * @param threads the most tasks run at once; 0 for as many as are submitted (a cached pool)
     */
    static Workers pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        java.util.concurrent.ThreadFactory factory = r -> {
            Thread t = new Thread(r, "kmlab-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        ExecutorService service = threads > 0 ? Executors.newFixedThreadPool(threads, factory) : Executors.newCachedThreadPool(factory);
        return new Workers() {
            @Override public Future<?> submit(Runnable task) { return service.submit(task); }

            @Override public void close() { service.shutdownNow(); }
        };
    }

    /** Runs each task at once on the caller's thread. */
    static Workers sameThread() {
        return new Workers() {
            private volatile boolean closed;

            @Override public Future<?> submit(Runnable task) {
                if (closed) throw new RejectedExecutionException("closed");
                java.util.concurrent.FutureTask<Void> f = new java.util.concurrent.FutureTask<>(task, null);
                f.run();
                return f;
            }

            @Override public void close() { closed = true; }

            @Override public boolean isSameThread() { return true; }
        };
    }
}
