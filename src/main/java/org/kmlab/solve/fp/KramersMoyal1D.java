package org.kmlab.solve.fp;

import org.kmlab.model.Model;
import org.kmlab.model.Propensities;
import org.kmlab.solve.SolverException;

/**
 * The Fokker–Planck drift {@code A(x) = Σ_r ν_r a_r(Ωx)/Ω} and diffusion
 * {@code B(x) = Σ_r ν_r² a_r(Ωx)/Ω²} of a one-species model at many points, in x = n/Ω units,
 * without allocation: the same sums as {@link org.kmlab.model.KramersMoyal} (same propensities,
 * negative values read as 0, NaN reported by the model), written for the moving grid, which
 * re-evaluates them at every cell centre at every step. One instance per thread.
 */
final class KramersMoyal1D {
    private final Propensities propensities;
    private final Model model;
    private final double[] env;
    private final double[] jump, jumpSquared;
    private final double omega;

    KramersMoyal1D(Model model) {
        this.model = model;
        this.propensities = model.propensities();
        this.env = propensities.newEnvironment();
        this.omega = model.size();
        int reactions = propensities.size();
        jump = new double[reactions];
        jumpSquared = new double[reactions];
        for (int r = 0; r < reactions; r++) {
            double nu = propensities.jump(r, 0);
            jump[r] = nu / omega;
            jumpSquared[r] = nu * nu / (omega * omega);
        }
    }

    /**
     * True for a count whose diffusion vanishes at x = 0 (then so does its drift: every reaction
     * that moves it has zero propensity at n = 0, an absorbing state).
     */
    boolean absorbingWall() {
        if (model.species().get(0).signed()) return false;
        double[] at = {0}, drift = new double[1], diffusion = new double[1];
        evaluate(at, 1, drift, diffusion);
        return diffusion[0] == 0;
    }

    /** Writes A and B at {@code x[i]} for i in [0, n) into {@code a} and {@code b}. */
    void evaluate(double[] x, int n, double[] a, double[] b) {
        for (int i = 0; i < n; i++) {
            env[0] = x[i] * omega;
            double drift = 0, diffusion = 0;
            for (int r = 0; r < jump.length; r++) {
                double rate = propensities.propensity(r, env);
                if (rate != rate) propensities.checked(r, rate, env);     // NaN: the model names the reaction
                if (rate > 0) {
                    drift += jump[r] * rate;
                    diffusion += jumpSquared[r] * rate;
                }
            }
            if (!(Math.abs(drift) < Double.POSITIVE_INFINITY && diffusion < Double.POSITIVE_INFINITY)) {
                throw new SolverException("fp: A(x) or B(x) is not finite at " + model.species().get(0).name() + " = " + env[0]);
            }
            a[i] = drift;
            b[i] = diffusion;
        }
    }
}
