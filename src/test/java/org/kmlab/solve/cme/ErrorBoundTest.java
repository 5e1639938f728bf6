package org.kmlab.solve.cme;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each snapshot's {@code error} against the true L1 distance to exact laws, over the range a user
 * can reach: birth–death at Ω = 1 … 10⁴ from 0 and from above its mean, short and long times
 * (t = 0.01 to the stationary law at t = 10⁴), and in 2-D the exact multinomial law of A → B → ∅
 * and the product of two independent birth–death laws.
 */
class ErrorBoundTest {
    private static SolverResult solve(FiniteStateProjection fsp, Model m, double[] times) {
        return fsp.solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
    }

    private static SolverResult solve(Model m, double[] times) {
        return solve(new FiniteStateProjection(), m, times);
    }

    /**
     * The exact law Binomial(n0, e^{−k2 t}) ⊛ Poisson(Ω k1/k2 (1 − e^{−k2 t})) on counts
     * [lo, lo + len): both factors tabulated once (where they exceed 10⁻³⁰⁰), then convolved.
     */
    private static double[] birthDeath(long lo, int len, long n0, double k1, double k2, double omega, double t) {
        double survive = Math.exp(-k2 * t), mu = omega * k1 / k2 * (1 - survive);
        double[] binomial;
        int jlo = 0;
        if (n0 == 0 || survive == 0) {
            binomial = new double[] {1};
        } else {
            BinomialDistribution b = new BinomialDistribution(null, (int) n0, survive);
            double mean = n0 * survive, sd = Math.sqrt(n0 * survive * (1 - survive));
            jlo = (int) Math.max(0, Math.floor(mean - 40 * sd - 5));
            int jhi = (int) Math.min(n0, Math.ceil(mean + 40 * sd + 5));
            binomial = new double[jhi - jlo + 1];
            for (int j = jlo; j <= jhi; j++) binomial[j - jlo] = b.probability(j);
        }
        double[] out = new double[len];
        long plo = Math.max(0, lo - jlo - binomial.length), phi = lo + len;   // Poisson counts needed
        double[] poisson = new double[(int) (phi - plo + 1)];
        for (int i = 0; i < poisson.length; i++) poisson[i] = LatticeLaw.poisson(plo + i, mu);
        for (int i = 0; i < len; i++) {
            long n = lo + i;
            double sum = 0;
            for (int j = 0; j < binomial.length; j++) {
                long m = n - jlo - j;
                if (m < plo) break;
                if (m <= phi) sum += binomial[j] * poisson[(int) (m - plo)];
            }
            out[i] = sum;
        }
        return out;
    }

    /** L1 of a 1-D snapshot to the exact birth–death law (plus the exact mass off its lattice). */
    private static double birthDeathL1(Snapshot s, long n0, double k1, double k2, double omega) {
        long lo = Math.round(s.marginal(0).x0() * omega);
        int len = s.marginal(0).size();
        double[] exact = birthDeath(lo, len, n0, k1, k2, omega, s.time());
        return LatticeLaw.l1(s, omega, n -> exact[(int) (n - lo)]);
    }

    /** Asserts at every output: true L1 ≤ the snapshot's error estimate, and both small. */
    private static void assertBounded(SolverResult r, String what, java.util.function.ToDoubleFunction<Snapshot> trueL1) {
        for (Snapshot s : r.snapshots()) {
            double l1 = trueL1.applyAsDouble(s), est = s.error();
            assertTrue(l1 <= est + 1e-14, what + " t = " + s.time() + ": true L1 " + l1 + " > estimate " + est);
            assertTrue(est < 1e-8, what + " t = " + s.time() + ": estimate " + est);
        }
        assertEquals(1, r.last().mass() + (Double) r.info().get("truncationError"), 1e-12, what + ": mass + sink");
    }

    @Test
    void birthDeathFromZeroAtEveryScale() {
        double[] times = {0, 0.01, 0.1, 0.5, 1, 2, 8};
        for (double omega : new double[] {1, 10, 100, 1000, 10_000}) {
            Model m = FiniteStateProjectionTest.preset("birth-death").with("Omega", omega);
            SolverResult r = solve(m, times);
            assertBounded(r, "Ω = " + omega, s -> birthDeathL1(s, 0, 10, 1, omega));
        }
    }

    @Test
    void birthDeathFromAboveWithOtherRates() {
        double[] times = {0, 0.01, 0.3, 1.5, 6};
        for (double omega : new double[] {1, 100, 10_000}) {
            long n0 = (long) (35 * omega);
            Model m = FiniteStateProjectionTest.preset("birth-death").with("Omega", omega).with("X0", n0).with("k1", 4).with("k2", 0.7);
            SolverResult r = solve(m, times);
            assertBounded(r, "Ω = " + omega, s -> birthDeathL1(s, n0, 4, 0.7, omega));
        }
    }

    @Test
    void aLongRunReachesThePoissonLawAndSaysHowCloseItIs() {
        for (double omega : new double[] {1, 1000}) {
            Model m = FiniteStateProjectionTest.preset("birth-death").with("Omega", omega);
            double[] times = Problem.uniformTimes(1e4, 11);
            SolverResult r = solve(m, times);
            assertBounded(r, "Ω = " + omega, s -> birthDeathL1(s, 0, 10, 1, omega));
            assertEquals(10, r.last().mean(0), 1e-8, "the stationary mean k1/k2");
            assertEquals(10 / omega, r.last().covariance(0, 0), 1e-8 / omega, "Poisson: variance = mean, in x units");
            assertTrue(((Number) r.info().get("steps")).longValue() < 2000, "long steps once stationary: " + r.info().get("steps"));
        }
    }

    /** A → B → ∅ from (A0, 0): each molecule independently A, B or gone, so P is multinomial. */
    @Test
    void aToBToNothingIsMultinomialWithinTheEstimate() {
        double k1 = 0.8, k2 = 0.3;
        int a0 = 60;
        Model m = FiniteStateProjectionTest.preset("a-b-decay").with("A0", a0).with("k1", k1).with("k2", k2);
        double[] times = {0, 0.01, 0.5, 2, 8};
        for (FiniteStateProjection.Method method : FiniteStateProjection.Method.values()) {
            FiniteStateProjection fsp = new FiniteStateProjection(new FiniteStateProjection.Settings(FiniteStateProjection.TOLERANCE,
                    FiniteStateProjection.LOSS_BUDGET, FiniteStateProjection.MAX_STATES, method), FiniteStateProjection.MIN_STATES_PER_THREAD);
            SolverResult r = solve(fsp, m, times);
            assertBounded(r, method.toString(), s -> {
                double t = s.time(), pa = Math.exp(-k1 * t), pb = k1 / (k2 - k1) * (Math.exp(-k1 * t) - Math.exp(-k2 * t)), p0 = 1 - pa - pb;
                return LatticeLaw.l1(s, 1, (a, b) -> multinomial(a0, a, b, pa, pb, p0));
            });
        }
    }

    private static double multinomial(int n, long a, long b, double pa, double pb, double p0) {
        if (a < 0 || b < 0 || a + b > n) return 0;
        double log = org.apache.commons.math3.special.Gamma.logGamma(n + 1.0) - org.apache.commons.math3.special.Gamma.logGamma(a + 1.0)
                - org.apache.commons.math3.special.Gamma.logGamma(b + 1.0) - org.apache.commons.math3.special.Gamma.logGamma(n - a - b + 1.0);
        double terms = (a > 0 ? a * Math.log(pa) : 0) + (b > 0 ? b * Math.log(pb) : 0) + (n - a - b > 0 ? (n - a - b) * Math.log(p0) : 0);
        return Math.exp(log + terms);
    }

    /** Two independent birth–death species written as one model: P is the product of two Poisson laws. */
    @Test
    void twoIndependentBirthDeathsAreAProductOfPoissonLaws() {
        for (double omega : new double[] {1, 20}) {
            Model m = new Model("two", "", List.of(new Species("X", 0, false), new Species("Y", 0, false)),
                    List.of(new Parameter("k1", 10, 0, 100, ""), new Parameter("k2", 1, 0, 10, ""), new Parameter("k3", 3, 0, 100, ""), new Parameter("k4", 0.5, 0, 10, "")),
                    new SystemSize(omega, 1, 1e4),
                    List.of(new Reaction("x in", "0 -> X", "k1", null), new Reaction("x out", "X -> 0", "k2", null),
                            new Reaction("y in", "0 -> Y", "k3", null), new Reaction("y out", "Y -> 0", "k4", null)));
            double[] times = {0, 0.01, 0.4, 2, 10};
            SolverResult r = solve(m, times);
            assertBounded(r, "Ω = " + omega, s -> {
                double t = s.time(), mx = omega * 10 * (1 - Math.exp(-t)), my = omega * 6 * (1 - Math.exp(-0.5 * t));
                return LatticeLaw.l1(s, omega, (x, y) -> LatticeLaw.poisson(x, mx) * LatticeLaw.poisson(y, my));
            });
        }
    }
}
