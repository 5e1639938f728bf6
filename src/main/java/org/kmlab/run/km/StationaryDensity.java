package org.kmlab.run.km;

import org.kmlab.solve.Density1D;

/**
 * The stationary solution of the 1-D Fokker–Planck equation ∂P/∂t = −∂ₓ(AP) + ½∂ₓ²(BP) with zero
 * flux at both ends of [lo, hi]: J = AP − ½∂ₓ(BP) = 0 everywhere (in one dimension a stationary
 * zero-flux solution has J ≡ 0), so P(x) ∝ exp(∫ 2A/B dx)/B. Computed on {@code cells} cells by the
 * trapezoid rule and normalised on the interval. This is what the project's FP solver approaches
 * as t → ∞ (a test checks the two agree); it needs no end time and no box planned from a linear
 * noise approximation, which a double-welled estimate (its barrier top is unstable) would defeat.
 */
public final class StationaryDensity {
    private StationaryDensity() {}

    public static Density1D of(DiffusionCoefficients c, double lo, double hi, int cells) {
        if (!(hi > lo) || cells < 2) throw new IllegalArgumentException("need lo < hi and at least 2 cells");
        double dx = (hi - lo) / cells;
        double[] phi = new double[cells];
        double prev = 0, run = 0;
        for (int i = 0; i < cells; i++) {
            double xi = lo + (i + 0.5) * dx, f = 2 * c.drift(xi) / c.diffusion(xi);
            if (i > 0) run += 0.5 * (prev + f) * dx;
            phi[i] = run - Math.log(c.diffusion(xi));
            prev = f;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : phi) max = Math.max(max, v);
        double[] p = new double[cells];
        double mass = 0;
        for (int i = 0; i < cells; i++) { p[i] = Math.exp(phi[i] - max); mass += p[i] * dx; }
        for (int i = 0; i < cells; i++) p[i] /= mass;
        return new Density1D(lo + 0.5 * dx, dx, p);
    }
}
