package org.kmlab.solve.lna;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;

/**
 * The linear noise approximation's ODEs (van Kampen, <i>Stochastic Processes in Physics and
 * Chemistry</i>, ch. X; Elf &amp; Ehrenberg, Genome Res. 13 (2003) 2475) in x = n/Ω units:
 * <pre>
 *   dm/dt = A(m)
 *   dΣ/dt = J(m) Σ + Σ J(m)ᵀ + B(m)
 * </pre>
 * with A and B the Fokker–Planck drift and diffusion of {@link KramersMoyal} (B already carries
 * the 1/Ω of x units, so Σ is the covariance of x, not of n/√Ω) and J = ∂A/∂x from
 * {@link DriftJacobian}. The state vector is {@code [m_0..m_{d−1}, Σ_00, Σ_01, …, Σ_{d−1,d−1}]}
 * (Σ row-major, kept symmetric). Polls the cancellation token every 256 evaluations. One instance
 * per run; allocation-free.
 */
final class MomentEquations implements FirstOrderDifferentialEquations {
    private final KramersMoyal km;
    private final DriftJacobian jacobian;
    private final CancellationToken cancel;
    private final int d;
    private final double[] mean, drift;
    private final double[][] j, b, sigma;
    private long evaluations;

    MomentEquations(Model model, CancellationToken cancel) {
        this.km = new KramersMoyal(model);
        this.jacobian = new DriftJacobian(model);
        this.cancel = cancel;
        this.d = model.speciesCount();
        this.mean = new double[d];
        this.drift = new double[d];
        this.j = new double[d][d];
        this.b = new double[d][d];
        this.sigma = new double[d][d];
    }

    @Override public int getDimension() { return d + d * d; }

    long evaluations() { return evaluations; }

    /** The ODE state for mean m and covariance Σ. */
    static double[] pack(double[] m, double[][] cov) {
        int d = m.length;
        double[] y = new double[d + d * d];
        System.arraycopy(m, 0, y, 0, d);
        for (int r = 0; r < d; r++) System.arraycopy(cov[r], 0, y, d + r * d, d);
        return y;
    }

    static double[] meanOf(double[] y, int d) {
        double[] m = new double[d];
        System.arraycopy(y, 0, m, 0, d);
        return m;
    }

    /** Σ from the state, symmetrised (the ODE keeps it symmetric up to rounding). */
    static double[][] covarianceOf(double[] y, int d) {
        double[][] c = new double[d][d];
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) c[r][s] = 0.5 * (y[d + r * d + s] + y[d + s * d + r]);
        }
        return c;
    }

    @Override public void computeDerivatives(double t, double[] y, double[] yDot) {
        if ((++evaluations & 255) == 0) cancel.check();
        System.arraycopy(y, 0, mean, 0, d);
        for (int r = 0; r < d; r++) System.arraycopy(y, d + r * d, sigma[r], 0, d);
        km.drift(mean, drift);
        km.diffusion(mean, b);
        jacobian.at(mean, j);
        System.arraycopy(drift, 0, yDot, 0, d);
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) {
                double v = b[r][s];
                for (int k = 0; k < d; k++) v += j[r][k] * sigma[k][s] + sigma[r][k] * j[s][k];
                yDot[d + r * d + s] = v;
            }
        }
    }
}
