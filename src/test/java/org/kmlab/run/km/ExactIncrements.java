package org.kmlab.run.km;

import org.kmlab.model.Model;
import org.kmlab.model.Propensities;

/**
 * The exact finite-τ jump moments E[(X(t+τ) − X(t))^k | X(t) = n] of a one-species lattice model,
 * in x = n/Ω units, from its master equation: the transition probabilities out of n over τ by
 * uniformization on a window around n wide enough that the probability of leaving it is below
 * 1e-14 (checked). The tests' oracle, independent of the solvers.
 */
final class ExactIncrements {
    private ExactIncrements() {}

    /** {@code out[k]} = E[Δ^k] for k = 0..maxK (out[0] = the probability kept, ≈ 1). */
    static double[] moments(Model model, long n, double tau, int maxK) {
        Propensities p = model.propensities();
        double[] env = p.newEnvironment();
        int maxJump = 0;
        for (int r = 0; r < p.size(); r++) maxJump = Math.max(maxJump, Math.abs(p.jump(r, 0)));
        double rate0 = totalRate(p, env, n);
        int w = (int) Math.ceil(maxJump * (rate0 * tau * 3 + 12 * Math.sqrt(rate0 * tau * 3 + 1) + 40));
        long lo = model.species().get(0).signed() ? n - w : Math.max(0, n - w);
        int size = (int) (n + w - lo + 1);
        double lambda = 0;
        double[][] a = new double[size][p.size()];
        for (int i = 0; i < size; i++) {
            env[0] = lo + i;
            double total = 0;
            for (int r = 0; r < p.size(); r++) {
                double v = p.propensity(r, env);
                a[i][r] = v > 0 ? v : 0;
                total += a[i][r];
            }
            lambda = Math.max(lambda, total);
        }
        double[] v = new double[size], next = new double[size], sum = new double[size];
        v[(int) (n - lo)] = 1;
        double lt = lambda * tau, weight = Math.exp(-lt);
        int steps = (int) Math.ceil(lt + 12 * Math.sqrt(lt + 1) + 40);
        for (int m = 0; m <= steps; m++) {
            for (int i = 0; i < size; i++) sum[i] += weight * v[i];
            java.util.Arrays.fill(next, 0);
            for (int i = 0; i < size; i++) {
                if (v[i] == 0) continue;
                double out = 0;
                for (int r = 0; r < p.size(); r++) {
                    double q = a[i][r] / lambda;
                    out += q;
                    int j = i + p.jump(r, 0);
                    if (j >= 0 && j < size) next[j] += q * v[i];
                }
                next[i] += (1 - out) * v[i];
            }
            double[] t = v; v = next; next = t;
            weight *= lt / (m + 1);
        }
        double[] out = new double[maxK + 1];
        double h = 1 / model.size();
        for (int i = 0; i < size; i++) {
            double d = (lo + i - n) * h, pk = sum[i];
            for (int k = 0; k <= maxK; k++) { out[k] += pk; pk *= d; }
        }
        if (Math.abs(out[0] - 1) > 1e-12) throw new IllegalStateException("window too small: mass " + out[0]);
        return out;
    }

    private static double totalRate(Propensities p, double[] env, long n) {
        env[0] = n;
        double t = 0;
        for (int r = 0; r < p.size(); r++) t += Math.max(0, p.propensity(r, env));
        return t;
    }
}
