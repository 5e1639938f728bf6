package org.kmlab.run.sweep;

import org.kmlab.model.Model;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;

/**
 * Where a sweep gets the sizes of the Kramers–Moyal coefficients at the fixed point, for each
 * swept value: from the model's formulas ({@link AnalyticCoefficients}), or (to come) estimated
 * from the trajectories of the point's own run. A source that measures from a run adds what it
 * needs to the point's request ({@link Probe#prepare}: e.g. a fine-step observer on the SSA) and
 * reads its estimate afterwards ({@link Probe#sizes}).
 */
public interface CoefficientSource {
    /** The id in sweep.json and sweep.csv, e.g. "analytic". */
    String id();

    /** The name in legends. */
    String label();

    /**
     * Starts measuring at one swept value.
     *
     * @param model      the model at this value
     * @param fixedPoint where the deterministic path settles (x units), or where it is at the sweep's time when it never does
     * @param orders     the orders k wanted
     */
    Probe probe(Model model, double[] fixedPoint, int[] orders);

    /** One swept value's measurement. Used from one thread. */
    interface Probe {
        /** The point's run request with whatever this source needs added; the analytic source leaves it as it is. */
        default RunRequest prepare(RunRequest request) { return request; }

        /**
         * {@code |M_k(x*)/k!|} for each order (x units, per unit time), after the point's run (null
         * when it did not run); NaN where the source cannot say.
         */
        double[] sizes(Run run);
    }
}
