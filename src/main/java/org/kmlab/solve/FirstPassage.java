package org.kmlab.solve;

import java.util.Map;
import java.util.Optional;

/**
 * First passage into a model's absorbing set, as one solver saw it: the survival probability
 * S(t) (not yet absorbed) at the output times, and the mean first-passage time with how it was
 * obtained. A solver that has a result puts it into {@link SolverResult#info()} under
 * {@link #KEY}; {@link #of} reads it back.
 *
 * @param times       the output times
 * @param survival    S at each output time
 * @param meanTime    the mean first-passage time (NaN when the solver cannot give it)
 * @param meanTimeSE  its standard error (0 when computed, not sampled; NaN when unknown)
 * @param absorbed    number of trajectories absorbed by the end (ensembles; −1 otherwise)
 * @param method      how {@code meanTime} was obtained, in words (e.g. "mean over the 9,812 absorbed trajectories")
 */
public record FirstPassage(double[] times, double[] survival, double meanTime, double meanTimeSE, long absorbed, String method) {
    /** The key in {@link SolverResult#info()}. */
    public static final String KEY = "firstPassage";
    /** The key in {@link SolverResult#info()} of the reason a solver gives none for a model with an absorbing set. */
    public static final String SKIPPED_KEY = "firstPassageSkipped";

    public FirstPassage {
        times = times.clone();
        survival = survival.clone();
        if (times.length != survival.length) throw new IllegalArgumentException("one survival value per output time");
    }

    @Override public double[] times() { return times.clone(); }
    @Override public double[] survival() { return survival.clone(); }

    /** S at the last output time: the part not absorbed by tEnd (censored). */
    public double survivalAtEnd() { return survival[survival.length - 1]; }

    /** 1 − S(tEnd): the part absorbed by the end of the run. */
    public double absorbedFraction() { return 1 - survivalAtEnd(); }

    /**
     * The first-passage density per output interval, (S(t_{k−1}) − S(t_k))/(t_k − t_{k−1}) for
     * k ≥ 1 (for an ensemble: the histogram of the passage times, normalised by all trajectories).
     */
    public double[] density() {
        double[] d = new double[Math.max(0, times.length - 1)];
        for (int k = 1; k < times.length; k++) d[k - 1] = (survival[k - 1] - survival[k]) / (times[k] - times[k - 1]);
        return d;
    }

    /** The solver's first-passage result, if it made one. */
    public static Optional<FirstPassage> of(SolverResult r) {
        return of(r.info());
    }

    static Optional<FirstPassage> of(Map<String, Object> info) {
        return info.get(KEY) instanceof FirstPassage f ? Optional.of(f) : Optional.empty();
    }
}
