package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Fokker–Planck solution approaches the master equation as the system grows, at every time:
 * birth–death (0 → X at k1·Ω, X → 0 at k2·n) from X0 = 0, whose exact law is Poisson with mean
 * λ(t) = k1Ω(1 − e^{−k2 t})/k2, over Ω = 1 … 10⁴ and t = 0.25 … 8, for the preset's rates and a
 * slower pair. Before the moving grid the variance was 2–23 times too large at Ω ≥ 100.
 */
class BirthDeathSweep1DTest {
    private static final double[] OMEGAS = {1, 10, 100, 1000, 1e4};
    private static final double[] TIMES = {0, 0.25, 0.5, 1, 2, 8};

    /**
     * L1 distance between the solution and the lattice law at the coarser of the two resolutions
     * (Distances rebins the finer onto the coarser's cells): below one cell of either, a
     * difference is one of representation, not of the laws. At Ω = 1 the lattice is coarser, at
     * Ω = 10⁴ the Fokker–Planck cells are.
     */
    private static double l1(Density1D fp, Density1D lattice) {
        return fp.dx() >= lattice.dx() ? Distances.l1(fp, lattice) : Distances.l1(lattice, fp);
    }

    /**
     * What {@link #l1} cannot resolve on these two grids: the distance it reports between two
     * representations of one smooth law (the Gaussian with the exact mean and variance, as cell
     * averages on the solution's cells and on the lattice's). Where both laws agree to better
     * than this (birth–death near stationarity at Ω ≥ 1000, where the Fokker–Planck law matches
     * Poisson's first three cumulants), a change in {@link #l1} is one of the grids, not of the
     * laws.
     */
    private static double floor(Density1D fp, Density1D lattice, double mean, double variance) {
        return l1(Distances.gaussianOn(fp, mean, variance), Distances.gaussianOn(lattice, mean, variance));
    }

    @Test
    void varianceWithinOnePercentAndTheDistanceToTheExactLawShrinksWithOmega(TestReporter reporter) {
        for (double[] k : new double[][] {{10, 1}, {3, 0.5}}) {
            double k1 = k[0], k2 = k[1];
            double[][] distance = new double[OMEGAS.length][TIMES.length], floor = new double[OMEGAS.length][TIMES.length];
            StringBuilder table = new StringBuilder(String.format("k1 = %g, k2 = %g: var(FP)/var(exact), L1 (resolution floor) at t = 0.25, 0.5, 1, 2, 8%n", k1, k2));
            for (int o = 0; o < OMEGAS.length; o++) {
                double omega = OMEGAS[o];
                Model m = FpTestModels.preset("birth-death").with("k1", k1).with("k2", k2).with("Omega", omega).with("X0", 0);
                SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, TIMES, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
                table.append(String.format("Ω = %-6g", omega));
                for (int i = 1; i < TIMES.length; i++) {
                    Snapshot s = r.at(i);
                    double lambda = k1 * omega * (1 - Math.exp(-k2 * TIMES[i])) / k2;
                    double ratio = s.covariance(0, 0) / (lambda / (omega * omega));
                    Density1D exact = FpTestModels.poisson(lambda, omega);
                    distance[o][i] = l1(s.marginal(0), exact);
                    floor[o][i] = floor(s.marginal(0), exact, lambda / omega, lambda / (omega * omega));
                    table.append(String.format("  %.4f %.4f (%.0e)", ratio, distance[o][i], floor[o][i]));
                    assertEquals(1.0, s.mass(), 1e-12, "mass");
                    if (omega >= 100) assertEquals(1.0, ratio, 0.01, "var(FP)/var(exact) at Ω = " + omega + ", t = " + TIMES[i]);
                }
                table.append('\n');
            }
            reporter.publishEntry("sweep", table.toString());
            for (int i = 1; i < TIMES.length; i++) {
                for (int o = 1; o < OMEGAS.length; o++) {
                    assertTrue(distance[o][i] <= distance[o - 1][i] + floor[o][i], String.format(
                            "L1 grows from Ω = %g to %g at t = %g: %.3e → %.3e (grids resolve %.1e)%n%s",
                            OMEGAS[o - 1], OMEGAS[o], TIMES[i], distance[o - 1][i], distance[o][i], floor[o][i], table));
                }
            }
        }
    }
}
