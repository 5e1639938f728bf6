package org.kmlab.solve.ssa;

import org.kmlab.model.ModelException;
import org.kmlab.model.Propensities;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.ensemble.RandomStream;
import org.kmlab.solve.ensemble.SplitMix;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Trajectory i of a {@link DirectMethodSsa} ensemble, one draw at a time, with every number of the
 * draw exposed ({@link GillespieStep}) for the window's explain mode. Same seed, same stream
 * ({@link SplitMix#streamState}(seed, i)), same draws in the same order as the ensemble's event
 * loop ({@code DirectMethodStepper}): E ~ Exp(1) by the ziggurat, then r₂ only if the event falls
 * before the next output time; an event past it is discarded and the next interval draws afresh;
 * the reaction is picked by the same linear search (or the same partial-sum tree from
 * {@value Network#LINEAR_MAX} reactions on). So the states at the output times are the ensemble's
 * own member i, bit for bit — {@code ExplainedTrajectoryTest} checks it against the ensemble's
 * kept samples, for the linear search and the tree.
 *
 * <p>Why beside the event loop and not through it: the loop keeps the stream in a register and
 * updates propensities and the tree incrementally, with no place to stop after one event; a second
 * exit in it would cost every run. Here everything is recomputed at each draw (a propensity is a
 * function of the counts alone, and each tree node the sum of its two children, so the numbers are
 * the same), through the model's own {@link Propensities} that the loop's kernels reproduce bit for
 * bit, and the compiled {@link Network}'s jumps. Allocates per step: a teaching tool, not a hot path.
 *
 * <p>Not thread-safe: one thread at a time (the window uses one background thread).
 */
public final class ExplainedTrajectory {
    /** Poll the cancellation flag every 2^13 events, as the ensemble does. */
    private static final int POLL_MASK = (1 << 13) - 1;

    private final Network net;
    private final Propensities propensities;
    private final double[] times;
    private final double bound;
    private final int trajectory;
    private final double[] env;
    private final double[] rates;
    private final double[] sums;
    private final RandomStream random = new RandomStream();
    private long stream;
    private double t;
    private int next;
    private long events;

    /**
     * @param problem    the ensemble's problem (model, output times, seed, population bound)
     * @param trajectory member index i, 0 ≤ i &lt; trajectories
     */
    public ExplainedTrajectory(Problem problem, int trajectory) {
        if (trajectory < 0 || trajectory >= problem.trajectories()) {
            throw new IllegalArgumentException("trajectory must be in [0, " + problem.trajectories() + "), got " + trajectory);
        }
        this.net = new Network(problem.model());
        this.propensities = net.propensities;
        this.times = problem.times();
        this.bound = problem.options().populationBound();
        this.trajectory = trajectory;
        this.env = propensities.newEnvironment();                   // the model's initial counts in env[0..S)
        this.rates = new double[net.reactions];
        this.sums = net.tree ? new double[2 * net.leaves] : null;
        this.stream = SplitMix.streamState(problem.seed(), trajectory);
        this.t = 0;                                                 // the ensemble starts every member at t = 0
        while (next < times.length && times[next] <= t) next++;     // an output at t = 0 is the initial state
    }

    public int trajectory() { return trajectory; }

    /** The current time. */
    public double time() { return t; }

    /** The current counts n. */
    public long[] counts() {
        long[] n = new long[net.species];
        for (int s = 0; s < n.length; s++) n[s] = (long) env[s];
        return n;
    }

    /** Index of the next output time not yet reached ({@code outputCount()} when all are). */
    public int nextOutput() { return next; }

    public int outputCount() { return times.length; }

    public double outputTime(int k) { return times[k]; }

    /** True when the last output time is reached: nothing left to step. */
    public boolean finished() { return next >= times.length; }

    /** Reactions fired so far. */
    public long events() { return events; }

    /**
     * One draw of the direct method: fires a reaction, or finds that the event falls past the next
     * output time (or that a₀ = 0) and moves to that output time, as the ensemble does.
     *
     * @throws IllegalStateException when {@link #finished()}
     * @throws SolverException a population passed the bound or a formula propensity went negative or NaN
     */
    public GillespieStep step() {
        if (finished()) throw new IllegalStateException("the last output time is reached");
        double t1 = times[next];
        long[] before = counts();
        double a0 = rates();
        double[] a = rates.clone();
        if (!(a0 > 0)) {
            return reach(GillespieStep.Outcome.ABSORBED, before, a, a0, Double.NaN, 0, t1);
        }
        long start = stream;
        random.load(stream);
        double e = random.nextExponential();
        stream = random.save();
        int draws = (int) ((stream - start) * GAMMA_INVERSE);
        double tau = t + e / a0;                                    // the same rounding as the loop's t += e / a0
        if (tau > t1) {
            return reach(GillespieStep.Outcome.PAST_OUTPUT, before, a, a0, e, draws, t1);
        }
        double r2 = SplitMix.unitClosedOpen(SplitMix.mix64(stream += SplitMix.GAMMA));
        int r = sums == null ? linear(r2 * a0) : descend(r2 * a0);
        fire(r, tau);
        double was = t;
        t = tau;
        events++;
        return new GillespieStep(trajectory, GillespieStep.Outcome.FIRED, was, t, before, counts(), a, a0,
                e, draws, r2, r, next, t1);
    }

    /**
     * Draws until the next output time is reached and returns the draw that reached it (the one
     * whose event fell past it, or found a₀ = 0); {@link #events()} counts the reactions fired.
     *
     * @throws IllegalStateException when {@link #finished()}
     * @throws org.kmlab.solve.CancelledException when {@code cancel} is raised (polled every 8192
     *         events; the trajectory stays where it got to, and may go on from there)
     */
    public GillespieStep runToNextOutput(CancellationToken cancel) {
        if (finished()) throw new IllegalStateException("the last output time is reached");
        int target = next;
        GillespieStep s;
        long k = 0;
        do {
            s = step();
            if ((++k & POLL_MASK) == 0) cancel.check();
        } while (next == target);
        return s;
    }

    /** The pending event is discarded: the state is recorded at the output time and the next interval starts there. */
    private GillespieStep reach(GillespieStep.Outcome outcome, long[] before, double[] a, double a0, double e, int draws, double t1) {
        double was = t;
        int k = next;
        t = t1;
        next++;
        return new GillespieStep(trajectory, outcome, was, t1, before, before, a, a0, e, draws, Double.NaN, -1, k, t1);
    }

    /** Fills {@code rates} at the current counts and returns a₀ summed as the event loop sums it. */
    private double rates() {
        for (int r = 0; r < rates.length; r++) rates[r] = propensity(r);
        if (sums == null) {
            double a0 = 0;
            for (double a : rates) a0 += a;
            return a0;
        }
        System.arraycopy(rates, 0, sums, net.leaves, rates.length);
        java.util.Arrays.fill(sums, net.leaves + rates.length, sums.length, 0.0);
        for (int k = net.leaves - 1; k >= 1; k--) sums[k] = sums[2 * k] + sums[2 * k + 1];
        return sums[1];
    }

    private double propensity(int r) {
        double a = propensities.propensity(r, env);
        if (net.kind[r] == Network.FORMULA && !(a >= 0 && a < Double.POSITIVE_INFINITY)) {
            try {
                propensities.checked(r, a, env);
            } catch (ModelException ex) {
                throw new SolverException(ex.getMessage());
            }
        }
        return a;
    }

    /** The event loop's linear search: the first r with target &lt; Σ_{q≤r} a_q; rounding past a₀ takes the last live one. */
    private int linear(double target) {
        int last = rates.length - 1, r = 0;
        double cumulative = rates[0];
        while (target >= cumulative && r < last) cumulative += rates[++r];
        while (rates[r] == 0) r--;
        return r;
    }

    /** The event loop's descent of the partial-sum tree. */
    private int descend(double target) {
        int k = 1, leaves = net.leaves;
        while (k < leaves) {
            k <<= 1;
            double left = sums[k];
            if (target >= left) {
                target -= left;
                k++;
            }
        }
        int r = k - leaves;
        if (r < net.reactions && rates[r] > 0) return r;
        for (int q = Math.min(r, net.reactions - 1); q >= 0; q--) if (rates[q] > 0) return q;
        for (int q = r + 1; q < net.reactions; q++) if (rates[q] > 0) return q;
        throw new IllegalStateException("no live reaction with a₀ > 0");
    }

    private void fire(int r, double at) {
        for (int c = net.changeFirst[r]; ; c++) {   // the list ends at the entry flagged LAST
            int s = net.changeSpecies[c];
            double n = env[s] + net.changeDelta[c];
            env[s] = n;
            int check = net.changeCheck[c];
            if ((check & Network.CHECK_BOUND) != 0 && Math.abs(n) > bound) {
                throw new SolverException("population of " + net.speciesNames[s] + " passed " + (long) bound + " at t = "
                        + time(at) + ": the model explodes (raise the bound or change parameters)");
            }
            if ((check & Network.CHECK_SIGN) != 0 && n < 0) {
                throw new SolverException("reaction '" + propensities.model().reactions().get(r).name() + "' made "
                        + net.speciesNames[s] + " = " + (long) n + " at t = " + time(at) + ": a count cannot go below 0");
            }
            if ((check & Network.LAST) != 0) break;
        }
    }

    private static String time(double t) {
        return new BigDecimal(t).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** γ⁻¹ mod 2⁶⁴ (γ is odd): the stream advances γ per output, so Δstate·γ⁻¹ counts the outputs drawn. */
    private static final long GAMMA_INVERSE = inverse(SplitMix.GAMMA);

    private static long inverse(long g) {
        long x = g;                                  // Newton's iteration doubles the correct low bits each time
        for (int i = 0; i < 6; i++) x *= 2 - g * x;
        return x;
    }
}
