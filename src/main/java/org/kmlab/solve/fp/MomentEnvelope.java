package org.kmlab.solve.fp;

import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.solve.SolverException;

/**
 * Where the probability goes over [0, tEnd], estimated from the linear noise approximation
 * (van Kampen 1961): the mean ODE {@code m' = A(m)} and the covariance ODE
 * {@code Σ' = JΣ + ΣJᵀ + B(m)} integrated by RK4, J by central differences. The envelope of
 * {@code m ± k·sd} (sd including the lattice spacing h = 1/Ω, the width of the initial bump)
 * sizes the Fokker–Planck box. Units: x = n/Ω.
 */
final class MomentEnvelope {
    private static final int STEPS = 2000;

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
        // a stiff model can make fixed-step RK4 blow up: retry with finer steps before giving up
        for (int steps = STEPS; steps <= 64 * STEPS; steps *= 4) {
            double[][] env = integrate(model, m0, cov0, duration, k, steps);
            if (env != null) return env;
        }
        throw new SolverException("fp: the mean or variance of the linear noise approximation diverges within "
                + duration + " time units; cannot size the grid");
    }

    /** The envelope with a fixed RK4 step duration/steps, or null if the solution stops being finite. */
    private static double[][] integrate(Model model, double[] m0, double[][] cov0, double duration, double k, int steps) {
        int d = model.speciesCount();
        KramersMoyal km = new KramersMoyal(model);
        double h = 1 / model.size();
        double[] y = new double[d + d * d];
        System.arraycopy(m0, 0, y, 0, d);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) y[d + i * d + j] = cov0[i][j];
        double[][] env = new double[d][2];
        for (int s = 0; s < d; s++) {
            double sd = Math.sqrt(Math.max(0, cov0[s][s]) + h * h);
            env[s][0] = m0[s] - k * sd;
            env[s][1] = m0[s] + k * sd;
        }
        Rhs rhs = new Rhs(km, model);
        double dt = duration / steps;
        double[] k1 = new double[y.length], k2 = new double[y.length], k3 = new double[y.length], k4 = new double[y.length], tmp = new double[y.length];
        for (int step = 0; step < steps; step++) {
            rhs.eval(y, k1);
            for (int i = 0; i < y.length; i++) tmp[i] = y[i] + 0.5 * dt * k1[i];
            rhs.eval(tmp, k2);
            for (int i = 0; i < y.length; i++) tmp[i] = y[i] + 0.5 * dt * k2[i];
            rhs.eval(tmp, k3);
            for (int i = 0; i < y.length; i++) tmp[i] = y[i] + dt * k3[i];
            rhs.eval(tmp, k4);
            for (int i = 0; i < y.length; i++) y[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            for (int s = 0; s < d; s++) {
                double m = y[s], var = Math.max(0, y[d + s * d + s]);
                double sd = Math.sqrt(var + h * h);
                if (!Double.isFinite(m) || !Double.isFinite(sd)) return null;
                env[s][0] = Math.min(env[s][0], m - k * sd);
                env[s][1] = Math.max(env[s][1], m + k * sd);
            }
        }
        return env;
    }

    /** Right-hand side of the LNA system: y = (m, Σ row-major). */
    private static final class Rhs {
        private final KramersMoyal km;
        private final Model model;
        private final int d;
        private final double[] a, ap, am, xs;
        private final double[][] jac, diff;

        Rhs(KramersMoyal km, Model model) {
            this.km = km;
            this.model = model;
            d = model.speciesCount();
            a = new double[d]; ap = new double[d]; am = new double[d]; xs = new double[d];
            jac = new double[d][d];
            diff = new double[d][d];
        }

        void eval(double[] y, double[] out) {
            for (int s = 0; s < d; s++) xs[s] = clampToDomain(s, y[s]);
            km.drift(xs, a);
            km.diffusion(xs, diff);
            for (int j = 0; j < d; j++) {
                double x = xs[j], eps = 1e-6 * Math.max(1, Math.abs(x));
                xs[j] = x + eps; km.drift(xs, ap);
                xs[j] = x - eps; km.drift(xs, am);
                xs[j] = x;
                for (int i = 0; i < d; i++) jac[i][j] = (ap[i] - am[i]) / (2 * eps);
            }
            for (int s = 0; s < d; s++) out[s] = a[s];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double v = diff[i][j];
                    for (int l = 0; l < d; l++) v += jac[i][l] * y[d + l * d + j] + y[d + i * d + l] * jac[j][l];
                    out[d + i * d + j] = v;
                }
            }
        }

        private double clampToDomain(int s, double x) {
            return model.species().get(s).signed() ? x : Math.max(0, x);
        }
    }
}
