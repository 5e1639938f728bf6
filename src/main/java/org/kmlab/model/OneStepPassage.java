package org.kmlab.model;

/**
 * The exact mean first-passage time of a one-step (birth–death) process into its absorbing set,
 * as the closed sum of Gardiner, <i>Stochastic Methods</i> §7.4: for one species whose every jump
 * is ±1, with rates w⁺(n) (sum of the propensities of the +1 reactions) and w⁻(n), absorbed at
 * n ≤ a and started at n₀ &gt; a,
 * <pre>
 *   T(n₀) = Σ_{n=a+1}^{n₀} Δ(n),   Δ(n) = (1 / w⁻(n)) Σ_{m ≥ n} π(m)/π(n),   π(m+1)/π(m) = w⁺(m)/w⁻(m+1),
 * </pre>
 * (π is the stationary law of the process reflected above a), and the mirror image for a set
 * n ≥ b. The inner sums run to a wall (where the rate away from the set vanishes) or until their
 * terms fall below e⁻⁸⁰ of the largest; they are formed by the recursion
 * {@code S(n) = 1 + w⁺(n)/w⁻(n+1)·S(n+1)}, a sum of positive terms, so the result is accurate to
 * rounding even when T is astronomically large (a rare escape). The set must lie on one side of
 * the start (several conditions on the same side are their union).
 */
public final class OneStepPassage {
    /** Most states the sums may run over. */
    static final int MAX_STATES = 50_000_000;
    /** Terms below e^−TAIL of the largest end the sums. */
    private static final double TAIL = 80;

    private OneStepPassage() {}

    /** Why the closed sum does not apply to the model, or null when it does. */
    public static String unsupportedReason(Model m) {
        if (m.absorbing().isEmpty()) return "the model has no absorbing set";
        if (m.speciesCount() != 1) return "the closed sum is for one species; the model has " + m.speciesCount();
        Propensities p = m.propensities();
        for (int r = 0; r < p.size(); r++) {
            if (Math.abs(p.jump(r, 0)) != 1) return "reaction '" + m.reactions().get(r).name() + "' jumps by " + p.jump(r, 0) + ": the closed sum is for one-step processes (jumps ±1)";
        }
        AbsorbingSet set = m.absorbing();
        boolean below = set.below(0);
        for (int c = 1; c < set.size(); c++) if (set.below(c) != below) return "the absorbing set lies on both sides of the start: the closed sum here is for one side";
        return null;
    }

    /**
     * T(n₀) from the model's initial count; 0 when it starts in the set, +∞ when the set cannot
     * be reached.
     *
     * @throws ModelException the sum does not apply ({@link #unsupportedReason}) or does not end within {@value #MAX_STATES} states
     */
    public static double meanTime(Model m) {
        String why = unsupportedReason(m);
        if (why != null) throw new ModelException("exact first passage: " + why);
        AbsorbingSet set = m.absorbing();
        long n0 = m.initialCounts()[0];
        if (set.contains(new long[] {n0})) return 0;
        boolean below = set.below(0);
        long edge = set.limit(0);   // the set's edge nearest the start: n ≤ edge (or n ≥ edge)
        for (int c = 1; c < set.size(); c++) edge = below ? Math.max(edge, set.limit(c)) : Math.min(edge, set.limit(c));
        int d = below ? 1 : -1;     // direction away from the set
        long start = Math.abs(n0 - edge);   // the start is state j = start, the set's edge j = 0

        Propensities p = m.propensities();
        double[] env = p.newEnvironment();
        // away[j], toward[j]: rates at n = edge + d·j for j = 1, 2, …, J
        double[] away = new double[64], toward = new double[64];
        double log = 0, largest = 0;
        int last;
        for (int j = 1; ; j++) {
            if (j >= MAX_STATES) throw new ModelException("exact first passage: the sum does not end within " + MAX_STATES + " states (the process drifts away from the set)");
            if (j >= away.length) {
                away = java.util.Arrays.copyOf(away, 2 * away.length);
                toward = java.util.Arrays.copyOf(toward, 2 * toward.length);
            }
            double plus = 0, minus = 0;
            env[0] = edge + (double) d * j;
            for (int r = 0; r < p.size(); r++) {
                double a = p.checked(r, p.propensity(r, env), env);
                if (p.jump(r, 0) == 1) plus += a;
                else minus += a;
            }
            away[j] = below ? plus : minus;
            toward[j] = below ? minus : plus;
            if (j > 1) {
                log += Math.log(away[j - 1] / toward[j]);   // ln π(j)/π(j−1)
                largest = Math.max(largest, log);
            }
            if (j >= start && (away[j] == 0 || (log < largest - TAIL && away[j] < toward[j]))) {
                last = j;
                break;
            }
        }
        // S(j) = Σ_{m ≥ j} π(m)/π(j) by the recursion from the far end; T = Σ_{j ≤ start} S(j)/toward(j)
        double s = 1, t = 0;
        for (int j = last; j >= 1; j--) {
            if (j < last) s = 1 + away[j] / toward[j + 1] * s;
            if (j <= start) {
                if (toward[j] == 0) return Double.POSITIVE_INFINITY;   // a state from which the set cannot be approached
                t += s / toward[j];
            }
        }
        return t;
    }
}
