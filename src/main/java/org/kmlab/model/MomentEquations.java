package org.kmlab.model;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

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
 * (Σ row-major, kept symmetric). For a linear network these are the master equation's own first
 * and second moments. The one place in kmlab where these equations are written: the LNA solver,
 * the grids of the master-equation and Fokker–Planck solvers and the window's deterministic path
 * all integrate them ({@link LinearNoisePath}). A count's mean is read as max(0, m) by A, B and J
 * (propensities vanish below zero), so an overshoot of an integrator never sees negative rates.
 * One instance per thread; allocation-free.
 */
public final class MomentEquations implements FirstOrderDifferentialEquations {
    private final KramersMoyal km;
    private final DriftJacobian jacobian;
    private final Runnable checkpoint;
    private final int d;
    private final boolean[] signed;
    private final double[] mean, drift;
    private final double[][] j, b, sigma;
    private long evaluations;

    /**
     * @param checkpoint called every 256 evaluations, e.g. to throw when a run is cancelled
     */
    public MomentEquations(Model model, Runnable checkpoint) {
        this.km = new KramersMoyal(model);
        this.jacobian = new DriftJacobian(model);
        this.checkpoint = checkpoint;
        this.d = model.speciesCount();
        this.signed = new boolean[d];
        for (int s = 0; s < d; s++) signed[s] = model.species().get(s).signed();
        this.mean = new double[d];
        this.drift = new double[d];
        this.j = new double[d][d];
        this.b = new double[d][d];
        this.sigma = new double[d][d];
    }

    public MomentEquations(Model model) { this(model, () -> {}); }

    @Override public int getDimension() { return d + d * d; }

    public int species() { return d; }

    /** Right-hand-side evaluations so far. */
    public long evaluations() { return evaluations; }

    /** The ODE state for mean m and covariance Σ. */
    public static double[] pack(double[] m, double[][] cov) {
        int d = m.length;
        double[] y = new double[d + d * d];
        System.arraycopy(m, 0, y, 0, d);
        for (int r = 0; r < d; r++) System.arraycopy(cov[r], 0, y, d + r * d, d);
        return y;
    }

    public static double[] meanOf(double[] y, int d) {
        double[] m = new double[d];
        System.arraycopy(y, 0, m, 0, d);
        return m;
    }

    /** Σ from the state, symmetrised (the ODE keeps it symmetric up to rounding). */
    public static double[][] covarianceOf(double[] y, int d) {
        double[][] c = new double[d][d];
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) c[r][s] = 0.5 * (y[d + r * d + s] + y[d + s * d + r]);
        }
        return c;
    }

    @Override public void computeDerivatives(double t, double[] y, double[] yDot) {
        if ((++evaluations & 255) == 0) checkpoint.run();
        for (int s = 0; s < d; s++) mean[s] = signed[s] ? y[s] : Math.max(0, y[s]);
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
