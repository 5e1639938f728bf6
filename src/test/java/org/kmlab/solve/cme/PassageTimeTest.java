package org.kmlab.solve.cme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmlab.model.AbsorbingSet;
import org.kmlab.model.Model;
import org.kmlab.model.OneStepPassage;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The master equation with an absorbing set: the mean first-passage time from the generator
 * (GTH elimination) against Gardiner's closed sum, and the survival of the time run against an
 * independent dense uniformization of the transient block.
 */
class PassageTimeTest {
    private static SolverResult solve(Model m, double[] times) {
        return new FiniteStateProjection().solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), (k, s) -> { }, CancellationToken.none());
    }

    private static Model logistic(double omega) {
        return TestPresets.model("logistic").with("Omega", omega).with("X0", omega);   // start at the carrying capacity K = 1
    }

    private static Model birthDeathUpTo(long k) {
        return TestPresets.model("birth-death").withAbsorbing(AbsorbingSet.parse(List.of("X >= " + k), "absorbing"));
    }

    /** Ω = 2 (the slider's low end), 20 and 60, where extinction takes ~10⁴·⁵ and ~10¹⁴ time units. */
    @ParameterizedTest
    @ValueSource(doubles = {2, 20, 60})
    void logisticExtinctionTimeEqualsTheOneStepSum(double omega) {
        Model m = logistic(omega);
        double exact = OneStepPassage.meanTime(m);
        assertEquals(exact, PassageTime.meanTime(m), 1e-6 * exact);
        FirstPassage f = FirstPassage.of(solve(m, new double[] {0, 1})).orElseThrow();
        assertEquals(exact, f.meanTime(), 1e-6 * exact);
        assertEquals(0, f.meanTimeSE());
    }

    @Test void birthDeathUpToAThresholdEqualsTheOneStepSum() {
        Model m = birthDeathUpTo(15);
        double exact = OneStepPassage.meanTime(m);
        assertEquals(exact, PassageTime.meanTime(m), 1e-6 * exact);
        assertTrue(exact > 1 && exact < 100, "a passage worth testing: " + exact);
    }

    /** Jumps of 2 (not one-step): the elimination's band widens; checked against the SSA-free identity T = Σ_n G(n) of a dense solve. */
    @Test void widerJumpsAgainstADenseSolve() {
        Model m = org.kmlab.model.ModelText.parse("k = 3; m = 1; X = 0\n0 -> 2 X @ k\nX -> 0 @ m\nabsorbing: X >= 9\n", "t").model();
        int n = 9;   // transient states 0..8
        double[][] a = new double[n][n + 1];
        double omega = m.size();
        for (int i = 0; i < n; i++) {
            double up = 3 * omega, down = 1.0 * i;
            a[i][i] = -(up + down);
            if (i + 2 < n) a[i][i + 2] += up;
            if (i > 0) a[i][i - 1] += down;
            a[i][n] = -1;
        }
        double[] t = gauss(a);
        assertEquals(t[0], PassageTime.meanTime(m), 1e-12 * t[0]);
    }

    /** S(t) = 1ᵀ exp(Q_TT t) e₀ on the transient states 0..K−1 by uniformization (Poisson weights summed to 1e-16). */
    @Test void survivalOfTheTimeRunAgainstUniformization() {
        int k = 12;
        Model m = birthDeathUpTo(k);
        double lambda = 10 * m.size(), mu = 1;
        double[] times = {0, 1, 2, 5, 10, 20};
        FirstPassage f = FirstPassage.of(solve(m, times)).orElseThrow();
        double rate = lambda + mu * (k - 1);
        for (int j = 0; j < times.length; j++) {
            double[] p = new double[k];
            p[0] = 1;
            double weight = Math.exp(-rate * times[j]), survival = 0, total = 0;
            for (int step = 0; total < 1 - 1e-16 && step < 10_000; step++) {
                double alive = 0;
                for (double v : p) alive += v;
                survival += weight * alive;
                total += weight;
                double[] next = new double[k];
                for (int i = 0; i < k; i++) {
                    double up = lambda, down = mu * i;
                    next[i] += p[i] * (1 - (up + down) / rate);
                    if (i + 1 < k) next[i + 1] += p[i] * up / rate;   // into K: absorbed, gone from the transient block
                    if (i > 0) next[i - 1] += p[i] * down / rate;
                }
                p = next;
                weight *= rate * times[j] / (step + 1);
            }
            assertEquals(survival, f.survival()[j], 1e-8, "S(" + times[j] + ")");
        }
        assertTrue(f.survival()[1] > 0.5 && f.survival()[5] < 0.5, "the survival falls through the range tested: " + java.util.Arrays.toString(f.survival()));
    }

    @Test void twoSpeciesGiveSurvivalButNoMeanTime() {
        Model m = TestPresets.model("predator-prey").withAbsorbing(AbsorbingSet.parse(List.of("Y <= 0"), "absorbing"));
        assertEquals("the mean first-passage time from the generator is computed for one species (the 2-D elimination fills the band); read the survival curve",
                PassageTime.unsupportedReason(m));
    }

    /** Gaussian elimination with partial pivoting of an augmented n × (n + 1) system. */
    private static double[] gauss(double[][] a) {
        int n = a.length;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] swap = a[c]; a[c] = a[p]; a[p] = swap;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int q = c; q <= n; q++) a[r][q] -= f * a[c][q];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int q = r + 1; q < n; q++) s -= a[r][q] * x[q];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
