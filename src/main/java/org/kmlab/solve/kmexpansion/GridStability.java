package org.kmlab.solve.kmexpansion;

import java.util.Locale;

/**
 * Whether the fourth-order truncation can be solved on a grid at all. Its last term,
 * {@code +∂ₓ⁴[D₄ P]} with {@code D₄ = M₄/4! > 0} (M₄ = Σ ν⁴ a/Ω⁴ is never negative), is
 * <em>anti</em>-diffusive: the continuous equation is ill-posed, short waves growing without
 * bound. On a grid the shortest wave is two cells long, and with coefficients frozen at a cell the
 * discrete operator grows that wave at the rate
 * <pre>λ = 16·D₄/dx⁴ − 4·D₂/dx²</pre>
 * (the symbols of the central fourth and second differences at wavenumber π/dx; the first and
 * third orders only move waves). So the truncation is stable only on cells wider than
 * {@code √(4·D₄/D₂) = √(M₄/(3·M₂))}: about 0.58 lattice steps for jumps of ±1, 1.15 for jumps of
 * 2. This is Pawula's theorem met on a grid: beyond order 2, only a grid as coarse as the jumps
 * keeps the truncated series from blowing up.
 */
final class GridStability {
    private GridStability() {}

    /** The narrowest stable cell width over these points: √max(4·D₄/D₂) (0 where D₄ ≤ 0). */
    static double stableWidth(double[] d2, double[] d4) {
        double worst = 0;
        for (int i = 0; i < d2.length; i++) {
            if (!(d4[i] > 0)) continue;
            if (!(d2[i] > 0)) return Double.POSITIVE_INFINITY;
            worst = Math.max(worst, 4 * d4[i] / d2[i]);
        }
        return Math.sqrt(worst);
    }

    /** The fastest growth rate λ (per unit time) of the shortest wave over the cells, and the cell where it is; λ ≤ 0 is stable. */
    static double[] fastestGrowth(double[] d2, double[] d4, double dx) {
        double worst = Double.NEGATIVE_INFINITY;
        int at = 0;
        for (int i = 0; i < d2.length; i++) {
            double rate = 16 * d4[i] / (dx * dx * dx * dx) - 4 * d2[i] / (dx * dx);
            if (rate > worst) { worst = rate; at = i; }
        }
        return new double[] {worst, at};
    }

    /** The message when a grid the user chose is too fine for the fourth-order truncation. */
    static String unstableMessage(String id, double rate, double x, double omega, double dx, double stableWidth, int maxCells) {
        return String.format(Locale.ROOT,
                "%s: the order-4 truncation is unstable on this grid: its term ∂⁴(M₄P)/4! is anti-diffusive (M₄ > 0), and on cells %.2f "
                        + "lattice steps wide it outgrows the diffusion, so the shortest waves grow like e^(%.3g·t) (worst near x = %.3g). "
                        + "It is stable only on cells wider than %.2f lattice steps: use at most %d cells, or order 2 or 3 "
                        + "(Pawula: no truncation beyond order 2 is a probability equation)",
                id, dx * omega, rate, x, stableWidth * omega, maxCells);
    }
}
