package org.kmlab.solve.cme;

import org.kmlab.model.AbsorbingSet;
import org.kmlab.model.Model;
import org.kmlab.solve.SolverException;

/**
 * The mean first-passage time into the absorbing set, exactly from the master equation's
 * generator: T solves {@code Σ_r a_r(n)·(T(n + ν_r) − T(n)) = −1} on the transient states with
 * T = 0 in the set (the backward equation). One species, any jump sizes: the transient states
 * between the set and the far end form a band of width max|ν|, eliminated from the far end down
 * by the GTH rule (Grassmann, Taksar &amp; Heyman, Oper. Res. 33:1107, 1985): each eliminated
 * state's exit rate is the sum of its remaining rates (to lower states and into the set), not a
 * difference, so every operation adds positive numbers and T is accurate to rounding even when
 * it is astronomically large. Where no set bounds the states, the lattice is cut (jumps past the
 * cut are dropped) and doubled until T(n₀) changes by less than {@value #RELATIVE}.
 * Two species are refused: the elimination fills the band of a 2-D lattice.
 */
final class PassageTime {
    static final double RELATIVE = 1e-13;
    /** Most transient states. */
    static final int MAX_STATES = 1 << 22;

    private PassageTime() {}

    /** Why it cannot be computed for this model, or null. */
    static String unsupportedReason(Model m) {
        if (m.absorbing().isEmpty()) return "the model has no absorbing set";
        if (m.speciesCount() != 1) return "the mean first-passage time from the generator is computed for one species (the 2-D elimination fills the band); read the survival curve";
        return null;
    }

    /** T(n₀) for the model's initial count (0 in the set, +∞ when the set cannot be reached). */
    static double meanTime(Model m) {
        String why = unsupportedReason(m);
        if (why != null) throw new SolverException("cme: " + why);
        AbsorbingSet set = m.absorbing();
        long n0 = m.initialCounts()[0];
        if (set.contains(new long[] {n0})) return 0;
        long lo = Long.MIN_VALUE, hi = Long.MAX_VALUE;   // the transient states' bounds that the set gives
        for (int c = 0; c < set.size(); c++) {
            if (set.below(c) && set.limit(c) < n0) lo = Math.max(lo, set.limit(c) + 1);
            if (!set.below(c) && set.limit(c) > n0) hi = Math.min(hi, set.limit(c) - 1);
        }
        boolean openLo = lo == Long.MIN_VALUE, openHi = hi == Long.MAX_VALUE;
        if (openLo && !m.species().get(0).signed()) {
            lo = 0;
            openLo = false;
        }
        Rates rates = new Rates(m);
        long reach = 64;
        double previous = Double.NaN;
        while (true) {
            long a = openLo ? n0 - reach : lo, b = openHi ? n0 + reach : hi;
            if (b - a + 1 > MAX_STATES) throw new SolverException("cme: the mean first-passage time needs more than " + MAX_STATES + " states (the process wanders far from the set)");
            double t = solve(rates, set, a, b, n0);
            if (!(openLo || openHi) || Double.isInfinite(t) || Math.abs(t - previous) <= RELATIVE * t) return t;
            previous = t;
            reach *= 2;
        }
    }

    /** T(n₀) on the transient states [a, b], jumps past them (not into the set) dropped. */
    static double solve(Rates rates, AbsorbingSet set, long a, long b, long n0) {
        int n = (int) (b - a + 1), w = 0;
        for (int k = 0; k < rates.count(); k++) w = Math.max(w, Math.abs(rates.jump(k, 0)));
        int width = 2 * w + 1;
        double[] band = new double[n * width];   // band[i·width + w + j]: rate from state i to i + j
        double[] toSet = new double[n], rhs = new double[n], exit = new double[n];
        boolean[] dead = new boolean[n];         // the set cannot be reached from here
        long[] state = new long[1], target = new long[1];
        for (int i = 0; i < n; i++) {
            state[0] = a + i;
            rhs[i] = 1;
            for (int k = 0; k < rates.count(); k++) {
                double r = rates.at(k, state);
                if (r == 0) continue;
                int j = rates.jump(k, 0);
                target[0] = state[0] + j;
                if (set.contains(target)) toSet[i] += r;
                else if (i + j >= 0 && i + j < n) band[i * width + w + j] += r;
            }
            band[i * width + w] = 0;
        }
        for (int i = n - 1; i >= 0; i--) {   // eliminate from the top: rows below i take over its rates
            double e = toSet[i];
            for (int j = -w; j < 0; j++) if (i + j >= 0) e += band[i * width + w + j];
            exit[i] = e;
            if (!(e > 0)) dead[i] = true;
            for (int jp = -w; jp < 0; jp++) {
                int q = i + jp;
                if (q < 0) continue;
                double into = band[q * width + w + (i - q)];   // q → i
                if (into == 0) continue;
                band[q * width + w + (i - q)] = 0;
                if (dead[i]) {
                    dead[q] = true;
                    continue;
                }
                double f = into / e;
                for (int jr = -w; jr < 0; jr++) {           // i → r, now q → r (q → q is dropped: a return)
                    int r = i + jr;
                    if (r < 0 || r == q) continue;
                    double out = band[i * width + w + jr];
                    if (out != 0) band[q * width + w + (r - q)] += f * out;
                }
                toSet[q] += f * toSet[i];
                rhs[q] += f * rhs[i];
            }
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {   // back substitution from the bottom
            if (dead[i]) {
                t[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            double s = rhs[i];
            for (int j = -w; j < 0; j++) if (i + j >= 0) s += band[i * width + w + j] * t[i + j];
            t[i] = s / exit[i];
        }
        return t[(int) (n0 - a)];
    }
}
