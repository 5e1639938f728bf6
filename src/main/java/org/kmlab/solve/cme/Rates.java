package org.kmlab.solve.cme;

import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.Propensities;
import org.kmlab.solve.SolverException;

/**
 * The propensities a_r(n) (per unit time) on lattice states, for building the generator of a
 * window. Mass action is computed on the spot; a formula propensity is checked (negative or NaN
 * stops the run with the reaction's name) and, in 1-D, kept in a cache over the counts met so
 * far, since a sliding window asks for the same states step after step. Reactions whose jump
 * is zero change nothing and are left out. States in the model's absorbing set have no
 * outgoing transitions: every rate there is 0, so probability that enters them stays.
 */
final class Rates {
    private final Model model;
    private final Propensities prop;
    private final int dim;
    private final int[] reactions;      // the reactions with a non-zero jump
    private final int[][] jumps;
    private final boolean allMassAction;
    private final double[] env;
    private final org.kmlab.model.AbsorbingSet absorbing;   // null when the model has none
    // 1-D formula cache: rates of counts [cacheLo, cacheLo + cache[0].length), NaN = not yet evaluated
    private long cacheLo;
    private double[][] cache;

    Rates(Model model) {
        this.model = model;
        this.prop = model.propensities();
        this.dim = model.speciesCount();
        int kept = 0;
        int[] keep = new int[prop.size()];
        boolean massAction = true;
        for (int r = 0; r < prop.size(); r++) {
            boolean moves = false;
            for (int s = 0; s < dim; s++) moves |= prop.jump(r, s) != 0;
            if (moves) keep[kept++] = r;
            massAction &= prop.isMassAction(r);
        }
        this.reactions = java.util.Arrays.copyOf(keep, kept);
        this.jumps = new int[kept][];
        for (int k = 0; k < kept; k++) jumps[k] = model.jump(reactions[k]);
        this.allMassAction = massAction;
        this.env = prop.newEnvironment();
        this.absorbing = model.absorbing().isEmpty() ? null : model.absorbing();
    }

    /** True when the lattice state n is in the model's absorbing set. */
    boolean absorbing(long[] n) { return absorbing != null && absorbing.contains(n); }

    /** True when the model has an absorbing set. */
    boolean hasAbsorbing() { return absorbing != null; }

    Model model() { return model; }

    int dimension() { return dim; }

    /** Number of reactions that move the state. */
    int count() { return reactions.length; }

    /** Jump of species s in moving reaction k. */
    int jump(int k, int s) { return jumps[k][s]; }

    boolean signed(int s) { return model.species().get(s).signed(); }

    /** a_k(n) of moving reaction k at the lattice state n. */
    double at(int k, long[] n) {
        if (absorbing != null && absorbing.contains(n)) return 0;
        if (dim == 1 && !allMassAction) return cached(k, n[0]);
        for (int s = 0; s < dim; s++) env[s] = n[s];
        return evaluate(k);
    }

    /**
     * a_k at real-valued counts (between lattice states), for planning windows; never negative.
     * A formula that fails there is read as 0: the lattice states themselves are checked when built.
     */
    double atPoint(int k, double[] x) {
        for (int s = 0; s < dim; s++) env[s] = x[s];
        double a = prop.propensity(reactions[k], env);
        return a > 0 && a < Double.POSITIVE_INFINITY ? a : 0;
    }

    private double evaluate(int k) {
        int r = reactions[k];
        double a = prop.propensity(r, env);
        if (prop.isMassAction(r)) {
            if (!(a < Double.POSITIVE_INFINITY)) throw new SolverException("cme: propensity of '" + model.reactions().get(r).name() + "' overflows");
            return a;
        }
        try {
            return prop.checked(r, a, env);
        } catch (ModelException e) {
            throw new SolverException(e.getMessage());
        }
    }

    private double cached(int k, long n) {
        if (cache == null || n < cacheLo || n >= cacheLo + cache[0].length) growCache(n);
        int i = (int) (n - cacheLo);
        double a = cache[k][i];
        if (a != a) {
            env[0] = n;
            a = evaluate(k);
            cache[k][i] = a;
        }
        return a;
    }

    /** Widens the cache to hold n, at least doubling it, keeping what it holds. */
    private void growCache(long n) {
        long lo = cache == null ? n : Math.min(cacheLo, n);
        long hi = cache == null ? n + 1 : Math.max(cacheLo + cache[0].length, n + 1);
        long len = hi - lo, old = cache == null ? 0 : cache[0].length;
        if (cache != null) {
            long extra = Math.max(len - old, old);   // amortised: grow by at least the old size
            if (n < cacheLo) lo = Math.min(lo, cacheLo - extra);
            else hi = Math.max(hi, cacheLo + old + extra);
            len = hi - lo;
        }
        if (len > Integer.MAX_VALUE - 8) throw new SolverException("cme: the lattice is too wide");
        double[][] next = new double[reactions.length][(int) len];
        for (double[] row : next) java.util.Arrays.fill(row, Double.NaN);
        if (cache != null) {
            for (int k = 0; k < reactions.length; k++) System.arraycopy(cache[k], 0, next[k], (int) (cacheLo - lo), cache[k].length);
        }
        cache = next;
        cacheLo = lo;
    }
}
