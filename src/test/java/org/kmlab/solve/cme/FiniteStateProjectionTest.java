package org.kmlab.solve.cme;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The master equation against exact distributions and moments. */
class FiniteStateProjectionTest {
    private final FiniteStateProjection fsp = new FiniteStateProjection();

    static Model preset(String id) {
        Preset p = PresetIO.read(Path.of("presets", id + ".json"));
        return p.model();
    }

    private SolverResult solve(Model model, double... times) {
        return fsp.solve(new Problem(model, times, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
    }

    /** P(n) from a 1-D snapshot's marginal (density P·Ω on cells 1/Ω wide, starting at lo/Ω). */
    private static double[] lattice(Density1D d, double omega, long[] lo) {
        lo[0] = Math.round(d.x0() * omega);
        double[] p = d.p();
        for (int i = 0; i < p.length; i++) p[i] /= omega;
        return p;
    }

    /** Birth–death from n0: Binomial(n0, e^{−k2 t}) ⊛ Poisson(Ω k1/k2 (1 − e^{−k2 t})). */
    private static double exactBirthDeath(int n, long n0, double k1, double k2, double omega, double t) {
        double survive = Math.exp(-k2 * t), mu = omega * k1 / k2 * (1 - survive);
        BinomialDistribution binomial = new BinomialDistribution(null, (int) n0, survive);
        double s = 0;
        for (int j = 0; j <= Math.min(n, n0); j++) s += binomial.probability(j) * poisson(n - j, mu);
        return s;
    }

    private static double poisson(int n, double mu) {
        if (mu == 0) return n == 0 ? 1 : 0;
        return Math.exp(-mu + n * Math.log(mu) - Gamma.logGamma(n + 1.0));
    }

    private static void assertBirthDeathExact(Model m, SolverResult r, double... times) {
        double k1 = m.parameter("k1"), k2 = m.parameter("k2"), omega = m.size();
        long n0 = m.initialCounts()[0];
        for (int k = 0; k < times.length; k++) {
            Snapshot s = r.at(k);
            assertEquals(times[k], s.time());
            long[] lo = new long[1];
            double[] p = lattice(s.marginal(0), omega, lo);
            double l1 = 0, covered = 0;
            for (int i = 0; i < p.length; i++) {
                double exact = exactBirthDeath((int) (lo[0] + i), n0, k1, k2, omega, times[k]);
                l1 += Math.abs(p[i] - exact);
                covered += exact;
                assertTrue(p[i] >= 0, "P ≥ 0");
            }
            l1 += 1 - covered;   // exact mass outside the box counts as error too
            assertEquals(0, l1, 1e-8, "L1 distance to the exact law at t = " + times[k]);
        }
    }

    @Test
    void birthDeathFromZeroIsPoisson() {
        Model m = preset("birth-death");
        double[] times = {1, 2, 10};
        SolverResult r = solve(m, times);
        assertBirthDeathExact(m, r, times);
        assertEquals(10 * (1 - Math.exp(-10)), r.last().mean(0), 1e-8);
        assertEquals(10 * (1 - Math.exp(-10)), r.last().covariance(0, 0), 1e-8, "Poisson: variance = mean");
    }

    @Test
    void birthDeathFromAboveIsBinomialConvolvedWithPoisson() {
        Model m = preset("birth-death").with("X0", 35).with("k1", 4).with("k2", 0.7);
        double[] times = {0, 0.3, 1.5, 6};
        SolverResult r = solve(m, times);
        assertEquals(1, r.at(0).marginal(0).density((int) (35 - Math.round(r.at(0).marginal(0).x0()))), 0, "starts as a point mass");
        assertBirthDeathExact(m, r, times);
    }

    @Test
    void birthDeathAtLargerOmegaScalesTheMean() {
        Model m = preset("birth-death").with("Omega", 10).with("X0", 20);
        double[] times = {0.5, 3};
        SolverResult r = solve(m, times);
        assertBirthDeathExact(m, r, times);
        for (int k = 0; k < times.length; k++) {
            double e = Math.exp(-times[k]);
            double mean = 2 * e + 10 * (1 - e);   // x units: x0 e^{−k2 t} + k1/k2 (1 − e^{−k2 t})
            assertEquals(mean, r.at(k).mean(0), 1e-9);
            // variance in x units: (n0 e(1−e) + Ω k1/k2 (1−e)) / Ω²
            assertEquals((20 * e * (1 - e) + 100 * (1 - e)) / 100, r.at(k).covariance(0, 0), 1e-9);
            assertEquals(0.1, r.at(k).marginal(0).dx(), 1e-15);
        }
    }

    @Test
    void probabilityIsConservedAndNonNegative() {
        for (Model m : List.of(preset("birth-death"), preset("a-b-decay"), preset("ornstein-uhlenbeck"))) {
            SolverResult r = solve(m, Problem.uniformTimes(2, 11));
            double lost = (Double) r.info().get("truncationError");
            assertEquals(1, r.last().mass() + lost, 1e-12, m.name() + ": mass + loss");
            for (Snapshot s : r.snapshots()) {
                for (Density1D d : s.marginals()) for (double v : d.p()) assertTrue(v >= 0, "P ≥ 0");
                if (s.joint() != null) for (double v : s.joint().p()) assertTrue(v >= 0, "P ≥ 0");
                assertEquals(s.mass(), s.marginal(0).mass(), 1e-12, "marginal holds the mass");
            }
        }
    }

    @Test
    void theSinkAccountsForProbabilityLeavingASmallBox() {
        // Pure birth 0 → X at rate 50 leaves a box sized for a much slower process: check that what
        // leaves is what the sink records, against the exact Poisson tail.
        Lattice box = Lattice.box(new long[] {0}, new long[] {30});
        Model m = preset("birth-death").with("k1", 50).with("k2", 0.01);
        Generator g = Generator.of(m, box);
        Uniformization u = new Uniformization(g, new StepTeam(1), CancellationToken.none());
        double[] p = new double[g.states()];
        p[0] = 1;
        double lost = u.advance(p, 0.5, f -> {});
        double mass = 0;
        for (double v : p) mass += v;
        assertTrue(lost > 1e-3, "a visible loss: " + lost);
        assertEquals(1, mass + lost, 1e-13);
    }

    /** Exact moments of A → B → ∅ in counts: m' = S m, Σ' = JΣ + ΣJᵀ + B(m). */
    private static double[] abMoments(double k1, double k2, double a0, double t) {
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override public int getDimension() { return 5; }

            @Override public void computeDerivatives(double time, double[] y, double[] dy) {
                double mA = y[0], mB = y[1], vA = y[2], cAB = y[3], vB = y[4];
                dy[0] = -k1 * mA;
                dy[1] = k1 * mA - k2 * mB;
                // J = [[−k1, 0], [k1, −k2]], B = [[k1 mA, −k1 mA], [−k1 mA, k1 mA + k2 mB]]
                dy[2] = -2 * k1 * vA + k1 * mA;
                dy[3] = k1 * vA - (k1 + k2) * cAB - k1 * mA;
                dy[4] = 2 * k1 * cAB - 2 * k2 * vB + k1 * mA + k2 * mB;
            }
        };
        double[] y = {a0, 0, 0, 0, 0};
        if (t > 0) new DormandPrince853Integrator(1e-14, 1, 1e-12, 1e-12).integrate(ode, 0, y, t, y);
        return y;
    }

    @Test
    void aToBToNothingHasTheExactMeansAndCovariance() {
        Model m = preset("a-b-decay").with("Omega", 2).with("A0", 60).with("k1", 0.8).with("k2", 0.3);
        double[] times = {0.5, 1, 2, 4, 8};
        SolverResult r = solve(m, times);
        double omega = 2;
        for (int k = 0; k < times.length; k++) {
            double[] e = abMoments(0.8, 0.3, 60, times[k]);
            Snapshot s = r.at(k);
            assertEquals(e[0] / omega, s.mean(0), 1e-6);
            assertEquals(e[1] / omega, s.mean(1), 1e-6);
            assertEquals(e[2] / (omega * omega), s.covariance(0, 0), 1e-6);
            assertEquals(e[3] / (omega * omega), s.covariance(0, 1), 1e-6);
            assertEquals(e[3] / (omega * omega), s.covariance(1, 0), 1e-6);
            assertEquals(e[4] / (omega * omega), s.covariance(1, 1), 1e-6);
            assertTrue(s.covariance(0, 1) < -1e-3, "A and B are anti-correlated");
            Density2D joint = s.joint();
            assertNotNull(joint);
            assertEquals(s.mass(), joint.mass(), 1e-12);
            assertEquals(s.mean(0), joint.marginal(0).mean(), 1e-9);
        }
    }

    @Test
    void ouWalkMeanDecaysExponentially() {
        Model m = preset("ornstein-uhlenbeck");
        double theta = m.parameter("theta"), x0 = m.initialX()[0];
        double[] times = Problem.uniformTimes(3, 7);
        SolverResult r = solve(m, times);
        assertTrue(((List<?>) r.info().get("box")).size() == 2);
        assertTrue((long) ((List<?>) r.info().get("box")).get(0) < 0, "a signed species' box reaches below 0");
        for (int k = 0; k < times.length; k++) {
            assertEquals(x0 * Math.exp(-theta * times[k]), r.at(k).mean(0), 1e-8, "t = " + times[k]);
        }
        double lost = (Double) r.info().get("truncationError");
        assertTrue(lost < FiniteStateProjection.LOSS_BUDGET, "truncation " + lost);
    }

    @Test
    void predatorPreyRunsOnALargeLatticeAndGrowsItWhereProbabilityLeaks() {
        // Preset defaults (Ω = 100). Predators die out with probability ~2.5e-3; the prey then grow to
        // their carrying capacity a/b·Ω = 500, beyond the linear-noise box: the lattice must grow in x.
        Model m = preset("predator-prey");
        SolverResult r = solve(m, Problem.uniformTimes(10, 11));
        List<?> box = (List<?>) r.info().get("box");
        assertTrue((long) box.get(1) - (long) box.get(0) + 1 >= 200 && (long) box.get(3) - (long) box.get(2) + 1 >= 200, "box " + box);
        assertTrue((long) box.get(1) >= 600, "grew to hold the prey of extinct predators: " + box);
        assertTrue(((Number) r.info().get("states")).longValue() >= 40_000);
        double lost = (Double) r.info().get("truncationError");
        assertTrue(lost >= 0 && lost < FiniteStateProjection.LOSS_BUDGET, "truncation " + lost);
        assertEquals(1, r.last().mass() + lost, 1e-12);
        Density1D predators = r.last().marginal(1);
        double extinct = predators.density(0) * predators.dx();
        assertTrue(extinct > 1e-3 && extinct < 1e-2, "predator extinction probability " + extinct);
        Density2D joint = r.last().joint();
        assertTrue(joint.nx() <= 400 && joint.ny() <= 400, "a wide joint is binned");
        assertEquals(r.last().mass(), joint.mass(), 1e-12);
        assertEquals(r.last().mean(0), joint.marginal(0).mean(), 0.5 * joint.dx(), "binning moves the mean by less than half a cell");
        for (double v : joint.p()) assertTrue(v >= 0);
        assertTrue(r.info().get("wallSeconds") instanceof Double);
    }

    @Test
    void cancellationStopsTheRun() {
        CancellationToken token = new CancellationToken();
        AtomicInteger snapshots = new AtomicInteger();
        SnapshotListener cancelAfterFirst = new SnapshotListener() {
            @Override public void onSnapshot(int k, Snapshot s) { snapshots.incrementAndGet(); token.cancel(); }
        };
        Problem p = new Problem(preset("a-b-decay"), Problem.uniformTimes(8, 81), 1, 1, SolverOptions.defaults());
        assertThrows(CancelledException.class, () -> fsp.solve(p, cancelAfterFirst, token));
        assertEquals(1, snapshots.get());
    }

    @Test
    void threeSpeciesAreRefused() {
        Model three = new Model("three", "", List.of(new Species("A", 1, false), new Species("B", 0, false), new Species("C", 0, false)),
                List.of(new Parameter("k", 1, 0, 2, "")), new SystemSize(1, 1, 1),
                List.of(new Reaction("r", "A -> B", "k", null), new Reaction("s", "B -> C", "k", null)));
        assertFalse(fsp.supports(three));
        assertTrue(fsp.supports(preset("predator-prey")));
        SolverException e = assertThrows(SolverException.class, () -> solve(three, 1));
        assertEquals("cme: handles 1 or 2 species; this model has 3", e.getMessage());
    }

    @Test
    void aNegativePropensityStopsTheRunWithItsName() {
        Model m = new Model("bad", "", List.of(new Species("X", 5, false)), List.of(new Parameter("k", 1, 0, 2, "")),
                new SystemSize(1, 1, 1),
                List.of(new Reaction("birth", "0 -> X", "k", null), new Reaction("odd death", "X -> 0", null, "k*(X - 3)")));
        SolverException e = assertThrows(SolverException.class, () -> solve(m, 1));
        assertTrue(e.getMessage().contains("odd death") && e.getMessage().contains("X = "), e.getMessage());
    }

    @Test
    void anExplodingModelIsRefusedWithAMessage() {
        Model m = preset("birth-death").with("Omega", 1e6).with("k1", 1000).with("k2", 0.001);
        SolverException e = assertThrows(SolverException.class, () -> solve(m, 10));
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("10⁹"), e.getMessage());
    }

    @Test
    void aModelWiderThanTheStateLimitIsRefusedWithTheLimit() {
        FiniteStateProjection small = new FiniteStateProjection(new FiniteStateProjection.Settings(FiniteStateProjection.TOLERANCE,
                FiniteStateProjection.LOSS_BUDGET, new long[] {500, 5000}, FiniteStateProjection.Method.AUTO), FiniteStateProjection.MIN_STATES_PER_THREAD);
        Model m = preset("birth-death").with("Omega", 1000);
        SolverException e = assertThrows(SolverException.class,
                () -> small.solve(new Problem(m, new double[] {0, 5}, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().startsWith("cme: the master equation is too large") && e.getMessage().contains("1-D limit 500 states"), e.getMessage());
    }
}
