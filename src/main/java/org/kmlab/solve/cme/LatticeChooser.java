package org.kmlab.solve.cme;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;

/**
 * Sizes the master equation before solving, from the linear-noise equations in x = n/Ω units,
 * {@code dm/dt = A(m)}, {@code dΣ/dt = JΣ + ΣJᵀ + B(m)} (A, B from {@link KramersMoyal},
 * J = ∂A/∂x by finite differences), integrated over [0, tEnd]: the largest box
 * {@code m ± k·√Σ_ss} (k = {@link #SIGMAS}) at any one time is about the largest window the
 * sliding-window solver will need. A model whose estimate passes the state limit, or whose mean
 * or spread passes 10⁹ molecules, is refused before any work. The Gaussian understates heavy
 * tails; the solver measures its windows as it goes and refuses then too.
 */
final class LatticeChooser {
    /** Standard deviations above (and, for signed species, below) the mean, per dimension. */
    static final double[] SIGMAS = {10, 8};

    private LatticeChooser() {}

    /**
     * The largest window the linear-noise approximation suggests, in states; SolverException past
     * {@code limit}. A one-step process with {@code walls} on both sides within {@code limit} of
     * its start stays between them: their box bounds every window, however the Gaussian estimate
     * grows (the linear-noise estimate knows nothing of walls: from an unstable point, a walker in
     * a box with noise-induced drift, it grows without bound), and it is used before the estimate
     * is integrated, which next to a wall written as a cut-off ({@code step(Omega - X)}) is stiff
     * enough to take minutes.
     */
    static long largestWindow(Model model, LatticeWalls walls, double tEnd, long limit) {
        int dim = model.speciesCount();
        long n0 = model.species().get(0).initial();
        if (walls.closed() && walls.hi() - n0 <= limit && n0 - walls.lo() <= limit) return walls.hi() - walls.lo() + 1;
        Envelope envelope = envelope(model, tEnd, SIGMAS[dim - 1]);
        if (!(envelope.upper[0] * model.size() < 1e9) || (dim == 2 && !(envelope.upper[1] * model.size() < 1e9))) {
            throw FiniteStateProjection.tooLarge(dim, "the mean or spread grows past 10⁹ molecules", limit);
        }
        if (envelope.largestBox > limit) {
            throw FiniteStateProjection.tooLarge(dim, "the linear noise approximation spreads it over about " + (long) envelope.largestBox + " states at once", limit);
        }
        return (long) envelope.largestBox;
    }

    /** Over [0, tEnd]: the range of m ∓ k·sd in x units, and the most states a box m ± k·sd holds at one time. */
    record Envelope(double[] lower, double[] upper, double largestBox) {}

    static Envelope envelope(Model model, double tEnd, double sigmas) {
        int dim = model.speciesCount();
        boolean[] signed = new boolean[dim];
        for (int s = 0; s < dim; s++) signed[s] = model.species().get(s).signed();
        LinearNoise ode = new LinearNoise(new KramersMoyal(model), signed);
        double omega = model.size();
        double[] y = new double[dim + dim * dim];
        double[] x0 = model.initialX();
        if (!(tEnd > 0)) return new Envelope(x0.clone(), x0.clone(), 1);
        System.arraycopy(x0, 0, y, 0, dim);
        double[] lower = x0.clone(), upper = x0.clone();
        double[] largest = {1};
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12 * tEnd, tEnd, 1e-10, 1e-8);
        integrator.addStepHandler(new StepHandler() {
            @Override public void init(double t0, double[] y0, double t) {}

            @Override public void handleStep(StepInterpolator step, boolean isLast) {
                double t0 = step.getPreviousTime(), t1 = step.getCurrentTime();
                for (int q = 1; q <= 8; q++) {
                    step.setInterpolatedTime(t0 + (t1 - t0) * q / 8);
                    double[] z = step.getInterpolatedState();
                    double box = 1;
                    for (int s = 0; s < dim; s++) {
                        double sd = Math.sqrt(Math.max(0, z[dim + s * dim + s]));
                        lower[s] = Math.min(lower[s], z[s] - sigmas * sd);
                        upper[s] = Math.max(upper[s], z[s] + sigmas * sd);
                        double low = signed[s] ? z[s] - sigmas * sd : Math.max(0, z[s] - sigmas * sd);
                        box *= Math.max(0, z[s] + sigmas * sd - low) * omega + 1;
                    }
                    largest[0] = Math.max(largest[0], box);
                }
            }
        });
        try {
            integrator.integrate(ode, 0, y, tEnd, y);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {   // blow-up or step size underflow
            return new Envelope(fill(dim, Double.NEGATIVE_INFINITY), fill(dim, Double.POSITIVE_INFINITY), Double.POSITIVE_INFINITY);
        }
        return new Envelope(lower, upper, largest[0]);
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** The LNA right-hand side; state = (m, Σ row-major). */
    private static final class LinearNoise implements FirstOrderDifferentialEquations {
        private final KramersMoyal km;
        private final int dim;
        private final boolean[] signed;
        private final double[] m, a, ap, am;
        private final double[][] jac, b;

        LinearNoise(KramersMoyal km, boolean[] signed) {
            this.km = km;
            this.signed = signed;
            this.dim = signed.length;
            m = new double[dim];
            a = new double[dim];
            ap = new double[dim];
            am = new double[dim];
            jac = new double[dim][dim];
            b = new double[dim][dim];
        }

        @Override public int getDimension() { return dim + dim * dim; }

        @Override public void computeDerivatives(double t, double[] y, double[] dy) {
            System.arraycopy(y, 0, m, 0, dim);
            for (int j = 0; j < dim; j++) {   // J = ∂A/∂x: central difference, one-sided at a count's x ≥ 0 edge
                double h = 1e-6 * Math.max(1e-3, Math.abs(m[j])), mj = m[j];
                m[j] = mj + h;
                km.drift(m, ap);
                double lowEnd = signed[j] || mj - h >= 0 ? mj - h : mj;
                m[j] = lowEnd;
                km.drift(m, am);
                m[j] = mj;
                for (int i = 0; i < dim; i++) jac[i][j] = (ap[i] - am[i]) / (mj + h - lowEnd);
            }
            km.drift(m, a);
            km.diffusion(m, b);
            System.arraycopy(a, 0, dy, 0, dim);
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    double s = b[i][j];
                    for (int k = 0; k < dim; k++) {
                        s += jac[i][k] * y[dim + k * dim + j] + y[dim + i * dim + k] * jac[j][k];
                    }
                    dy[dim + i * dim + j] = s;
                }
            }
        }
    }
}
