package org.kmlab.solve;

import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;

import java.util.ArrayList;
import java.util.List;

/**
 * A ring of 10 isomers S0 … S9 with 20 unimolecular reactions S_i → S_{i+1} (rate 1 + 0.1·i) and
 * S_{i+1} → S_i (rate 0.5), 100 molecules of each to start: each molecule is an independent
 * 10-state Markov chain with generator Q, so with P(t) = e^{Qt} the counts are a sum of
 * multinomials: E[n_k] = Σ_j n_j(0) P_jk and Cov(n_k, n_l) = Σ_j n_j(0) (δ_kl P_jk − P_jk P_jl).
 * Exact moments for a model with many species and many reactions (the SSA's tree of partial sums).
 */
public final class IsomerRing {
    public static final int SPECIES = 10;
    public static final long EACH = 100;

    private IsomerRing() {}

    public static double forward(int i) { return 1 + 0.1 * i; }

    public static final double BACKWARD = 0.5;

    public static Model model(double omega) {
        List<Species> sp = new ArrayList<>();
        List<Parameter> ps = new ArrayList<>();
        List<Reaction> rs = new ArrayList<>();
        for (int i = 0; i < SPECIES; i++) sp.add(new Species("S" + i, EACH, false));
        for (int i = 0; i < SPECIES; i++) {
            int next = (i + 1) % SPECIES;
            ps.add(new Parameter("f" + i, forward(i), 0, 100, ""));
            ps.add(new Parameter("b" + i, BACKWARD, 0, 100, ""));
            rs.add(new Reaction("S" + i + " to S" + next, "S" + i + " -> S" + next, "f" + i, null));
            rs.add(new Reaction("S" + next + " to S" + i, "S" + next + " -> S" + i, "b" + i, null));
        }
        return new Model("isomer ring", "", sp, ps, new SystemSize(omega, omega, omega), rs);
    }

    /** P(t) = e^{Qt} by classical RK4 on dP/dt = PQ with steps of 10⁻³ (error far below 10⁻¹⁰). */
    public static double[][] transition(double t) {
        int d = SPECIES;
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            int next = (i + 1) % d;
            q[i][next] += forward(i);
            q[i][i] -= forward(i);
            q[next][i] += BACKWARD;
            q[next][next] -= BACKWARD;
        }
        double[][] p = new double[d][d];
        for (int i = 0; i < d; i++) p[i][i] = 1;
        int steps = (int) Math.ceil(t / 1e-3);
        double h = t / steps;
        for (int k = 0; k < steps; k++) {
            double[][] k1 = times(p, q), k2 = times(add(p, k1, h / 2), q), k3 = times(add(p, k2, h / 2), q), k4 = times(add(p, k3, h), q);
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) p[i][j] += h / 6 * (k1[i][j] + 2 * k2[i][j] + 2 * k3[i][j] + k4[i][j]);
        }
        return p;
    }

    private static double[][] times(double[][] a, double[][] b) {
        int d = a.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) for (int j = 0; j < d; j++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    private static double[][] add(double[][] a, double[][] b, double f) {
        int d = a.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) c[i][j] = a[i][j] + f * b[i][j];
        return c;
    }

    /** Exact mean count of species k at t. */
    public static double mean(double[][] p, int k) {
        double m = 0;
        for (int j = 0; j < SPECIES; j++) m += EACH * p[j][k];
        return m;
    }

    /** Exact Cov(n_k, n_l) at t. */
    public static double covariance(double[][] p, int k, int l) {
        double c = 0;
        for (int j = 0; j < SPECIES; j++) c += EACH * ((k == l ? p[j][k] : 0) - p[j][k] * p[j][l]);
        return c;
    }
}
