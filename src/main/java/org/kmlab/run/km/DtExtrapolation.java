package org.kmlab.run.km;

import java.util.List;

/**
 * The finite-Δt correction: extrapolating each Kramers–Moyal moment to Δt → 0 from estimates at
 * τ = Δt, 2Δt, 3Δt, 4Δt. For any Markov process the conditional moments over τ expand as
 * M_k(x; τ) = M_k(x) + (τ/2)·(L²(y − x)^k)(x) + O(τ²), L the generator (the Itô–Taylor expansion
 * behind the finite-Δt corrections of Sura &amp; Barsugli 2002 and of Ragwitz &amp; Kantz 2001), so a
 * straight line in τ through the four points, weighted by their standard errors, has the τ → 0
 * value as its intercept: the first-order term is removed, the O(τ²) one is not. The line goes
 * through the cumulant rates K_k = κ_k/τ rather than M_k ({@link IncrementStatistics}): same
 * limit, but without the drift's μ², μ⁴ … terms, whose curvature in τ (for M₂ of the
 * Ornstein–Uhlenbeck process, x²θ²τ − x²θ³τ² + …) a straight line cannot follow; κ₂/τ is the
 * Ragwitz–Kantz correction B ≈ M₂ − τA² carried to all orders. For the Ornstein–Uhlenbeck
 * process the naive drift slope is (e^{−θΔt} − 1)/Δt = −θ + θ²Δt/2 − …; the line's intercept is
 * −θ to O(Δt²).
 *
 * <p>The price is variance: the intercept's standard error is several times that at Δt. It treats
 * the four lags as independent, which they are not quite (a trajectory's increment over 2Δt
 * contains one over Δt), so it is approximate.
 */
public final class DtExtrapolation {
    private DtExtrapolation() {}

    /** The τ → 0 values at the points of lag 0 (NaN where fewer than two lags have an estimate). */
    public static MomentEstimates toZero(List<MomentEstimates> lags) {
        MomentEstimates first = lags.get(0);
        int n = first.size();
        double[] samples = new double[n];
        double[][] m = new double[MomentEstimates.MAX_ORDER][n], se = new double[MomentEstimates.MAX_ORDER][n];
        double[] tau = new double[lags.size()], y = new double[lags.size()], s = new double[lags.size()];
        for (int i = 0; i < n; i++) {
            samples[i] = first.samples(i);
            for (int k = 1; k <= MomentEstimates.MAX_ORDER; k++) {
                int used = 0;
                for (MomentEstimates lag : lags) {
                    if (!lag.hasCumulant(k, i)) continue;
                    tau[used] = lag.tau();
                    y[used] = lag.cumulant(k, i);
                    s[used] = lag.cumulantSe(k, i);
                    used++;
                }
                double[] fit = Line.fit(tau, y, s, used);
                m[k - 1][i] = fit[0];
                se[k - 1][i] = fit[1];
            }
        }
        return new MomentEstimates(0, first.xs(), samples, m, se, m, se);
    }

    /** Weighted least-squares straight lines. */
    static final class Line {
        private Line() {}

        /**
         * Fits y = a + b·t to the first {@code n} points with weights 1/s²; returns
         * {a, se(a), b, se(b)}, NaN when fewer than two points. A zero standard error (every
         * increment the same) is floored at a millionth of the largest, so it weighs heavily
         * without dividing by zero.
         */
        static double[] fit(double[] t, double[] y, double[] s, int n) {
            if (n < 2) return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            double smax = 0;
            for (int i = 0; i < n; i++) smax = Math.max(smax, s[i]);
            double floor = smax > 0 ? 1e-6 * smax : 1;
            double sw = 0, st = 0, stt = 0, sy = 0, sty = 0;
            for (int i = 0; i < n; i++) {
                double si = Math.max(s[i], floor), w = 1 / (si * si);
                sw += w;
                st += w * t[i];
                stt += w * t[i] * t[i];
                sy += w * y[i];
                sty += w * t[i] * y[i];
            }
            double det = sw * stt - st * st;
            if (!(det > 0)) return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            double a = (stt * sy - st * sty) / det, b = (sw * sty - st * sy) / det;
            return new double[] {a, Math.sqrt(stt / det), b, Math.sqrt(sw / det)};
        }
    }
}
