package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The seed's "surprising exactness": for 2X → ∅, the rate of change of ⟨X²⟩ given by the
 * Fokker–Planck operator equals the master equation's exactly, for any P, because the KM series
 * acting on a quadratic stops after the second term; for ⟨X³⟩ they differ by the third jump
 * moment. Both rates are computed here from the same P with the model's own propensities and
 * KM coefficients.
 */
class PawulaExactnessTest {
    private final Model model = ModelTest.preset("annihilation").model().with("Omega", 7);

    /** d⟨f⟩/dt under the master equation: Σ_n P(n) Σ_r a_r(n) [f(n + ν_r) − f(n)], f of x = n/Ω. */
    private double masterRate(double[] p, DoubleUnaryOperator f) {
        Propensities a = model.propensities();
        double[] env = a.newEnvironment();
        double omega = model.size(), rate = 0;
        for (int n = 0; n < p.length; n++) {
            env[0] = n;
            for (int r = 0; r < a.size(); r++) {
                rate += p[n] * a.propensity(r, env) * (f.applyAsDouble((n + a.jump(r, 0)) / omega) - f.applyAsDouble(n / omega));
            }
        }
        return rate;
    }

    /** d⟨f⟩/dt under Fokker–Planck (its backward operator): Σ_n P(n) [A f' + ½ B f''] at x = n/Ω. */
    private double fokkerPlanckRate(double[] p, DoubleUnaryOperator df, DoubleUnaryOperator d2f) {
        KramersMoyal km = new KramersMoyal(model);
        double omega = model.size(), rate = 0;
        for (int n = 0; n < p.length; n++) {
            double x = n / omega;
            rate += p[n] * (km.drift(x) * df.applyAsDouble(x) + 0.5 * km.diffusion(x) * d2f.applyAsDouble(x));
        }
        return rate;
    }

    /** An arbitrary, lopsided distribution on 0..39 (nothing special about it). */
    private static double[] someDistribution() {
        double[] p = new double[40];
        double total = 0;
        for (int n = 0; n < p.length; n++) { p[n] = Math.exp(-0.5 * Math.pow((n - 12) / 5.0, 2)) * (1 + 0.3 * Math.sin(n)); total += p[n]; }
        for (int n = 0; n < p.length; n++) p[n] /= total;
        return p;
    }

    @Test
    void secondMomentRateIsExact() {
        double[] p = someDistribution();
        double me = masterRate(p, x -> x * x);
        double fp = fokkerPlanckRate(p, x -> 2 * x, x -> 2);
        assertEquals(me, fp, 1e-12 * Math.abs(me));
    }

    @Test
    void thirdMomentRateDiffersByTheThirdJumpMoment() {
        double[] p = someDistribution();
        double me = masterRate(p, x -> x * x * x);
        double fp = fokkerPlanckRate(p, x -> 3 * x * x, x -> 6 * x);
        KramersMoyal km = new KramersMoyal(model);
        double m3 = 0;
        for (int n = 0; n < p.length; n++) m3 += p[n] * km.moment(3, n / model.size());
        assertTrue(Math.abs(me - fp) > 1e-3 * Math.abs(me), "FP misses the third KM term for ⟨x³⟩");
        assertEquals(m3, me - fp, 1e-12 * Math.abs(me), "…and the difference is exactly ⟨M3⟩");
    }
}
