package org.kmlab.model;

import java.util.Optional;

/**
 * The exact mean and covariance over time of a {@linkplain FirstOrderNetwork first-order network}
 * started sharp at its initial state: its {@link MomentEquations} close, so their solution (a
 * {@link LinearNoisePath} at tolerance {@value #TOLERANCE}) is the master equation's own first and
 * second moments, for any number of species. A chain of cells with atoms hopping between
 * neighbours has mean N·exp(tQ)e₁ and the multinomial covariance; a user's linear model gets the
 * same line without a closed form. x = n/Ω units. Not thread-safe (the path's interpolants keep
 * state): one instance per thread.
 */
public final class ExactMoments {
    /** Relative tolerance of the integration (absolute: this times 1/Ω for means, 1/Ω² for covariances). */
    public static final double TOLERANCE = 1e-11;

    private final Model model;
    private final LinearNoisePath path;

    private ExactMoments(Model model, LinearNoisePath path) {
        this.model = model;
        this.path = path;
    }

    /** The exact moments of m over [0, tEnd], or empty when m is not a first-order network (or they blow up). */
    public static Optional<ExactMoments> of(Model m, double tEnd) {
        if (!FirstOrderNetwork.is(m)) return Optional.empty();
        int d = m.speciesCount();
        try {
            return Optional.of(new ExactMoments(m, LinearNoisePath.of(m, m.initialX(), new double[d][d], tEnd, TOLERANCE, () -> {})));
        } catch (LinearNoisePath.Diverges e) {
            return Optional.empty();
        }
    }

    public Model model() { return model; }

    public double tEnd() { return path.duration(); }

    /** The exact mean at time t in [0, tEnd], x units (a new array). */
    public double[] mean(double t) { return path.mean(t); }

    /** The exact covariance at time t in [0, tEnd], x units (a new array). */
    public double[][] covariance(double t) { return path.covariance(t); }
}
