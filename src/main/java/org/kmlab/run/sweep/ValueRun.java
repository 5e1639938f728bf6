package org.kmlab.run.sweep;

import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Workers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What every sweep under way shares, whatever it measures at each value: its own
 * {@link CancellationToken}, each value's progress, the result so far ({@link #result()}) and the
 * final one once every value is done ({@link #await()}). Worker threads run the values
 * ({@link #runPoint}); any thread may read. A subclass says how one value is measured, what a
 * failed value holds, and how the values make a result.
 *
 * @param <P> what one value gave
 * @param <R> the sweep's result
 */
public abstract class ValueRun<P, R> {
    protected final CancellationToken token = new CancellationToken();
    private final AtomicReferenceArray<P> points;
    private final AtomicLongArray progress;
    private final AtomicInteger remaining;
    private final CompletableFuture<R> done = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();

    ValueRun(int values) {
        points = new AtomicReferenceArray<>(values);
        progress = new AtomicLongArray(values);
        remaining = new AtomicInteger(values);
    }

    /** Measures value i (may throw {@link CancelledException} when the token is cancelled). */
    protected abstract P measure(int i);

    /** What value i holds when measuring it failed: every series says why. */
    protected abstract P failed(String why);

    /** The result from the values finished so far (the others null). */
    protected abstract R assemble(SweepResult.State state);

    /** Stops the sweep: values in progress stop at their next token check, values not started are skipped. */
    public void cancel() { token.cancel(); }

    public boolean isCancelled() { return token.isCancelled(); }

    /** True once every value has finished or been skipped by a cancellation. */
    public boolean isDone() { return done.isDone(); }

    /** The fraction of the work done, in [0, 1]: the mean over the values. */
    public double progress() {
        double sum = 0;
        for (int i = 0; i < progress.length(); i++) sum += Double.longBitsToDouble(progress.get(i));
        return sum / progress.length();
    }

    /** Waits for the end of the sweep; the final result (state DONE, or CANCELLED with what finished). */
    public R await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits at most {@code millis} for the end of the sweep; true when it has ended. */
    public boolean waitFor(long millis) throws InterruptedException {
        try {
            done.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The result so far (finished values filled in), the final one once done. */
    public R result() {
        if (done.isDone()) return done.getNow(null);
        return assemble(SweepResult.State.RUNNING);
    }

    /** Starts one task per value on {@code workers}, which the caller owns; with {@link Workers#sameThread()} it returns when all are done. */
    void submitAll(Workers workers) {
        for (int i = 0; i < points.length(); i++) {
            int point = i;
            try {
                workers.submit(() -> runPoint(point));
            } catch (RejectedExecutionException e) {   // the pool closed under us: the sweep ends as cancelled
                cancel();
                runPoint(point);
            }
        }
    }

    /** Runs value i on the calling thread; never throws. */
    void runPoint(int i) {
        try {
            if (!token.isCancelled()) points.set(i, measure(i));
        } catch (CancelledException e) {
            // the sweep was cancelled: value i stays unfinished
        } catch (RuntimeException e) {   // a model a solver or a source cannot handle: the value says why
            points.set(i, failed(e.getMessage() != null ? e.getMessage() : e.toString()));
        } finally {
            setProgress(i, 1);
            if (remaining.decrementAndGet() == 0) done.complete(assemble(token.isCancelled() ? SweepResult.State.CANCELLED : SweepResult.State.DONE));
        }
    }

    /** What value i gave, or null while it is not finished. */
    protected P point(int i) { return points.get(i); }

    protected void setProgress(int i, double fraction) { progress.set(i, Double.doubleToLongBits(fraction)); }

    /** Seconds since the sweep started. */
    protected double seconds() { return (System.nanoTime() - startNanos) * 1e-9; }
}
