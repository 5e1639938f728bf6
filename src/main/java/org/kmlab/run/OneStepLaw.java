package org.kmlab.run;

import org.kmlab.model.Model;
import org.kmlab.model.Propensities;

/**
 * The stationary law of a one-step process (one species, every jump ±1) from detailed balance,
 * computed from the model's own propensities: P_(n+1)/P_n = W+(n)/W−(n+1), W± the summed
 * propensities of the reactions that jump by ±1 (Gardiner, <i>Stochastic Methods</i> §11.2; van
 * Kampen §VI.3). Any stationary law of a one-step process on a line is this one, so it is the
 * exact reference of the master equation's long-time limit, whatever the rates (the Schlögl model,
 * a lattice walk in a potential). Built in log space, so Ω in the thousands neither overflows nor
 * underflows.
 */
public final class OneStepLaw {
    private final long n0;
    private final double[] p;

    private OneStepLaw(long n0, double[] p) {
        this.n0 = n0;
        this.p = p;
    }

    /**
     * The law on the lattice points nLo..nHi, normalised there. Throws IllegalArgumentException
     * naming the state when it does not exist there (W−(n+1) = 0 while W+(n) &gt; 0: the walk runs
     * off upwards).
     */
    public static OneStepLaw of(Model m, long nLo, long nHi) {
        if (m.speciesCount() != 1) throw new IllegalArgumentException("a one-step law needs one species, the model has " + m.speciesCount());
        if (!(nHi >= nLo) || nHi - nLo > 50_000_000) throw new IllegalArgumentException("lattice points " + nLo + ".." + nHi + " are not a usable range");
        Propensities a = m.propensities();
        double[] env = a.newEnvironment();
        double[] logP = new double[(int) (nHi - nLo + 1)];
        double top = 0;
        for (int i = 1; i < logP.length; i++) {
            long n = nLo + i - 1;
            double up = rate(a, env, n, 1), down = rate(a, env, n + 1, -1);
            if (up == 0 || logP[i - 1] == Double.NEGATIVE_INFINITY) logP[i] = Double.NEGATIVE_INFINITY;
            else if (!(down > 0)) throw new IllegalArgumentException("no stationary law: the rate down from n = " + (n + 1) + " is " + down + " while the rate up into it is " + up);
            else logP[i] = logP[i - 1] + Math.log(up) - Math.log(down);
            top = Math.max(top, logP[i]);
        }
        double sum = 0;
        for (int i = 0; i < logP.length; i++) {
            logP[i] = Math.exp(logP[i] - top);
            sum += logP[i];
        }
        for (int i = 0; i < logP.length; i++) logP[i] /= sum;
        return new OneStepLaw(nLo, logP);
    }

    /** Σ of the propensities with jump {@code jump} at count n. */
    private static double rate(Propensities a, double[] env, long n, int jump) {
        env[0] = n;
        double w = 0;
        for (int r = 0; r < a.size(); r++) if (a.jump(r, 0) == jump) w += a.propensity(r, env);
        if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("the rate " + (jump > 0 ? "up" : "down") + " at n = " + n + " is " + w);
        return w;
    }

    public long lowest() { return n0; }

    public long highest() { return n0 + p.length - 1; }

    /** P_n (0 outside the range). */
    public double probability(long n) { return n < n0 || n > highest() ? 0 : p[(int) (n - n0)]; }
}
