package org.kmlab.solve.fp;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.solve.Density1D;

import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;

/** Presets and exact reference densities shared by the Fokker–Planck tests. */
final class FpTestModels {
    private FpTestModels() {}

    static Model preset(String id) {
        return PresetIO.read(Path.of("presets", id + ".json")).model();
    }

    /** L1 distance Σ|p_i − p̄_i|·dx between a density and the cell averages of N(mean, var). */
    static double l1ToGaussian(Density1D d, double mean, double var) {
        double sd = Math.sqrt(2 * var), sum = 0, dx = d.dx();
        for (int i = 0; i < d.size(); i++) {
            double a = d.x(i) - 0.5 * dx, b = d.x(i) + 0.5 * dx;
            double cellMass = 0.5 * Erf.erf((a - mean) / sd, (b - mean) / sd);
            sum += Math.abs(d.density(i) * dx - cellMass);
        }
        // probability of the Gaussian outside the grid counts as error too
        double lo = d.x(0) - 0.5 * dx, hi = d.x(d.size() - 1) + 0.5 * dx;
        sum += 0.5 * Erf.erfc((hi - mean) / sd) + 0.5 * Erf.erfc((mean - lo) / sd);
        return sum;
    }

    /** Σ_n |P_FP(n) − Poisson(n; λ)| with P_FP(n) the FP probability on the lattice cell [n − ½, n + ½]/Ω. */
    static double l1ToPoisson(Density1D d, double omega, double lambda) {
        double h = 1 / omega, dx = d.dx();
        double lo = d.x(0) - 0.5 * dx, hi = d.x(d.size() - 1) + 0.5 * dx;
        long nMax = (long) Math.ceil(hi * omega + 0.5);
        double sum = 0, poissonSeen = 0;
        int i = 0;
        for (long n = 0; n <= nMax; n++) {
            double a = Math.max(lo, (n - 0.5) * h), b = (n + 0.5) * h, fp = 0;
            while (i < d.size() && lo + (i + 1) * dx <= a) i++;
            for (int j = i; j < d.size() && lo + j * dx < b; j++) {
                double overlap = Math.min(b, lo + (j + 1) * dx) - Math.max(a, lo + j * dx);
                if (overlap > 0) fp += overlap * d.density(j);
            }
            double pois = Math.exp(n * Math.log(lambda) - lambda - Gamma.logGamma(n + 1.0));
            poissonSeen += pois;
            sum += Math.abs(fp - pois);
        }
        return sum + Math.max(0, 1 - poissonSeen);
    }

    /** The lattice law P(n) = Poisson(n; λ) as a density in x = n/Ω (cell [n − ½, n + ½]/Ω), n up to λ + 20√λ + 50. */
    static Density1D poisson(double lambda, double omega) {
        int top = (int) Math.ceil(lambda + 20 * Math.sqrt(lambda) + 50);
        double[] p = new double[top + 1];
        for (int n = 0; n <= top; n++) {
            p[n] = (lambda == 0 ? (n == 0 ? 1 : 0) : Math.exp(n * Math.log(lambda) - lambda - Gamma.logGamma(n + 1.0))) * omega;
        }
        return new Density1D(0, 1 / omega, p);
    }

    /**
     * L1 distance between the cell masses of {@code d} and those of the exact law with CDF
     * {@code cdf} on the same cells, plus the exact probability outside the grid: the error of a
     * finite-volume solution whose unknowns are cell averages.
     */
    static double l1ToCdf(Density1D d, DoubleUnaryOperator cdf) {
        double dx = d.dx(), lo = d.x(0) - 0.5 * dx, before = cdf.applyAsDouble(lo), below = before, sum = 0;
        for (int i = 0; i < d.size(); i++) {
            double after = cdf.applyAsDouble(lo + (i + 1) * dx);
            sum += Math.abs(d.density(i) * dx - (after - before));
            before = after;
        }
        return sum + below + (1 - before);
    }

    /**
     * The exact stationary law of the birth–death Fokker–Planck equation (A = k1 − k2·x,
     * B = (k1 + k2·x)/Ω) with its zero-flux wall at x = 0, as a CDF: y = k1 + k2·x is then a
     * Cox–Ingersoll–Ross process whose zero-flux stationary density is Gamma(4k1Ω/k2, k2/(2Ω)),
     * here restricted to x ≥ 0 and renormalised.
     */
    static DoubleUnaryOperator birthDeathStationaryCdf(double k1, double k2, double omega) {
        double shape = 4 * k1 * omega / k2, scale = k2 / (2 * omega);
        double atWall = Gamma.regularizedGammaP(shape, k1 / scale);
        return x -> x <= 0 ? 0 : (Gamma.regularizedGammaP(shape, (k1 + k2 * x) / scale) - atWall) / (1 - atWall);
    }

    /**
     * The exact transition law of the birth–death Fokker–Planck equation from x0 at time t, as a
     * CDF, away from the wall x = 0 (k1 > 0) or with x = 0 absorbing (k1 = 0, pure decay: then the
     * law has an atom at 0, counted for any x &gt; 0). y = k1 + k2·x is a Cox–Ingersoll–Ross process
     * (κ = k2, θ = 2k1, σ² = k2²/Ω) whose transition law is non-central χ²: a Poisson(μ) mixture
     * of Gamma(a + j, 1/c) laws with c = 2κ/(σ²(1 − e^{−κt})), μ = c·y0·e^{−κt} and
     * a = 2κθ/σ² (Feller 1951; a = 0 gives the atom).
     */
    static DoubleUnaryOperator birthDeathTransitionCdf(double k1, double k2, double omega, double x0, double t) {
        double sigma2 = k2 * k2 / omega, c = 2 * k2 / (sigma2 * (1 - Math.exp(-k2 * t)));
        PoissonGamma law = new PoissonGamma(4 * k2 * k1 / sigma2, c * (k1 + k2 * x0) * Math.exp(-k2 * t));
        return x -> x <= 0 ? 0 : law.cdf(c * (k1 + k2 * x));
    }

    /** A Poisson(μ) mixture of Gamma(a + j, 1) laws (a = 0: the j = 0 term is an atom at 0), its CDF by adding Q(s + 1, z) = Q(s, z) + zˢe^{−z}/Γ(s + 1). */
    private static final class PoissonGamma {
        private final double a;
        private final int lo, hi;
        private final double[] weight, logGamma;

        PoissonGamma(double a, double mu) {
            this.a = a;
            lo = (int) Math.max(0, Math.floor(mu - 12 * Math.sqrt(mu) - 10));
            hi = (int) Math.ceil(mu + 12 * Math.sqrt(mu) + 10);
            weight = new double[hi - lo + 1];
            logGamma = new double[hi - lo + 1];
            for (int j = lo; j <= hi; j++) {
                weight[j - lo] = mu == 0 ? (j == 0 ? 1 : 0) : Math.exp(j * Math.log(mu) - mu - Gamma.logGamma(j + 1.0));
                logGamma[j - lo] = Gamma.logGamma(a + j + 1);
            }
        }

        double cdf(double z) {
            double q = a + lo == 0 ? 0 : Gamma.regularizedGammaQ(a + lo, z), missed = 0;
            for (int j = lo; j <= hi; j++) {
                missed += weight[j - lo] * q;
                double s = a + j;
                q += s == 0 ? Math.exp(-z) : Math.exp(s * Math.log(z) - z - logGamma[j - lo]);
            }
            return Math.max(0, 1 - missed);
        }
    }

    /**
     * The CDF of the solution started from the one-lattice-cell bump, uniform on
     * [x0 − h/2, x0 + h/2], rather than from x0: the transition CDF averaged over the bump
     * (3-point Gauss–Legendre, exact for laws that depend on x0 like a polynomial of degree 5).
     */
    static DoubleUnaryOperator fromBump(double x0, double h, java.util.function.DoubleFunction<DoubleUnaryOperator> transition) {
        double r = Math.sqrt(0.6);
        DoubleUnaryOperator left = transition.apply(x0 - 0.5 * h * r), middle = transition.apply(x0), right = transition.apply(x0 + 0.5 * h * r);
        return x -> (5 * left.applyAsDouble(x) + 8 * middle.applyAsDouble(x) + 5 * right.applyAsDouble(x)) / 18;
    }

    /** CDF of N(mean, variance). */
    static DoubleUnaryOperator gaussianCdf(double mean, double variance) {
        double sd = Math.sqrt(2 * variance);
        return x -> 0.5 * Erf.erfc((mean - x) / sd);
    }
}
