package org.kmlab.solve;

/**
 * Sees every trajectory of an ensemble solver (SSA, CLE) at the fine, fixed times t_j = j·Δt
 * between output times, for estimators that need increments, such as the conditional jump moments
 * M_k(x) = ⟨(X(t+Δt) − X(t))^k | X(t) = x⟩/Δt of the Kramers–Moyal analysis. Carried by
 * {@link SolverOptions#fineStepObserver()}; a run without one pays nothing for the hook.
 *
 * <p><b>What is delivered.</b> For every trajectory i and every j ≥ 0 with t_j ≤ the last output
 * time, exactly one call {@code observe(i, j, x)} with the trajectory's state at t_j in x = n/Ω
 * units. For the SSA this is the exact piecewise-constant path sampled at t_j (the state after
 * every event at times ≤ t_j); for the CLE the Euler–Maruyama path, whose steps are cut so that
 * they land on every t_j. Attaching an observer does not change an SSA run's numbers; a CLE run's
 * steps may be shortened to land on the fine times.
 *
 * <p><b>Threads and order.</b> The ensemble is cut into fixed chunks of {@code chunkSize}
 * consecutive trajectories (chunk of trajectory i: {@code i / chunkSize}), announced by
 * {@link #start} and independent of the thread count. A chunk is advanced by one worker thread at
 * a time, and the calls for its trajectories come in an order that depends only on the problem:
 * output interval by interval, within one interval trajectory by trajectory in increasing i, and
 * within one trajectory in increasing j. So each trajectory's calls arrive in time order, on one
 * thread at a time, with happens-before between successive calls; different chunks may be
 * observed concurrently. An estimator that keeps one accumulator per chunk therefore needs no
 * locks, and merging the chunks' accumulators in chunk order (in {@link #reached} or after the run)
 * gives bit-identical results for any thread count.
 *
 * <p>{@code observe} runs inside the solver's hot loop: it must be quick, allocate nothing, and not
 * keep {@code x}, which is a scratch array valid during the call only.
 */
public interface FineStepObserver {
    /** The fine step Δt &gt; 0, in the model's time units. */
    double step();

    /**
     * Called once on the solver's thread before any {@code observe}: the ensemble size, the number
     * of species, and the chunk size of the engine's fixed partition.
     */
    default void start(int trajectories, int dimension, int chunkSize) {}

    /** Trajectory {@code trajectory}'s state at t = {@code fineIndex}·Δt, in x units. */
    void observe(int trajectory, long fineIndex, double[] x);

    /**
     * Every trajectory has reached output time {@code times[k]}; every {@code observe} for fine
     * times up to it happened before this call, which runs on the solver's thread, so an estimator
     * may merge its chunks here and publish a partial result.
     */
    default void reached(int k, double time) {}
}
