package org.kmlab.run.sweep;

import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.run.Run;

/**
 * The model's own Kramers–Moyal coefficients at the fixed point ({@link KramersMoyal}): for one
 * species |M_k(x*)|/k!, for more the largest diagonal |M_(k e_s)(x*)|/k!. A coefficient that
 * cancels there (|M_k| below 10⁻⁹ of Σ|ν|^k a/Ω^k, e.g. the odd orders of birth–death, whose
 * jumps ±1 balance exactly where the drift does) is NaN: its logarithm would be rounding noise.
 */
public final class AnalyticCoefficients implements CoefficientSource {
    /** Relative size below which a moment counts as cancelled. */
    static final double CANCELLED = 1e-9;

    @Override public String id() { return "analytic"; }

    @Override public String label() { return "analytic"; }

    @Override public Probe probe(Model model, double[] fixedPoint, int[] orders) {
        double[] sizes = sizes(model, fixedPoint, orders);
        return run -> sizes.clone();
    }

    static double[] sizes(Model model, double[] x, int[] orders) {
        KramersMoyal km = new KramersMoyal(model);
        int d = model.speciesCount();
        double[] out = new double[orders.length];
        for (int j = 0; j < orders.length; j++) {
            int k = orders[j];
            double factorial = 1;
            for (int i = 2; i <= k; i++) factorial *= i;
            double best = Double.NaN;
            for (int s = 0; s < d; s++) {
                int[] alpha = new int[d];
                alpha[s] = k;
                double m = km.moment(alpha, x), scale = km.absoluteMoment(alpha, x);
                if (!(Math.abs(m) > CANCELLED * scale)) continue;
                double size = Math.abs(m) / factorial;
                if (!(size <= best)) best = size;
            }
            out[j] = best;
        }
        return out;
    }
}
