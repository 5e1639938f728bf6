package org.kmlab.solve.ensemble;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ziggurat exponential (and, below, the normal) against the exact Exp(1) law, with 4·10⁶ draws: Kolmogorov–Smirnov
 * (0.1% critical value 1.95/√n), a chi-square over 2,000 equiprobable cells (fine enough to see a
 * wrong layer edge), the mean, and the tail beyond the base layer (x > R, sampled separately).
 * Each check's false-failure rate is at most 10⁻³; the seed is fixed.
 */
class RandomStreamTest {
    private static final int N = 4_000_000;

    @Test
    void zigguratTableIsConsistent() {
        // The recursion from R with area V must land on a top layer of area V.
        assertEquals(RandomStream.V, RandomStream.TOP_LAYER_AREA, 1e-12 * RandomStream.V);
    }

    @Test
    void exponentialsFollowTheExactLaw() {
        RandomStream random = new RandomStream();
        random.load(SplitMix.streamState(2718, 0));
        double[] x = new double[N];
        double sum = 0;
        long tail = 0;
        for (int i = 0; i < N; i++) {
            x[i] = random.nextExponential();
            assertTrue(x[i] >= 0);
            sum += x[i];
            if (x[i] > RandomStream.R) tail++;
        }
        assertEquals(1.0, sum / N, 4 / Math.sqrt(N), "mean");
        double pTail = Math.exp(-RandomStream.R);
        assertEquals(N * pTail, tail, 4 * Math.sqrt(N * pTail), "draws beyond the base layer");

        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < N; i++) {
            double cdf = -Math.expm1(-x[i]);
            d = Math.max(d, Math.max(cdf - (double) i / N, (i + 1.0) / N - cdf));
        }
        assertTrue(d * Math.sqrt(N) < 1.95, "Kolmogorov–Smirnov √n·D = " + d * Math.sqrt(N));

        int cells = 2000;
        long[] counts = new long[cells];
        for (double v : x) counts[Math.min(cells - 1, (int) (-Math.expm1(-v) * cells))]++;
        double chi2 = 0, expected = (double) N / cells;
        for (long c : counts) chi2 += (c - expected) * (c - expected) / expected;
        double critical = new ChiSquaredDistribution(cells - 1).inverseCumulativeProbability(0.999);
        assertTrue(chi2 < critical, "chi² = " + chi2 + ", critical " + critical);
    }

    @Test
    void normalZigguratTableIsConsistent() {
        assertEquals(RandomStream.NORMAL_V, RandomStream.NORMAL_TOP_LAYER_AREA, 1e-9 * RandomStream.NORMAL_V);
    }

    /**
     * The CLE's normals against N(0, 1), 4·10⁶ draws: Kolmogorov–Smirnov (0.1% critical value
     * 1.95/√n), mean and variance within 4 standard errors, symmetry, and the tail beyond the base
     * layer |z| > R (sampled by Marsaglia's method) at its exact rate 2(1 − Φ(R)).
     */
    @Test
    void normalsFollowTheExactLaw() {
        RandomStream random = new RandomStream();
        random.load(SplitMix.streamState(31415, 0));
        double[] z = new double[N];
        double sum = 0, squares = 0;
        long tail = 0, negative = 0;
        for (int i = 0; i < N; i++) {
            z[i] = random.nextGaussian();
            sum += z[i];
            squares += z[i] * z[i];
            if (Math.abs(z[i]) > RandomStream.NORMAL_R) tail++;
            if (z[i] < 0) negative++;
        }
        assertEquals(0.0, sum / N, 4 / Math.sqrt(N), "mean");
        assertEquals(1.0, squares / N, 4 * Math.sqrt(2.0 / N), "variance");
        assertEquals(N / 2.0, negative, 4 * Math.sqrt(N / 4.0), "symmetry");
        NormalDistribution phi = new NormalDistribution(null, 0, 1);
        double pTail = 2 * phi.cumulativeProbability(-RandomStream.NORMAL_R);
        assertEquals(N * pTail, tail, 4 * Math.sqrt(N * pTail), "draws beyond the base layer");
        Arrays.sort(z);
        double d = 0;
        for (int i = 0; i < N; i++) {
            double cdf = phi.cumulativeProbability(z[i]);
            d = Math.max(d, Math.max(cdf - (double) i / N, (i + 1.0) / N - cdf));
        }
        assertTrue(d * Math.sqrt(N) < 1.95, "Kolmogorov–Smirnov √n·D = " + d * Math.sqrt(N));
    }

    @Test
    void unitsAreUniformAndTheStreamIsSplitMix() {
        RandomStream random = new RandomStream();
        random.load(12345);
        java.util.SplittableRandom reference = new java.util.SplittableRandom(12345);
        for (int i = 0; i < 100; i++) assertEquals(reference.nextDouble(), random.nextUnit());
    }
}
