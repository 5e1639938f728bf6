package org.kmlab.solve.fp;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConservativeTridiagonalTest {
    private static final int N = 40;

    /** The dense I − τG of a chain with the given face rates and a sink from cell 0. */
    private static double[][] dense(double tau, double[] right, double[] left, double sink) {
        double[][] m = new double[N][N];
        for (int i = 0; i < N; i++) m[i][i] = 1;
        m[0][0] += tau * sink;
        for (int f = 0; f < N - 1; f++) {
            m[f][f] += tau * right[f];
            m[f + 1][f] -= tau * right[f];
            m[f + 1][f + 1] += tau * left[f];
            m[f][f + 1] -= tau * left[f];
        }
        return m;
    }

    @Test
    void solvesTheChainLikeADenseLuSolve() {
        SplittableRandom random = new SplittableRandom(3);
        for (double sink : new double[] {0, 0.7}) {
            double[] right = new double[N], left = new double[N], y = new double[N];
            for (int i = 0; i < N; i++) { right[i] = random.nextDouble(0, 5); left[i] = random.nextDouble(0, 5); y[i] = random.nextDouble(-1, 1); }
            double tau = 0.3;
            ConservativeTridiagonal t = new ConservativeTridiagonal(N);
            t.factor(tau, right, left, sink, N);
            double[] x = y.clone();
            t.solve(x);
            double[] reference = new LUDecomposition(new Array2DRowRealMatrix(dense(tau, right, left, sink)))
                    .getSolver().solve(new ArrayRealVector(y)).toArray();
            for (int i = 0; i < N; i++) assertEquals(reference[i], x[i], 1e-12, "cell " + i + ", sink " + sink);
        }
    }

    /**
     * Columns of I − τG sum to one, so Σx = Σy (less what the sink takes, τ·sink·x₀). With pivots
     * formed by subtraction a τ‖G‖ of 10⁸ would lose about ε·τ‖G‖ ≈ 10⁻⁸ of the mass per solve;
     * the column-sum pivots keep it to rounding, and positive in, positive out.
     */
    @Test
    void keepsTheMassAndThePositivityWhenTauTimesTheRatesIsHuge() {
        SplittableRandom random = new SplittableRandom(5);
        double[] right = new double[N], left = new double[N], y = new double[N];
        double sum = 0;
        for (int i = 0; i < N; i++) {
            right[i] = random.nextDouble(0.5, 2) * 1e4;
            left[i] = random.nextDouble(0.5, 2) * 1e4;
            y[i] = random.nextDouble() * Math.exp(-0.5 * i);        // spanning 9 decades
            sum += y[i];
        }
        for (double sink : new double[] {0, 3e3}) {
            ConservativeTridiagonal t = new ConservativeTridiagonal(N);
            double tau = 1e4;
            t.factor(tau, right, left, sink, N);
            double[] x = y.clone();
            t.solve(x);
            double total = tau * sink * x[0];
            for (double v : x) {
                assertTrue(v >= 0, "negative solution " + v);
                total += v;
            }
            assertEquals(sum, total, 1e-14 * sum, "Σx + τ·sink·x₀ = Σy, sink " + sink);
        }
    }
}
