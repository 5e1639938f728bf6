package org.kmlab.solve.fp;

import org.kmlab.model.ContinuumWalls;
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
    private double lowest = Double.NEGATIVE_INFINITY, highest = Double.POSITIVE_INFINITY;
    private final double[] lowEdge = new double[4], highEdge = new double[4];
    private double drift, diffusion;        // the last sums()

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

    /**
     * Reads A and B at counts in [lowest, highest] only: beyond, they are extended linearly from
     * their values at the end and one lattice step inside it (the rates just inside a lattice's
     * walls, {@link ContinuumWalls}: smooth A and B then stay second-order accurate over the
     * last half cell). Returns this.
     */
    KramersMoyal1D readBetween(double lowest, double highest) {
        this.lowest = lowest;
        this.highest = highest;
        if (lowest > Double.NEGATIVE_INFINITY) edge(lowest, lowest + 1, lowEdge);
        if (highest < Double.POSITIVE_INFINITY) edge(highest, highest - 1, highEdge);
        return this;
    }

    /** {A, B, dA/dn, dB/dn} at count {@code at}, the slopes towards {@code inside} one step away. */
    private void edge(double at, double inside, double[] out) {
        sums(at);
        out[0] = drift;
        out[1] = diffusion;
        sums(inside);
        out[2] = (out[0] - drift) / (at - inside);
        out[3] = (out[1] - diffusion) / (at - inside);
    }

    /** Writes A and B at {@code x[i]} for i in [0, n) into {@code a} and {@code b}. */
    void evaluate(double[] x, int n, double[] a, double[] b) {
        for (int i = 0; i < n; i++) {
            double count = x[i] * omega;
            double[] edge = count > highest ? highEdge : count < lowest ? lowEdge : null;
            if (edge == null) {
                sums(count);
                a[i] = drift;
                b[i] = diffusion;
            } else {
                double beyond = count - (edge == highEdge ? highest : lowest);
                a[i] = edge[0] + beyond * edge[2];
                b[i] = Math.max(0, edge[1] + beyond * edge[3]);
            }
        }
    }

    /** A and B at one count, into {@link #drift} and {@link #diffusion}. */
    private void sums(double count) {
        env[0] = count;
        double a = 0, b = 0;
        for (int r = 0; r < jump.length; r++) {
            double rate = propensities.propensity(r, env);
            if (rate != rate) propensities.checked(r, rate, env);     // NaN: the model names the reaction
            if (rate > 0) {
                a += jump[r] * rate;
                b += jumpSquared[r] * rate;
            }
        }
        if (!(Math.abs(a) < Double.POSITIVE_INFINITY && b < Double.POSITIVE_INFINITY)) {
            throw new SolverException("fp: A(x) or B(x) is not finite at " + model.species().get(0).name() + " = " + count);
        }
        drift = a;
        diffusion = b;
    }
}
