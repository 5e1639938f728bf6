package org.kmlab.solve.cle;

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
 */
final class StepRule {
    static final int MIN_STEPS_PER_OUTPUT = 20;

    private final DriftJacobian jacobian;
    private final double[][] scratch;
    private final double factor;
    private double rate;

    StepRule(Model model, double factor) {
        this.jacobian = new DriftJacobian(model);
        this.scratch = new double[model.speciesCount()][model.speciesCount()];
        this.factor = factor;
    }

    /** Takes the drift rate at x into account. */
    void observe(double[] x) {
        double r = jacobian.norm(x, scratch);
        if (r > rate) rate = r;   // a NaN norm is ignored
    }

    double rate() { return rate; }

    /** Steps for an output interval of length {@code interval}. */
    int steps(double interval) {
        // the 1e-9 forgives the Jacobian's rounding, so h = c/ρ exactly when Δ·ρ/c is whole
        double n = Math.ceil(interval * rate / factor * (1 - 1e-9));
        return (int) Math.max(MIN_STEPS_PER_OUTPUT, Math.min(Integer.MAX_VALUE, n));
    }
}
