package org.kmlab.solve.lna;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LinearNoiseApproximationTest {
    static Model preset(String id) {
        return PresetIO.read(Path.of("presets", id + ".json")).model();
    }

    private static SolverResult run(Model m, double[] times) {
        return new LinearNoiseApproximation().solve(new Problem(m, times, 1, 1, SolverOptions.defaults()),
                SnapshotListener.NONE, CancellationToken.none());
    }

    /**
     * A→B→∅ from A0 molecules: each molecule is independently still an A (p_A = e^{−k1 t}), a B
     * (p_B = k1/(k2−k1)(e^{−k1 t} − e^{−k2 t})) or gone, so the counts are multinomial:
     * Var A = A0 p_A(1−p_A), Var B = A0 p_B(1−p_B), Cov = −A0 p_A p_B (divide by Ω² for x units).
     * The network is linear, so the LNA moment ODEs are exactly these moments.
     */
    @Test
    void exactForTheLinearNetworkABDecay() {
        for (double[] c : new double[][] {{1, 1, 0.5, 40}, {5, 0.7, 1.9, 300}, {20, 2, 0.3, 1000}}) {
            double omega = c[0], k1 = c[1], k2 = c[2], a0 = c[3];
            Model m = preset("a-b-decay").with("Omega", omega).with("k1", k1).with("k2", k2).with("A0", a0);
            double[] times = {0, 0.1, 0.5, 1, 2, 4, 8};
            SolverResult r = run(m, times);
            for (int k = 0; k < times.length; k++) {
                double t = times[k];
                double pa = Math.exp(-k1 * t), pb = k1 / (k2 - k1) * (Math.exp(-k1 * t) - Math.exp(-k2 * t));
                Snapshot s = r.at(k);
                double w = omega * omega;
                assertEquals(a0 * pa / omega, s.mean(0), 1e-8, "mean A at t = " + t);
                assertEquals(a0 * pb / omega, s.mean(1), 1e-8, "mean B at t = " + t);
                assertEquals(a0 * pa * (1 - pa) / w, s.covariance(0, 0), 1e-8, "Var A at t = " + t);
                assertEquals(a0 * pb * (1 - pb) / w, s.covariance(1, 1), 1e-8, "Var B at t = " + t);
                assertEquals(-a0 * pa * pb / w, s.covariance(0, 1), 1e-8, "Cov AB at t = " + t);
            }
        }
    }

    /**
     * Birth–death from n0: n(t) = Binomial(n0, p) + Poisson(Ω k1/k2 (1 − p)), p = e^{−k2 t}, so the
     * exact (and LNA, the network being linear) mean is k1/k2 + (x0 − k1/k2)p and the variance
     * (n0 p(1−p) + Ω k1/k2 (1−p))/Ω².
     */
    @Test
    void exactForBirthDeath() {
        for (double[] c : new double[][] {{1, 10, 1, 0}, {50, 3, 0.4, 400}, {1000, 7, 2, 20000}}) {
            double omega = c[0], k1 = c[1], k2 = c[2], n0 = c[3];
            Model m = preset("birth-death").with("Omega", omega).with("k1", k1).with("k2", k2).with("X0", n0);
            double[] times = {0.05, 0.3, 1, 2.5, 10};
            SolverResult r = run(m, times);
            for (int k = 0; k < times.length; k++) {
                double p = Math.exp(-k2 * times[k]);
                double mean = k1 / k2 + (n0 / omega - k1 / k2) * p;
                double var = (n0 * p * (1 - p) + omega * k1 / k2 * (1 - p)) / (omega * omega);
                assertEquals(mean, r.at(k).mean(0), 1e-8 * Math.max(1, mean), "mean at t = " + times[k]);
                assertEquals(var, r.at(k).covariance(0, 0), 1e-8 * Math.max(1, var), "variance at t = " + times[k]);
            }
        }
    }

    @Test
    void ornsteinUhlenbeckMomentsAndGaussianMarginal() {
        // the OU walk's drift −θx is exact; its diffusion D + hθ|x| tends to D: at Ω = 10⁶ the
        // variance is D(1−e^{−2θt})/(2θ) to about h·θ·|x|/D ≈ 10⁻⁶ relative
        double omega = 1e6, theta = 1.3, diff = 0.4;
        Model m = preset("ornstein-uhlenbeck").with("Omega", omega).with("theta", theta).with("D", diff).with("X0", 2 * omega);
        double[] times = {0, 0.5, 2};
        SolverResult r = run(m, times);
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            double mean = 2 * Math.exp(-theta * t), var = diff * (1 - Math.exp(-2 * theta * t)) / (2 * theta);
            Snapshot s = r.at(k);
            assertEquals(mean, s.mean(0), 1e-9);
            assertEquals(var, s.covariance(0, 0), 5e-6 * Math.max(var, 1e-6));
            Density1D g = s.marginal(0);
            assertEquals(1, g.mass(), 1e-8, "±6 sd");
            if (t > 0) {
                assertEquals(400, g.size());
                assertEquals(mean, g.mean(), 1e-9);
                assertEquals(s.covariance(0, 0), g.variance(), 1e-3 * var);
            }
        }
        assertEquals(0, r.at(0).sampleCount());
    }

    /**
     * Predator–prey spirals into its focus x* = d/c, y* = (a − b(x* − 1/Ω))/c (the 1/Ω from the
     * falling factorial of 2X); there the LNA covariance solves the Lyapunov equation
     * J Σ + Σ Jᵀ + B = 0, three linear equations solved here by Cramer's rule.
     */
    @Test
    void predatorPreyReachesTheLyapunovCovariance() {
        Model m = preset("predator-prey");
        double a = m.parameter("a"), b = m.parameter("b"), c = m.parameter("c"), d = m.parameter("d"), omega = m.size();
        double xs = d / c, ys = (a - b * (xs - 1 / omega)) / c;
        Snapshot s = run(m, new double[] {0, 400}).last();   // the spiral decays as e^{−0.1 t}
        assertEquals(xs, s.mean(0), 1e-9);
        assertEquals(ys, s.mean(1), 1e-9);
        double j11 = a - b * (2 * xs - 1 / omega) - c * ys, j12 = -c * xs, j21 = c * ys, j22 = c * xs - d;
        double b11 = (a * xs + b * xs * (xs - 1 / omega) + c * xs * ys) / omega, b12 = -c * xs * ys / omega, b22 = (c * xs * ys + d * ys) / omega;
        // unknowns (s11, s12, s22): rows are the (1,1), (1,2), (2,2) entries of JΣ + ΣJᵀ = −B
        double[][] mtx = {{2 * j11, 2 * j12, 0}, {j21, j11 + j22, j12}, {0, 2 * j21, 2 * j22}};
        double[] rhs = {-b11, -b12, -b22};
        double det = det3(mtx);
        double[] sol = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] mc = {mtx[0].clone(), mtx[1].clone(), mtx[2].clone()};
            for (int r = 0; r < 3; r++) mc[r][col] = rhs[r];
            sol[col] = det3(mc) / det;
        }
        assertEquals(sol[0], s.covariance(0, 0), 1e-8 * Math.abs(sol[0]));
        assertEquals(sol[1], s.covariance(0, 1), 1e-8 * Math.abs(sol[0]));
        assertEquals(sol[2], s.covariance(1, 1), 1e-8 * Math.abs(sol[2]));
    }

    private static double det3(double[][] q) {
        return q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) - q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0])
                + q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
    }

    @Test
    void jointGaussianAndLatticeMarginalsInTwoDimensions() {
        Model m = preset("a-b-decay");   // Ω = 1: marginals on lattice cells
        SolverResult r = run(m, new double[] {0, 1});
        Snapshot s0 = r.at(0), s1 = r.at(1);
        assertEquals(1, s0.marginal(0).mass(), 1e-12, "point mass at t = 0");
        assertEquals(40, s0.marginal(0).mean(), 1e-12);
        Density1D a = s1.marginal(0);
        assertEquals(1.0, a.dx(), 0.0, "lattice cells when 12 sd span fewer than 400 of them");
        assertEquals(Math.rint(a.x0()), a.x0(), 0.0, "cells centred on whole counts");
        assertEquals(1, a.mass(), 1e-8);
        assertNotNull(s1.joint());
        assertEquals(1, s1.joint().mass(), 1e-5, "±5 sd box holds all but ~1e-6");
        assertEquals(s1.mean(0), s1.joint().marginal(0).mean(), 1e-4);
        assertEquals(s1.mean(1), s1.joint().marginal(1).mean(), 1e-4);
        assertNotNull(s0.joint(), "even the degenerate t = 0 Gaussian is drawn");
        assertEquals(1, s0.joint().mass(), 1e-6);
    }

    @Test
    void blowUpIsAUserFacingError() {
        // X + X -> 3X grows without bound in finite time; the LNA must stop with a message
        Model m = preset("birth-death").with("k2", 0.01).with("X0", 5);
        Model explosive = new Model("explosive", "", m.species(), m.parameters(), m.omega(),
                java.util.List.of(new org.kmlab.model.Reaction("pair", "2 X -> 3 X", "k1", null)));
        SolverException e = assertThrows(SolverException.class, () -> run(explosive, new double[] {0, 5}));
        assertTrue(e.getMessage().startsWith("lna:"), e.getMessage());
    }

}
