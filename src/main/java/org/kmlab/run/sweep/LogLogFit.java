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
        int n = 0;
        double sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!usable(x[i], y[i])) continue;
            n++;
            sx += Math.log(x[i]);
            sy += Math.log(y[i]);
        }
        if (n < 2) return NONE;
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!usable(x[i], y[i])) continue;
            double dx = Math.log(x[i]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(y[i]) - my);
        }
        if (!(sxx > 0)) return NONE;
        double slope = sxy / sxx, intercept = my - slope * mx;
        double error = Double.NaN;
        if (n > 2) {
            double rss = 0;
            for (int i = 0; i < x.length; i++) {
                if (!usable(x[i], y[i])) continue;
                double r = Math.log(y[i]) - intercept - slope * Math.log(x[i]);
                rss += r * r;
            }
            error = Math.sqrt(rss / (n - 2) / sxx);
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
