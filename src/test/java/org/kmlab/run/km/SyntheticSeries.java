package org.kmlab.run.km;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Time series with known coefficients, sampled exactly (no discretisation error), written as CSV by the tests. */
final class SyntheticSeries {
    private SyntheticSeries() {}

    /**
     * The Ornstein–Uhlenbeck process dx = −θx dt + √D dW, sampled at {@code times} by its exact
     * transition: x' = x·e^{−θτ} + √(D(1 − e^{−2θτ})/(2θ))·ξ, from the stationary law.
     */
    static double[] ornsteinUhlenbeck(double[] times, double theta, double d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[times.length];
        x[0] = Math.sqrt(d / (2 * theta)) * r.nextGaussian();
        for (int i = 1; i < x.length; i++) {
            double a = Math.exp(-theta * (times[i] - times[i - 1]));
            x[i] = x[i - 1] * a + Math.sqrt(d * (1 - a * a) / (2 * theta)) * r.nextGaussian();
        }
        return x;
    }

    /** Shot noise: x decays at rate θ and jumps up by 1 at the times of a Poisson process of rate {@code rate}: not a diffusion. */
    static double[] shotNoise(double[] times, double theta, double rate, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[times.length];
        x[0] = rate / theta;
        double next = times[0] + exponential(r, rate);
        for (int i = 1; i < x.length; i++) {
            double t0 = times[i - 1], t1 = times[i], v = x[i - 1] * Math.exp(-theta * (t1 - t0));
            while (next <= t1) {
                v += Math.exp(-theta * (t1 - next));
                next += exponential(r, rate);
            }
            x[i] = v;
        }
        return x;
    }

    private static double exponential(SplittableRandom r, double rate) { return -Math.log(1 - r.nextDouble()) / rate; }

    static double[] regularTimes(int n, double step) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i * step;
        return t;
    }

    /** Times with independent exponential gaps of the given mean. */
    static double[] irregularTimes(int n, double meanStep, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n];
        for (int i = 1; i < n; i++) t[i] = t[i - 1] + exponential(r, 1 / meanStep);
        return t;
    }

    static Path write(Path file, double[] t, double[] x) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t,x\n");
            StringBuilder line = new StringBuilder(48);
            for (int i = 0; i < t.length; i++) {
                line.setLength(0);
                line.append(t[i]).append(',').append(x[i]).append('\n');
                w.append(line);
            }
        }
        return file;
    }
}
