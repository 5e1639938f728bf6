package org.kmlab.run.km;

import org.junit.jupiter.api.Test;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.fp.FokkerPlanckSolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways to get a Fokker–Planck density from estimated coefficients agree where both apply:
 * the stationary formula P ∝ exp(∫2A/B)/B, and the project's FP solver run to t = 10/θ on the
 * lattice-walk model built from the same table ({@link DiffusionModel}), with A = −θx and a
 * diffusion that varies, B = D(1 + 0.2x²).
 */
class StationaryDensityTest {
    static final double THETA = 1, D = 0.5;

    static DiffusionCoefficients table() {
        int n = 121;
        double[] x = new double[n], a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -3 + 6.0 * i / (n - 1);
            a[i] = -THETA * x[i];
            b[i] = D * (1 + 0.2 * x[i] * x[i]);
        }
        return DiffusionCoefficients.of(x, a, b);
    }

    @Test void theModelHasTheTablesCoefficients() {
        DiffusionCoefficients c = table();
        Model m = DiffusionModel.of(c, 0.3, true);
        KramersMoyal km = new KramersMoyal(m);
        for (double x = -3.5; x <= 3.5; x += 0.37) {
            assertEquals(c.drift(x), km.drift(x), 1e-9 * (1 + Math.abs(c.drift(x))), "A at " + x);
            assertEquals(c.diffusion(x), km.diffusion(x), 2e-3 * c.diffusion(x), "B at " + x + " (B + h|A|, h|A| ≤ 10⁻³B)");
        }
        assertEquals(0.3, m.initialX()[0], 1e-3);
    }

    @Test void theFokkerPlanckSolverReachesTheStationaryFormula() {
        DiffusionCoefficients c = table();
        Model m = DiffusionModel.of(c, 0, true);
        SolverResult r = new FokkerPlanckSolver().solve(new Problem(m, new double[] {0, 10 / THETA}, 1, 1, SolverOptions.defaults().withGridCells(1000)),
                SnapshotListener.NONE, CancellationToken.none());
        Density1D fp = r.at(1).marginal(0);
        double lo = fp.x(0) - 0.5 * fp.dx(), hi = fp.x(fp.size() - 1) + 0.5 * fp.dx();
        Density1D stationary = StationaryDensity.of(c, lo, hi, fp.size());
        double l1 = Distances.l1(stationary, fp);
        assertTrue(l1 < 5e-3, "L1(solver at t = 10, stationary formula) = " + l1);
        assertEquals(1, stationary.mass(), 1e-12);
        // and the formula itself: for constant B it is the Gaussian of variance D/(2θ)
        DiffusionCoefficients ou = DiffusionCoefficients.of(new double[] {-5, 5}, new double[] {5 * THETA, -5 * THETA}, new double[] {D, D});
        Density1D g = StationaryDensity.of(ou, -4, 4, 4000);
        assertEquals(D / (2 * THETA), g.variance(), 1e-5);
    }
}
