package org.kmlab.solve.fp;

import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;
import org.kmlab.solve.SolverException;

/**
 * Where the probability goes over an interval, from the linear noise approximation
 * ({@link LinearNoisePath}): the envelope of {@code m ± k·sd} (sd including the lattice spacing
 * h = 1/Ω, the width of the initial bump) sizes the Fokker–Planck box. Units: x = n/Ω.
 */
final class MomentEnvelope {
    private MomentEnvelope() {}

    /** {@code [s][0]} lowest and {@code [s][1]} highest of m_s ± k·sd_s over [0, tEnd], from the initial state. */
    static double[][] of(Model model, double tEnd, double k) {
        int d = model.speciesCount();
        return of(model, model.initialX(), new double[d][d], tEnd, k);
    }

    /**
     * The same from mean m0 and covariance cov0 (x units) at the start of an interval of length
     * {@code duration}: where a cloud with these moments goes over the interval.
     */
    static double[][] of(Model model, double[] m0, double[][] cov0, double duration, double k) {
        try {
            return LinearNoisePath.of(model, m0, cov0, duration, 1e-8, () -> {}).envelope(k, 1 / model.size());
        } catch (LinearNoisePath.Diverges e) {
            throw new SolverException("fp: " + e.getMessage() + "; cannot size the grid");
        }
    }
}
