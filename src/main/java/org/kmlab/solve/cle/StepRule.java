package org.kmlab.solve.cle;

import org.kmlab.model.ContinuumWalls;
import org.kmlab.model.DriftJacobian;
import org.kmlab.model.Model;

/**
 * The Euler–Maruyama step, chosen from the model's rates. With ρ the fastest drift rate seen so
 * far, the infinity norm {@code max_i Σ_j |∂A_i/∂x_j|} of the drift Jacobian evaluated at the
 * initial state and at the ensemble mean at every output time reached, an output interval of
 * length Δ is cut into {@code n = max(20, ⌈Δ·ρ/c⌉)} equal steps, so {@code h ≤ c/ρ} and
 * {@code h ≤ Δ/20}; the steps land exactly on the output times. The accuracy factor c (default
 * 0.01) bounds the deterministic relaxation per step: for the Ornstein–Uhlenbeck process Euler's
 * stationary variance is too large by the factor 1/(1 − θh/2), i.e. by c/2 = 0.5%; halving c halves
 * the bias (weak order 1). ρ never decreases, so the step never grows back.
 *
 * <p>A one-species process between walls ({@link ContinuumWalls}: a cut-off such as
 * {@code step(Omega - X)}) is observed no closer to a wall than the Jacobian's stencil reaches:
 * the cut-off is a jump of A, which the paths meet as a reflecting wall, not a rate to resolve
 * (read across it, the walker in a box started on its wall at Ω = 100 got steps of 7·10⁻⁸).
 */
final class StepRule {
    static final int MIN_STEPS_PER_OUTPUT = 20;

    private final DriftJacobian jacobian;
    private final double[][] scratch;
    private final double factor;
    private final double lowest, highest;   // x units: where A may be read (±∞ without walls)
    private final double[] inside = new double[1];
    private double rate;

    /** @param walls a one-species model's walls, or null */
    StepRule(Model model, double factor, ContinuumWalls walls) {
        this.jacobian = new DriftJacobian(model);
        this.scratch = new double[model.speciesCount()][model.speciesCount()];
        this.factor = factor;
        this.lowest = walls == null ? Double.NEGATIVE_INFINITY : walls.lowestCount() / model.size();
        this.highest = walls == null ? Double.POSITIVE_INFINITY : walls.highestCount() / model.size();
    }

    /** Takes the drift rate at x into account. */
    void observe(double[] x) {
        double r = jacobian.norm(insideTheWalls(x), scratch);
        if (r > rate) rate = r;   // a NaN norm is ignored
    }

    /** x, or the nearest point whose stencil stays between the walls. */
    private double[] insideTheWalls(double[] x) {
        if (lowest == Double.NEGATIVE_INFINITY && highest == Double.POSITIVE_INFINITY) return x;
        double reach = DriftJacobian.reach(x[0]), lo = lowest + reach, hi = highest - reach;
        if (lo > hi) return x;   // a box narrower than the stencil: read as it is
        inside[0] = x[0] < lo ? lo : x[0] > hi ? hi : x[0];
        return inside;
    }

    double rate() { return rate; }

    /** Steps for an output interval of length {@code interval}. */
    int steps(double interval) {
        // the 1e-9 forgives the Jacobian's rounding, so h = c/ρ exactly when Δ·ρ/c is whole
        double n = Math.ceil(interval * rate / factor * (1 - 1e-9));
        return (int) Math.max(MIN_STEPS_PER_OUTPUT, Math.min(Integer.MAX_VALUE, n));
    }
}
