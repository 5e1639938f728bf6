package org.kmlab.run.sweep;

/**
 * A power law {@code y = c·x^slope} fitted by least squares to {@code log y} against {@code log x}
 * (natural logarithms), over the points where both are finite and positive; a slope is how fast a
 * distance falls with the swept parameter (−1 for the Fokker–Planck error against Ω, −½ for the
 * linear noise approximation's).
 *
 * @param slope      the exponent; NaN with fewer than two usable points (or one distinct x)
 * @param intercept  log c
 * @param slopeError the standard error of the slope from the residuals (NaN with fewer than three points)
 * @param points     how many points were used
 */
public record LogLogFit(double slope, double intercept, double slopeError, int points) {
    public static final LogLogFit NONE = new LogLogFit(Double.NaN, Double.NaN, Double.NaN, 0);

    /** The fit to (x[i], y[i]); points with a non-finite or non-positive coordinate are left out. */
    public static LogLogFit of(double[] x, double[] y) {
        double[] u = new double[x.length], v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            boolean use = usable(x[i], y[i]);
            u[i] = use ? Math.log(x[i]) : Double.NaN;
            v[i] = use ? Math.log(y[i]) : Double.NaN;
        }
        return line(u, v);
    }

    /** The least-squares line v = intercept + slope·u over the points where both are finite (shared with {@link ExponentialFit}). */
    static LogLogFit line(double[] u, double[] v) {
        int n = 0;
        double su = 0, sv = 0;
        for (int i = 0; i < u.length; i++) {
            if (!Double.isFinite(u[i]) || !Double.isFinite(v[i])) continue;
            n++;
            su += u[i];
            sv += v[i];
        }
        if (n < 2) return NONE;
        double mu = su / n, mv = sv / n, suu = 0, suv = 0;
        for (int i = 0; i < u.length; i++) {
            if (!Double.isFinite(u[i]) || !Double.isFinite(v[i])) continue;
            suu += (u[i] - mu) * (u[i] - mu);
            suv += (u[i] - mu) * (v[i] - mv);
        }
        if (!(suu > 0)) return NONE;
        double slope = suv / suu, intercept = mv - slope * mu;
        double error = Double.NaN;
        if (n > 2) {
            double rss = 0;
            for (int i = 0; i < u.length; i++) {
                if (!Double.isFinite(u[i]) || !Double.isFinite(v[i])) continue;
                double r = v[i] - intercept - slope * u[i];
                rss += r * r;
            }
            error = Math.sqrt(rss / (n - 2) / suu);
        }
        return new LogLogFit(slope, intercept, error, n);
    }

    private static boolean usable(double x, double y) {
        return x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y);
    }

    public boolean exists() { return points >= 2 && Double.isFinite(slope); }

    /** The fitted power law at x. */
    public double at(double x) { return Math.exp(intercept + slope * Math.log(x)); }
}
