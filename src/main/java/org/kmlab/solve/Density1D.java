package org.kmlab.solve;

/**
 * A probability density on a uniform 1-D grid in x units: {@code p[i]} is the density at the cell
 * centre {@code x0 + i·dx}, so {@code Σ p[i]·dx} is the probability held on the grid (1, less any
 * truncated mass). A lattice distribution P(n) is stored as density {@code P(n)·Ω} with dx = 1/Ω.
 */
public record Density1D(double x0, double dx, double[] p) {
    public Density1D {
        if (!(dx > 0)) throw new IllegalArgumentException("dx must be > 0, got " + dx);
        p = p.clone();
    }

    @Override public double[] p() { return p.clone(); }

    public int size() { return p.length; }

    public double x(int i) { return x0 + i * dx; }

    public double density(int i) { return p[i]; }

    /** Σ p·dx. */
    public double mass() {
        double m = 0;
        for (double v : p) m += v;
        return m * dx;
    }

    public double mean() {
        double m = 0, w = 0;
        for (int i = 0; i < p.length; i++) { m += p[i] * x(i); w += p[i]; }
        return w > 0 ? m / w : Double.NaN;
    }

    /** The third standardised moment E[(x − μ)³]/σ³ of the density (NaN when it has no mass or no spread). */
    public double skewness() {
        double mu = mean(), v = 0, m3 = 0, w = 0;
        for (int i = 0; i < p.length; i++) { double d = x(i) - mu; v += p[i] * d * d; m3 += p[i] * d * d * d; w += p[i]; }
        if (!(w > 0) || !(v > 0)) return Double.NaN;
        v /= w;
        return m3 / w / (v * Math.sqrt(v));
    }

    public double variance() {
        double mu = mean(), v = 0, w = 0;
        for (int i = 0; i < p.length; i++) { double d = x(i) - mu; v += p[i] * d * d; w += p[i]; }
        return w > 0 ? v / w : Double.NaN;
    }
}
