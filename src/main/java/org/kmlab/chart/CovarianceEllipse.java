package org.kmlab.chart;

/** The n-sigma contour of a 2-D Gaussian, for drawing the LNA's 1σ and 2σ ellipses. */
public final class CovarianceEllipse {
    private CovarianceEllipse() {}

    /**
     * Points of the n-sigma ellipse {@code {p : (p − m)ᵀ Σ⁻¹ (p − m) = n²}} of a 2×2 covariance, for
     * drawing the LNA's 1σ and 2σ contours: {@code p = m + n·V·diag(√λ)·(cos θ, sin θ)} with
     * Σ = V diag(λ) Vᵀ. Returns {@code [xs, ys]}, each of length {@code points} with the last point
     * equal to the first (a closed curve). A singular Σ gives a segment (or a point).
     */
    public static double[][] points(double[] mean, double[][] cov, double nSigma, int points) {
        if (points < 2) throw new IllegalArgumentException("points must be ≥ 2, got " + points);
        if (!(nSigma >= 0)) throw new IllegalArgumentException("nSigma must be ≥ 0, got " + nSigma);
        double a = cov[0][0], c = cov[1][1], b = 0.5 * (cov[0][1] + cov[1][0]);
        if (!(a >= 0 && c >= 0) || !(a * c - b * b >= -1e-12 * Math.max(1e-300, a * c))) {
            throw new IllegalArgumentException("covariance must be positive semidefinite");
        }
        // eigenvalues of [[a, b], [b, c]] and the angle of the first eigenvector
        double half = 0.5 * (a + c), r = Math.hypot(0.5 * (a - c), b);
        double l1 = half + r, l2 = Math.max(0, half - r);
        double phi = 0.5 * Math.atan2(2 * b, a - c);
        double cos = Math.cos(phi), sin = Math.sin(phi), s1 = nSigma * Math.sqrt(l1), s2 = nSigma * Math.sqrt(l2);
        double[] xs = new double[points], ys = new double[points];
        for (int k = 0; k < points; k++) {
            double theta = 2 * Math.PI * k / (points - 1);
            double u = s1 * Math.cos(theta), v = s2 * Math.sin(theta);
            xs[k] = mean[0] + cos * u - sin * v;
            ys[k] = mean[1] + sin * u + cos * v;
        }
        xs[points - 1] = xs[0];
        ys[points - 1] = ys[0];
        return new double[][] {xs, ys};
    }
}
