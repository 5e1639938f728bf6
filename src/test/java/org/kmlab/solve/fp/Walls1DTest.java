package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
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

/** Walls and small systems: where a grid that follows the cloud could lose it. */
class Walls1DTest {
    private static SolverResult solve(Model m, double[] times, int cells) {
        return new FokkerPlanckSolver().solve(new Problem(m, times, 1, 1, SolverOptions.defaults().withGridCells(cells)), SnapshotListener.NONE, CancellationToken.none());
    }

    /**
     * Logistic growth (preset, Ω = 10 and 2): n = 0 is absorbing and probability piles up there.
     * The box keeps the wall as its first face once it holds probability, the pile grows, and the
     * solution is within its own estimate of one on four times as many cells.
     */
    @Test
    void logisticKeepsItsPileAtTheWallAndConverges() {
        for (double omega : new double[] {10, 2}) {
            Model m = FpTestModels.preset("logistic").with("Omega", omega);
            double[] times = Problem.uniformTimes(20, 11);
            SolverResult r = solve(m, times, 0), fine = solve(m, times, 4 * ChangCooperFokkerPlanck1D.DEFAULT_CELLS);
            double previous = 0;
            for (int k = 1; k < times.length; k++) {
                Density1D d = r.at(k).marginal(0);
                double atWall = d.density(0) * d.dx();
                assertEquals(0.0, d.x(0) - 0.5 * d.dx(), 1e-15, "the wall is the first face at t = " + times[k]);
                assertTrue(atWall >= previous, "the pile at x = 0 only grows: " + previous + " → " + atWall + " at t = " + times[k]);
                previous = atWall;
                double change = Distances.l1(d, fine.at(k).marginal(0));         // at the coarser resolution: the finer one rebinned
                assertTrue(change <= r.at(k).error(), "Ω = " + omega + ", t = " + times[k] + ": 4× finer differs by " + change + ", estimate " + r.at(k).error());
                assertEquals(1.0, r.at(k).mass(), 1e-12);
            }
            assertTrue(previous > (omega == 2 ? 0.3 : 0.005), "Ω = " + omega + ": extinction by t = 20 is " + previous);
        }
    }

    /**
     * The OU walk at the smallest Ω of its preset (h = 1/2): B = D + hθ|x| is far from D, so the
     * Gaussian is not the answer, but the moments still are: d⟨x⟩/dt = −θ⟨x⟩ exactly, and
     * dVar/dt = −2θ·Var + D + hθ⟨|x|⟩, integrated here with the solution's own ⟨|x|⟩.
     */
    @Test
    void theOrnsteinUhlenbeckWalkAtSmallOmegaKeepsItsMomentEquations() {
        double omega = 2, theta = 1, d = 0.5, x0 = 2, h = 1 / omega;
        Model m = FpTestModels.preset("ornstein-uhlenbeck").with("theta", theta).with("D", d).with("Omega", omega).with("X0", x0 * omega);
        double[] times = Problem.uniformTimes(3, 301);
        SolverResult r = solve(m, times, 0);
        double variance = h * h / 12, previousRate = Double.NaN;
        for (int k = 0; k < times.length; k++) {
            Snapshot s = r.at(k);
            Density1D p = s.marginal(0);
            double absolute = 0;
            for (int i = 0; i < p.size(); i++) absolute += Math.abs(p.x(i)) * p.density(i) * p.dx();
            double rate = -2 * theta * s.covariance(0, 0) + d + h * theta * absolute;
            if (k > 0) variance += 0.5 * (times[k] - times[k - 1]) * (previousRate + rate);   // trapezoid, with the solution's own rates
            previousRate = rate;
            assertEquals(x0 * Math.exp(-theta * times[k]), s.mean(0), 2e-4, "mean at t = " + times[k]);
            assertEquals(variance, s.covariance(0, 0), 2e-3 * variance, "variance at t = " + times[k]);
        }
    }
}
