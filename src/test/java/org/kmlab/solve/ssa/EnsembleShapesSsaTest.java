package org.kmlab.solve.ssa;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.ensemble.EnsembleStatistics;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Signed walkers and two-species ensembles against exact moments. Tolerances are 4 standard
 * errors estimated from the ensemble itself (false-failure rate about 6·10⁻⁵ per check).
 */
class EnsembleShapesSsaTest {
    private static final int N = 10_000;

    @Test
    void ornsteinUhlenbeckWalkGoesNegativeAndItsMeanDecaysExactly() {
        Model ou = SsaFixtures.preset("ornstein-uhlenbeck");
        double omega = ou.size(), theta = ou.parameter("theta"), x0 = ou.initialX()[0];
        double[] times = Problem.uniformTimes(3, 7);
        SolverResult r = SsaFixtures.run(ou, times, N, 31, SsaFixtures.options(0, 20));
        boolean wentNegative = false;
        for (Snapshot s : r.snapshots()) {
            // A = −θx is linear, so d⟨x⟩/dt = −θ⟨x⟩ holds exactly on the lattice: ⟨x⟩ = x0·e^{−θt}.
            double se = Math.sqrt(s.covariance(0, 0) / N);
            if (s.time() > 0) assertEquals(x0 * Math.exp(-theta * s.time()), s.mean(0), 4 * se, "t = " + s.time());
            Density1D h = s.marginal(0);
            double steps = h.dx() * omega;
            assertEquals(Math.rint(steps), steps, 1e-9, "a bin is a whole number of lattice steps");
            assertEquals(1.0, h.mass(), 1e-12);
            wentNegative |= h.x0() < 0;
        }
        assertTrue(wentNegative, "the walker crosses 0 (x0 − 2 sd < 0 at t = 3)");
        Density1D last = r.last().marginal(0);
        double firstPoint = last.x0() * omega - (last.dx() * omega - 1) / 2;
        assertEquals(Math.rint(firstPoint), firstPoint, 1e-9, "bins start on lattice points");
        assertBinnedMean(r.last(), 0, omega);
    }

    /** A bin's centre is within (w − 1)/2 lattice steps of each member in it, so the histogram's mean is too. */
    private static void assertBinnedMean(Snapshot s, int axis, double omega) {
        Density1D h = s.marginal(axis);
        assertEquals(s.mean(axis), h.mean(), (h.dx() - 1 / omega) / 2 + 1e-9, "the histogram carries the mean, up to its bins");
    }

    @Test
    void predatorPreyJointHasMassOneAndAgreesWithTheMarginals() {
        SolverResult r = SsaFixtures.run(SsaFixtures.preset("predator-prey"), Problem.uniformTimes(10, 6), 2000, 17, SsaFixtures.options(0, 100));
        for (Snapshot s : r.snapshots()) {
            Density2D joint = s.joint();
            assertNotNull(joint);
            assertTrue(joint.nx() <= EnsembleStatistics.MAX_JOINT_BINS && joint.ny() <= EnsembleStatistics.MAX_JOINT_BINS);
            assertEquals(1.0, joint.mass(), 1e-12, "t = " + s.time());
            for (int axis = 0; axis < 2; axis++) {
                assertEquals(1.0, s.marginal(axis).mass(), 1e-12);
                assertSameBinMasses(joint.marginal(axis), s.marginal(axis), "t = " + s.time() + ", axis " + axis);
                assertBinnedMean(s, axis, 100);
            }
            assertEquals(100, s.sampleCount());
        }
    }

    /** Each coarse bin of the joint's marginal holds the mass of the lattice points inside it. */
    private static void assertSameBinMasses(Density1D coarse, Density1D fine, String where) {
        double[] mass = new double[coarse.size()];
        for (int i = 0; i < fine.size(); i++) {
            int b = (int) Math.floor((fine.x(i) - (coarse.x0() - coarse.dx() / 2)) / coarse.dx() + 1e-9);
            assertTrue(b >= 0 && b < coarse.size(), where + ": lattice point " + fine.x(i) + " outside the joint grid");
            mass[b] += fine.density(i) * fine.dx();
        }
        for (int b = 0; b < coarse.size(); b++) assertEquals(coarse.density(b) * coarse.dx(), mass[b], 1e-12, where + ", bin " + b);
    }

    @Test
    void jointBinsMergeLatticePointsWhenTheRangeIsWide() {
        // x = (1, 0.5) at Ω = 1000: clouds of a few hundred lattice points
        Model wide = SsaFixtures.preset("predator-prey").with("Omega", 1000).with("X0", 1000).with("Y0", 500);
        SolverResult r = SsaFixtures.run(wide, new double[] {0, 3}, 2000, 3, SsaFixtures.options(0, 0));
        Snapshot s = r.last();
        Density2D joint = s.joint();
        for (int axis = 0; axis < 2; axis++) {
            Density1D m = s.marginal(axis);
            assertTrue(m.dx() > 1 / 1000.0, "the cloud spans hundreds of lattice points: marginal bins hold several");
        }
        assertTrue(joint.dx() >= s.marginal(0).dx() && joint.dy() >= s.marginal(1).dx(), "joint bins are at least as wide");
        assertEquals(1.0, joint.mass(), 1e-12);
        for (int axis = 0; axis < 2; axis++) assertSameBinMasses(joint.marginal(axis), s.marginal(axis), "axis " + axis);
    }

    @Test
    void conversionAndDecayMatchTheExactMultinomialMoments() {
        // Each of the A0 molecules is independently in A (prob pA), in B (pB) or gone, so the counts
        // are multinomial: means A0·p, variances A0·p(1 − p), Cov(A, B) = −A0·pA·pB < 0.
        Model m = SsaFixtures.preset("a-b-decay");
        double k1 = m.parameter("k1"), k2 = m.parameter("k2"), a0 = m.initialCounts()[0];
        double[] times = {0, 0.5, 1, 2, 4, 8};
        SolverResult r = SsaFixtures.run(m, times, N, 77, SsaFixtures.options(0, N));
        for (Snapshot s : r.snapshots()) {
            double t = s.time();
            if (t == 0) continue;
            double pA = Math.exp(-k1 * t);
            double pB = k1 / (k2 - k1) * (Math.exp(-k1 * t) - Math.exp(-k2 * t));
            double[][] x = s.samples();
            assertEquals(N, x.length);
            assertEquals(a0 * pA, s.mean(0), 4 * Math.sqrt(s.covariance(0, 0) / N), "mean A at t = " + t);
            assertEquals(a0 * pB, s.mean(1), 4 * Math.sqrt(s.covariance(1, 1) / N), "mean B at t = " + t);
            assertEquals(a0 * pA * (1 - pA), s.covariance(0, 0), 4 * productSe(x, 0, 0, s), "var A at t = " + t);
            assertEquals(a0 * pB * (1 - pB), s.covariance(1, 1), 4 * productSe(x, 1, 1, s), "var B at t = " + t);
            assertEquals(-a0 * pA * pB, s.covariance(0, 1), 4 * productSe(x, 0, 1, s), "cov(A, B) at t = " + t);
            assertTrue(s.covariance(0, 1) < 0, "A and B are anti-correlated at t = " + t);
            assertEquals(1.0, s.joint().mass(), 1e-12);
        }
    }

    /** Standard error of a sample covariance: sqrt((E[dᵢ²dⱼ²] − cov²)/N), from the ensemble. */
    private static double productSe(double[][] x, int i, int j, Snapshot s) {
        double m4 = 0;
        for (double[] v : x) {
            double di = v[i] - s.mean(i), dj = v[j] - s.mean(j);
            m4 += di * di * dj * dj;
        }
        m4 /= x.length;
        double c = s.covariance(i, j);
        return Math.sqrt((m4 - c * c) / x.length);
    }
}
