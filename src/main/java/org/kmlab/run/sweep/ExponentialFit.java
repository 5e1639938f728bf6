package org.kmlab.run.sweep;

/**
 * An exponential law {@code T = c·e^{S·Ω}} fitted by least squares to {@code ln T} against Ω, over
 * the points where T is finite and positive: S is the exponent of a rare escape's mean time (the
 * number the Fokker–Planck approximation gets wrong; Doering, Sargsyan &amp; Sander 2005, Hänggi
 * et al. 1984).
 *
 * @param rate      S, per unit of the swept value; NaN with fewer than two usable points
 * @param intercept ln c
 * @param rateError the standard error of S from the residuals (NaN with fewer than three points)
 * @param points    how many points were used
 */
public record ExponentialFit(double rate, double intercept, double rateError, int points) {
    public static ExponentialFit of(double[] x, double[] y) {
        double[] v = new double[y.length];
        for (int i = 0; i < y.length; i++) v[i] = y[i] > 0 && Double.isFinite(y[i]) ? Math.log(y[i]) : Double.NaN;
        LogLogFit line = LogLogFit.line(x, v);
        return new ExponentialFit(line.slope(), line.intercept(), line.slopeError(), line.points());
    }

    public boolean exists() { return points >= 2 && Double.isFinite(rate); }

    /** The fitted law at x. */
    public double at(double x) { return Math.exp(intercept + rate * x); }
}
