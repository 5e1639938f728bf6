package org.kmlab.solve.ssa;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.FineStepObserver;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ensemble's fine-step hook as its consumer (Kramers–Moyal estimation, issue 11) uses it: an
 * observer that keeps one accumulator per chunk estimates the conditional jump moments
 * M_k(x) = ⟨(X(t+Δt) − X(t))^k | X(t) = x⟩/Δt of birth–death from the SSA's increments. Given
 * X(t) = n, X(t+Δt) is Binomial(n, p) ⊕ Poisson(λ) with p = e^{−k2Δt}, λ = Ω(k1/k2)(1 − p), so the
 * finite-Δt moments are exact: E[D] = λ − n(1 − p), E[D²] = np(1 − p) + λ + E[D]² (counts; x units
 * divide by Ω^k). Each bin's estimate is checked within 4 standard errors from its own sample; with
 * about 40 checks the false-failure rate is below 3·10⁻³ for a correct simulator and hook; the seed
 * is fixed.
 */
class FineStepHookTest {
    private static final double K1 = 10, K2 = 1, OMEGA = 10, DT = 0.05, T_END = 5;
    private static final int N = 2000;

    /** Per chunk and per starting count n: Σ1, ΣD, ΣD², ΣD³, ΣD⁴ of the increments D (in counts). */
    static final class IncrementMoments implements FineStepObserver {
        final double step;
        final int maxCount;
        double[] last;
        long[] lastIndex;
        int chunkSize;
        double[][][] sums;        // [chunk][n][power 0..4]
        long[] calls;             // [chunk]
        boolean[] outOfOrder;     // [chunk]

        IncrementMoments(double step, int maxCount) {
            this.step = step;
            this.maxCount = maxCount;
        }

        @Override public double step() { return step; }

        @Override public void start(int trajectories, int dimension, int chunkSize) {
            this.chunkSize = chunkSize;
            last = new double[trajectories];
            lastIndex = new long[trajectories];
            java.util.Arrays.fill(lastIndex, -1);
            int chunks = (trajectories + chunkSize - 1) / chunkSize;
            sums = new double[chunks][maxCount + 1][5];
            calls = new long[chunks];
            outOfOrder = new boolean[chunks];
        }

        @Override public void observe(int trajectory, long fineIndex, double[] x) {
            int chunk = trajectory / chunkSize;
            if (fineIndex != lastIndex[trajectory] + 1) outOfOrder[chunk] = true;
            if (fineIndex > 0) {
                int n = (int) Math.round(last[trajectory] * OMEGA);
                double d = Math.round((x[0] - last[trajectory]) * OMEGA);
                if (n <= maxCount) {
                    double[] s = sums[chunk][n];
                    double p = 1;
                    for (int k = 0; k <= 4; k++, p *= d) s[k] += p;
                }
            }
            last[trajectory] = x[0];
            lastIndex[trajectory] = fineIndex;
            calls[chunk]++;
        }

        long calls() { return java.util.Arrays.stream(calls).sum(); }

        boolean inOrder() {
            for (boolean b : outOfOrder) if (b) return false;
            return true;
        }

        /** The chunks merged in chunk order: the same for any thread count. */
        double[][] merged() {
            double[][] m = new double[maxCount + 1][5];
            for (double[][] chunk : sums) for (int n = 0; n <= maxCount; n++) for (int k = 0; k < 5; k++) m[n][k] += chunk[n][k];
            return m;
        }
    }

    private static Model birthDeath() {
        return SsaFixtures.preset("birth-death").with("k1", K1).with("k2", K2).with("Omega", OMEGA).with("X0", 100);
    }

    private static SolverResult run(int threads, FineStepObserver observer) {
        SolverOptions o = SsaFixtures.options(threads, 20);
        if (observer != null) o = o.withFineStepObserver(observer);
        return new DirectMethodSsa().solve(new Problem(birthDeath(), Problem.uniformTimes(T_END, 11), N, 2024, o),
                SnapshotListener.NONE, CancellationToken.none());
    }

    @Test
    void incrementsGiveTheExactFiniteStepJumpMomentsOfBirthDeath() {
        IncrementMoments m = new IncrementMoments(DT, 400);
        run(2, m);
        assertTrue(m.inOrder(), "each trajectory's fine indices arrive as 0, 1, 2, …");
        assertEquals((long) N * (Math.round(T_END / DT) + 1), m.calls(), "every trajectory at every t_j ≤ t_end, once");
        double p = Math.exp(-K2 * DT), lambda = OMEGA * K1 / K2 * (1 - p);
        double[][] s = m.merged();
        int checked = 0;
        for (int n = 0; n <= 400; n++) {
            double count = s[n][0];
            if (count < 2000) continue;
            double e1 = lambda - n * (1 - p), e2 = n * p * (1 - p) + lambda + e1 * e1;
            double mean1 = s[n][1] / count, mean2 = s[n][2] / count;
            double se1 = Math.sqrt((mean2 - mean1 * mean1) / count), se2 = Math.sqrt((s[n][4] / count - mean2 * mean2) / count);
            // in x units: M1 = E[D]/(ΩΔt), M2 = E[D²]/(Ω²Δt); the Ω and Δt factors scale estimate and SE alike
            assertEquals(e1 / (OMEGA * DT), mean1 / (OMEGA * DT), 4 * se1 / (OMEGA * DT), "M1 at n = " + n);
            assertEquals(e2 / (OMEGA * OMEGA * DT), mean2 / (OMEGA * OMEGA * DT), 4 * se2 / (OMEGA * OMEGA * DT), "M2 at n = " + n);
            checked++;
        }
        assertTrue(checked >= 15, "enough populated states: " + checked);
        // the drift's slope: M1 falls by (1 − p)/Δt ≈ k2 per unit n, the finite-Δt bias the KM pane must show
        assertNotEquals(K2, (1 - p) / DT, 1e-3);
    }

    @Test
    void theHookChangesNoNumberAndMergesToTheSameSumsOnAnyThreadCount() {
        SolverResult plain = run(1, null);
        IncrementMoments one = new IncrementMoments(0.07, 400), two = new IncrementMoments(0.07, 400);
        SolverResult watched1 = run(1, one), watched2 = run(2, two);
        for (int k = 0; k < plain.snapshots().size(); k++) {
            assertArrayEquals(plain.at(k).mean(), watched1.at(k).mean(), 0.0, "observing does not change the run");
            assertArrayEquals(plain.at(k).marginal(0).p(), watched2.at(k).marginal(0).p(), 0.0);
        }
        assertEquals(plain.info().get("events"), watched2.info().get("events"));
        double[][] a = one.merged(), b = two.merged();
        for (int n = 0; n <= 400; n++) assertArrayEquals(a[n], b[n], 0.0, "per-chunk sums merged in chunk order, n = " + n);
        assertTrue(one.inOrder() && two.inOrder());
        assertEquals((long) N * ((long) Math.floor(T_END / 0.07) + 1), two.calls(), "Δt need not divide the output spacing");
    }

    @Test
    void theObservedPathIsTheSnapshotsPath() {
        // Δt = 1/8 divides the output spacing 1/2: at every output time the observer's last state is the snapshot's
        double[][] seen = new double[N][41];
        FineStepObserver recorder = new FineStepObserver() {
            @Override public double step() { return 0.125; }
            @Override public void observe(int trajectory, long fineIndex, double[] x) { seen[trajectory][(int) fineIndex] = x[0]; }
        };
        SolverResult r = new DirectMethodSsa().solve(new Problem(birthDeath(), Problem.uniformTimes(T_END, 11), N, 9,
                SsaFixtures.options(2, N).withFineStepObserver(recorder)), SnapshotListener.NONE, CancellationToken.none());
        for (int i = 0; i < N; i++) {
            for (int k = 0; k <= 10; k++) assertEquals(r.at(k).sample(i, 0), seen[i][4 * k], 0.0, "trajectory " + i + ", output " + k);
        }
    }
}
