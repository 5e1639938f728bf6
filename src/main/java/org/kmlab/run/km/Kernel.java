package org.kmlab.run.km;

/** Kernel shapes for the Nadaraya–Watson estimator, each with its support and its Silverman factor. */
public enum Kernel {
    /**
     * K(u) = ¾(1 − u²) on |u| &lt; 1: the most efficient kernel and zero beyond one bandwidth,
     * so only near data count.
     */
    EPANECHNIKOV(1, 2.2138),
    /** K(u) = exp(−u²/2) (unnormalised: the estimator is a ratio), cut at |u| = 5. */
    GAUSSIAN(5, 1);

    /** Where the kernel is (taken as) zero, in bandwidths. */
    final double support;
    /**
     * Silverman's rule is for the Gaussian; the same smoothing with this kernel needs this times the
     * bandwidth: the ratio of canonical bandwidths (R(K)/μ₂(K)²)^(1/5), 15^(1/5) / (1/(2√π))^(1/5)
     * = 1.7188/0.7764 (Marron &amp; Nolan 1988).
     */
    final double silvermanFactor;

    Kernel(double support, double silvermanFactor) {
        this.support = support;
        this.silvermanFactor = silvermanFactor;
    }

    /** K(u), up to a constant factor. */
    double weight(double u) {
        double a = Math.abs(u);
        if (a >= support) return 0;
        return this == EPANECHNIKOV ? 1 - u * u : Math.exp(-0.5 * u * u);
    }

    public String label() { return this == EPANECHNIKOV ? "Epanechnikov" : "Gaussian"; }
}
