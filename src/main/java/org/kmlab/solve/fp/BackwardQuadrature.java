package org.kmlab.solve.fp;

import org.kmlab.solve.SolverException;

/**
 * The Fokker–Planck equation's own mean first-passage time to an absorbing boundary at x = 0
 * from x₀, with reflection (or decay of the density) above: the backward equation
 * {@code A T′ + ½ B T″ = −1}, T(0) = 0, integrated twice (Gardiner, <i>Stochastic Methods</i>
 * §5.2.7),
 * <pre>
 *   T(x₀) = 2 ∫₀^{x₀} dy/ψ(y) ∫_y^∞ ψ(z)/B(z) dz = 2 ∫₀^∞ ψ(z)/B(z) · G(min(z, x₀)) dz,
 *   ψ(x) = exp(∫ 2A/B),   G(u) = ∫₀^u dy/ψ(y).
 * </pre>
 * The second form (the order of integration swapped) has a bounded integrand at x = 0, where
 * B vanishes like x. Midpoint rules on {@value #CELLS} cells, x₀ on a node; the upper end is where
 * ψ has fallen e⁻⁶⁰ below its largest value and still falls (or where B vanishes: a wall).
 */
final class BackwardQuadrature {
    static final int CELLS = 1 << 18;
    /** Cells per x₀ of the first pass that finds the upper end. */
    private static final int SCAN = 2000;
    private static final double TAIL = 60;

    private BackwardQuadrature() {}

    /** Gauss–Legendre nodes and weights on [−1, 1], 4 points. */
    private static final double[] NODES = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] WEIGHTS = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};

    /**
     * The mean of T(x₀) over the initial cell [a, b] (the Fokker–Planck solver starts from the
     * lattice point's cell, uniform, not from a point: at Ω = 2 the two differ by 0.5%), by
     * 4-point Gauss–Legendre.
     */
    static double meanTimeFromCell(KramersMoyal1D km, double a, double b) {
        double sum = 0;
        for (int i = 0; i < NODES.length; i++) sum += WEIGHTS[i] * meanTime(km, 0.5 * (a + b) + 0.5 * (b - a) * NODES[i]);
        return 0.5 * sum;
    }

    /** T(x₀) from the point x₀. */
    static double meanTime(KramersMoyal1D km, double x0) {
        if (!(x0 > 0)) return 0;
        double[] at = new double[1], a = new double[1], b = new double[1];
        // first pass: where does ψ/B become negligible?
        double h0 = x0 / SCAN, phi = 0, top = 0, end = Double.NaN;
        for (long i = 0; i < 1_000L * SCAN; i++) {
            at[0] = (i + 0.5) * h0;
            km.evaluate(at, 1, a, b);
            if (!(b[0] > 0)) {
                end = i * h0;
                break;
            }
            double f = 2 * a[0] / b[0];
            phi += h0 * f;
            top = Math.max(top, phi);
            if (at[0] > x0 && phi < top - TAIL && f < 0) {
                end = (i + 1) * h0;
                break;
            }
        }
        if (Double.isNaN(end)) throw new SolverException("fp: the mean first-passage time does not converge: ψ = exp(∫2A/B) does not decay above x₀ (the process drifts away)");
        if (end < x0) throw new SolverException("fp: the diffusion vanishes between the absorbing boundary and x₀: the boundary cannot be reached");
        int below = (int) Math.max(1, Math.round((double) CELLS * x0 / end));
        double h = x0 / below;
        int n = (int) Math.max(below, Math.ceil(end / h));
        double[] x = new double[n], drift = new double[n], diffusion = new double[n];
        for (int i = 0; i < n; i++) x[i] = (i + 0.5) * h;
        km.evaluate(x, n, drift, diffusion);
        // Φ at the midpoints, then G there; the outer sum scaled by exp(−Φmax) against overflow
        double[] phiMid = new double[n];
        double node = 0, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!(diffusion[i] > 0)) {
                n = i;   // a wall: the density stops here
                break;
            }
            double f = 2 * drift[i] / diffusion[i];
            phiMid[i] = node + 0.5 * h * f;
            node += h * f;
            max = Math.max(max, phiMid[i]);
        }
        double g = 0, sum = 0;
        for (int i = 0; i < n; i++) {
            double gMid = i < below ? g + 0.5 * h * Math.exp(-phiMid[i]) : g;
            if (i < below) g += h * Math.exp(-phiMid[i]);
            sum += Math.exp(phiMid[i] - max) * gMid / diffusion[i];
        }
        return 2 * h * sum * Math.exp(max);
    }

    /**
     * The mean time from x₀ up to an absorbing boundary at x = c &gt; x₀ with a reflecting wall at
     * x = 0 below, averaged over the initial cell [a, b] (clipped to c) by 4-point Gauss–Legendre:
     * <pre>
     *   T(x₀) = 2 ∫_{x₀}^{c} dy/ψ(y) ∫₀^y ψ(z)/B(z) dz = F(c) − F(x₀),   F(x) = 2 ∫₀^x e^{−Φ(y)} ∫₀^y e^{Φ(z)}/B(z) dz dy,
     * </pre>
     * F tabulated once on {@value #CELLS} midpoint cells of [0, c] and read between nodes
     * linearly. The inner integral is carried as K(y) = e^{−Φ(y)}∫₀^y e^{Φ}/B, updated by
     * K ← K·e^{Φ(y−h)−Φ(y)} + h/B: positive terms only, no overflow however high the barrier.
     *
     * @throws SolverException the diffusion vanishes below c (the boundary cannot be reached)
     */
    static double meanTimeUpFromCell(KramersMoyal1D km, double a, double b, double c) {
        if (!(c > 0)) throw new SolverException("fp: an upper absorbing boundary must lie above x = 0, got " + c);
        double h = c / CELLS;
        double[] x = new double[CELLS], drift = new double[CELLS], diffusion = new double[CELLS];
        for (int i = 0; i < CELLS; i++) x[i] = (i + 0.5) * h;
        km.evaluate(x, CELLS, drift, diffusion);
        double[] f = new double[CELLS + 1];   // F at the nodes i·h
        double node = 0, previous = 0, k = 0;
        for (int i = 0; i < CELLS; i++) {
            if (!(diffusion[i] > 0)) throw new SolverException("fp: the diffusion vanishes at x = " + x[i] + ", below the absorbing boundary x = " + c + ": it cannot be reached");
            double slope = 2 * drift[i] / diffusion[i], phi = node + 0.5 * h * slope;
            k = k * Math.exp(previous - phi) + h / diffusion[i];
            f[i + 1] = f[i] + 2 * h * (k - 0.5 * h / diffusion[i]);
            previous = phi;
            node += h * slope;
        }
        double hi = Math.min(b, c), lo = Math.min(a, hi), sum = 0;
        for (int i = 0; i < NODES.length; i++) {
            double u = (0.5 * (lo + hi) + 0.5 * (hi - lo) * NODES[i]) / h;
            int j = (int) Math.min(CELLS - 1, Math.max(0, Math.floor(u)));
            double w = u - j;
            sum += WEIGHTS[i] * (f[CELLS] - ((1 - w) * f[j] + w * f[j + 1]));
        }
        return 0.5 * sum;
    }
}
