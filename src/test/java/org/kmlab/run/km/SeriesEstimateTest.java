package org.kmlab.run.km;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Estimation from a user's series, on series the test writes as CSV with known coefficients: the
 * Ornstein–Uhlenbeck process dx = −θx dt + √D dW (θ = 2, D = 1) sampled exactly every δ = 0.01,
 * 2·10⁵ points. At δ its conditional moments are exactly E[Δ|x] = x(e^{−θδ} − 1) and
 * E[Δ²|x] = x²(e^{−θδ} − 1)² + D(1 − e^{−2θδ})/(2θ); the kernel estimate is checked against them
 * within 4 standard errors at every tenth point inside two standard deviations of the stationary
 * law (the smoothing bias there, h²μ₂(K)·m′f′/f ≈ 0.01, is a tenth of an error), and the Δt → 0
 * correction against −θx and D. About 40 checks at 4 SE: a false failure about once in 400 runs.
 */
class SeriesEstimateTest {
    static final double THETA = 2, D = 1, STEP = 0.01;
    static final int N = 200_000;
    @TempDir static Path dir;
    static TimeSeries ou;

    @BeforeAll static void write() throws IOException {
        double[] t = SyntheticSeries.regularTimes(N, STEP);
        ou = SeriesCsv.read(SyntheticSeries.write(dir.resolve("ou.csv"), t, SyntheticSeries.ornsteinUhlenbeck(t, THETA, D, 42)));
    }

    @Test void theKernelEstimatorRecoversKnownCoefficients() {
        KmSettings settings = KmSettings.defaults().withKernel(Kernel.EPANECHNIKOV);
        KmEstimate e = KmAnalysis.estimate(SeriesIncrements.of(ou, 0, Double.NaN), settings);
        assertEquals(STEP, e.dt(), 1e-12, "Δt defaults to the sampling step");
        double a = Math.exp(-THETA * STEP), sd = Math.sqrt(D / (2 * THETA));
        double h = e.bandwidth();
        assertEquals(0.9 * sd * Math.pow(N - 1, -0.2) * 2.2138, h, 0.1 * h, "Silverman's bandwidth, scaled for Epanechnikov");
        MomentEstimates m = e.lags().get(0), z = e.zero();
        int checked = 0;
        for (int i = 0; i < m.size(); i += 10) {
            double x = m.x(i);
            if (Math.abs(x) > 2 * sd || !m.has(2, i)) continue;
            assertEquals(x * (a - 1) / STEP, m.moment(1, i), 4 * m.se(1, i), "M1 at x = " + x);
            assertEquals((x * x * (a - 1) * (a - 1) + D * (1 - a * a) / (2 * THETA)) / STEP, m.moment(2, i), 4 * m.se(2, i), "M2 at x = " + x);
            assertEquals(-THETA * x, z.moment(1, i), 4 * z.se(1, i), "A(x) = −θx at Δt → 0, x = " + x);
            assertEquals(D, z.moment(2, i), 4 * z.se(2, i), "B(x) = D at Δt → 0, x = " + x);
            checked++;
        }
        assertTrue(checked >= 6, "points checked: " + checked);
    }

    @Test void aGaussianKernelWithAGivenBandwidthAndBinsAgree() {
        IncrementTable t = SeriesIncrements.of(ou, 0, Double.NaN);
        KmEstimate kernel = KmAnalysis.estimate(t, KmSettings.defaults().withKernel(Kernel.GAUSSIAN).withBandwidth(0.05));
        assertEquals(0.05, kernel.bandwidth());
        assertTrue(kernel.estimator().startsWith("Gaussian kernel, h = 0.05"), kernel.estimator());
        double[] slope = KmAnalysis.driftSlope(kernel.lags().get(0));
        double a = Math.exp(-THETA * STEP);
        // the binned slope (independent bins) against the exact finite-δ slope
        double[] binned = kernel.driftSlope()[0];
        assertEquals((a - 1) / STEP, binned[1], 4 * binned[2]);
        assertEquals(binned[1], slope[1], 0.05 * THETA, "kernel and bins see the same line");
    }

    @Test void irregularSamplingIsDividedByTheTimeActuallySpanned() throws IOException {
        double[] t = SyntheticSeries.irregularTimes(N, STEP, 7);
        TimeSeries s = SeriesCsv.read(SyntheticSeries.write(dir.resolve("irregular.csv"), t, SyntheticSeries.ornsteinUhlenbeck(t, THETA, D, 8)));
        assertFalse(s.isRegular());
        KmEstimate e = KmAnalysis.estimate(SeriesIncrements.of(s, 0, 2 * STEP), KmSettings.defaults().withCorrection(true));
        assertTrue(e.source().contains("irregular"), e.source());
        MomentEstimates z = e.shown();
        int checked = 0;
        for (int i = 0; i < z.size(); i++) {
            if (z.samples(i) < 2000) continue;
            assertEquals(-THETA * z.x(i), z.moment(1, i), 4 * z.se(1, i), "A at x = " + z.x(i));
            assertEquals(D, z.moment(2, i), 4 * z.se(2, i), "B at x = " + z.x(i));
            checked++;
        }
        assertTrue(checked >= 10, "bins checked: " + checked);
    }

    @Test void pawulaAndTheFokkerPlanckCheckAcceptTheDiffusion() {
        KmEstimate e = KmAnalysis.checkedAgainstSeries(KmAnalysis.estimate(SeriesIncrements.of(ou, 0, Double.NaN), KmSettings.defaults()), ou.column(0));
        assertEquals(PawulaTest.Verdict.DIFFUSION, e.pawula().verdict(), e.pawula().line());
        assertTrue(e.fp() != null, e.fpProblem());
        assertTrue(e.fp().fits(), e.fp().line());
        assertTrue(e.fp().l1() < 0.1, e.fp().line());
    }

    @Test void aSeriesThatIsNotADiffusionFailsBoth() throws IOException {
        double[] t = SyntheticSeries.regularTimes(N, STEP);
        TimeSeries shot = SeriesCsv.read(SyntheticSeries.write(dir.resolve("shot.csv"), t, SyntheticSeries.shotNoise(t, 1, 0.5, 3)));
        KmEstimate e = KmAnalysis.checkedAgainstSeries(KmAnalysis.estimate(SeriesIncrements.of(shot, 0, Double.NaN), KmSettings.defaults()), shot.column(0));
        assertEquals(PawulaTest.Verdict.JUMPS, e.pawula().verdict(), e.pawula().line());
        assertTrue(e.fp() != null, e.fpProblem());
        assertFalse(e.fp().fits(), e.fp().line());
        assertTrue(e.fp().l1() > 5 * e.fp().noise(), e.fp().line());
    }
}
