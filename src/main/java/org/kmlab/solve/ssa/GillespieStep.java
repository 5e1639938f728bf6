package org.kmlab.solve.ssa;

/**
 * Every number of one draw of the direct method for one trajectory, as the ensemble's SSA draws it
 * (see {@link ExplainedTrajectory}). Immutable; arrays are copied in and out. Counts are n (not x).
 *
 * <p>The waiting time is τ = E/a₀ with E ~ Exp(1) drawn by the ziggurat of {@code RandomStream},
 * not as −ln of a uniform: {@link #r1()} = e^(−E) is the uniform the textbook formula
 * τ = −ln(r₁)/a₀ would need for the same E (and it is uniform on (0, 1] since E is exponential).
 * r₂ is the simulator's own uniform in [0, 1); the reaction is the one whose interval of the
 * stacked propensities holds r₂·a₀.
 *
 * @param trajectory      member index i of the ensemble (stream derived from (seed, i))
 * @param outcome         what the draw did
 * @param timeBefore      t before the draw
 * @param timeAfter       t after: t + τ when fired, the output time when the event fell past it or nothing can happen
 * @param before          counts before
 * @param after           counts after (equal to before unless fired)
 * @param propensities    a_r at {@code before}, in model order
 * @param a0              their sum as the simulator forms it (in order, or the partial-sum tree's root for many reactions)
 * @param exponential     E, the unit exponential drawn (NaN when absorbed: nothing is drawn)
 * @param exponentialDraws 64-bit outputs the ziggurat used for E: 1 on its fast path (98.9%), more on its slow path
 * @param r2              the uniform choosing the reaction (NaN unless fired: a discarded event draws none)
 * @param reaction        the reaction that fired, or −1
 * @param outputIndex     index of the output time that ends the interval this draw was in
 * @param outputTime      that output time
 */
public record GillespieStep(int trajectory, Outcome outcome, double timeBefore, double timeAfter,
                            long[] before, long[] after, double[] propensities, double a0,
                            double exponential, int exponentialDraws, double r2, int reaction,
                            int outputIndex, double outputTime) {
    /** What one draw did. */
    public enum Outcome {
        /** A reaction fired at t + τ. */
        FIRED,
        /**
         * t + τ fell past the next output time: the simulator discards the event, records the state
         * at the output time and draws afresh there (exact: the waiting time is memoryless).
         */
        PAST_OUTPUT,
        /** a₀ = 0: nothing can happen any more; the state is recorded at the output time. */
        ABSORBED
    }

    public GillespieStep {
        before = before.clone();
        after = after.clone();
        propensities = propensities.clone();
    }

    @Override public long[] before() { return before.clone(); }
    @Override public long[] after() { return after.clone(); }
    @Override public double[] propensities() { return propensities.clone(); }

    public int reactionCount() { return propensities.length; }

    public double propensity(int r) { return propensities[r]; }

    /** τ = E/a₀ (+∞ when absorbed). */
    public double tau() { return outcome == Outcome.ABSORBED ? Double.POSITIVE_INFINITY : exponential / a0; }

    /** e^(−E): the uniform for which −ln(r₁)/a₀ is this τ. NaN when absorbed. */
    public double r1() { return Math.exp(-exponential); }

    /** r₂·a₀, the point on the stacked propensities that picks the reaction (NaN unless fired). */
    public double target() { return r2 * a0; }

    /** Σ_{q<r} a_q: where reaction r's interval starts on the stack (model order). */
    public double cumulativeBefore(int r) {
        double c = 0;
        for (int q = 0; q < r; q++) c += propensities[q];
        return c;
    }
}
