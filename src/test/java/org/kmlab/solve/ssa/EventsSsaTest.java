package org.kmlab.solve.ssa;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.ModelSources;
import org.kmlab.model.SbmlImport;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SBML events in the SSA, each on a small model of its own under {@code src/test/resources/sbml}
 * read through the importer a user's file takes, against analytic laws: 10,000 trajectories with a
 * fixed seed, means within 4 standard errors (the exact variance where the law is known, else the
 * sample's), deterministic outcomes exactly.
 */
class EventsSsaTest {
    private static final int N = 10_000;

    private static Model model(String file) {
        return ModelSources.read(Path.of("src/test/resources/sbml", file)).model();
    }

    private static Model variant(String file, String from, String to) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/sbml", file));
        assertTrue(text.contains(from), from);
        return SbmlImport.read(text.replace(from, to), "variant").model();
    }

    private static void assertMean(double expected, double variance, Snapshot snap, int s, String what) {
        double se = Math.sqrt(variance / N);
        assertEquals(expected, snap.mean(s), 4 * se + 1e-12, what + " at t = " + snap.time());
    }

    /** (a) X := 0 at time ≥ 5, between output times and at one: Poisson with mean 10(1 − e^(−(t − 5))) after it. */
    @Test
    void aTimeTriggerResetsAtTheExactMomentBetweenOutputTimes() {
        Model m = model("events-time-reset-l2v4.xml");
        assertFalse(m.events().get(0).trigger().text().isEmpty());
        double[] times = {0, 2.5, 4.9, 5.3, 6, 7.5, 10};
        SolverResult r = SsaFixtures.run(m, times, N, 501, SsaFixtures.options(0, 0));
        for (int k = 1; k < times.length; k++) {
            double t = times[k];
            double mean = t < 5 ? 10 * (1 - Math.exp(-t)) : 10 * (1 - Math.exp(-(t - 5)));
            assertMean(mean, mean, r.at(k), 0, "X");
        }
        // 0.3 after the reset the mean is 10(1 − e^−0.3) = 2.59: a reset at the next output time
        // (5.3) would leave 0, one at the last reaction before 5 would leave ≈ 10
        assertEquals(2.59, r.at(3).mean(0), 0.1);
        assertEquals(N, ((Number) r.info().get("eventsFired")).longValue(), "one firing per trajectory");

        SolverResult at = SsaFixtures.run(m, new double[] {0, 5, 5.5}, N, 502, SsaFixtures.options(0, 0));
        assertEquals(0.0, at.at(1).mean(0), "the output at t = 5 shows the state from 5 on");
        assertEquals(0.0, at.at(1).covariance(0, 0));
        double mean = 10 * (1 - Math.exp(-0.5));
        assertMean(mean, mean, at.at(2), 0, "X");
    }

    /**
     * (b) pure birth at k1 = 10 until X ≥ 50, then k1 := 0, k2 := 0.5 (decay). The event fires at
     * the 50th birth, a Gamma(50, k1) time τ, so E[X(t)] = Σ_{n<50} n·P(N_t = n) + 50·E[e^(−k2(t−τ)); τ ≤ t]
     * with N_t ~ Poisson(k1·t) and the last term 50·e^(−k2 t)(k1/(k1 − k2))^50·P(Poisson((k1 − k2)t) ≥ 50).
     */
    @Test
    void aStateTriggerFiresAtTheReactionThatReachesIt() {
        Model m = model("events-state-cap-l3v1.xml");
        double[] times = org.kmlab.solve.Problem.uniformTimes(15, 31);
        SolverResult r = SsaFixtures.run(m, times, N, 503, SsaFixtures.options(0, N));
        double k1 = 10, k2 = 0.5;
        for (int k = 1; k < times.length; k++) {
            double t = times[k];
            PoissonDistribution before = new PoissonDistribution(null, k1 * t, 1e-14, 100_000);
            double mean = 0;
            for (int n = 0; n < 50; n++) mean += n * before.probability(n);
            double after = 1 - new PoissonDistribution(null, (k1 - k2) * t, 1e-14, 100_000).cumulativeProbability(49);
            mean += 50 * Math.exp(-k2 * t + 50 * Math.log(k1 / (k1 - k2))) * after;
            Snapshot snap = r.at(k);
            assertMean(mean, snap.covariance(0, 0), snap, 0, "X");
            for (double[] x : snap.samples()) assertTrue(x[0] <= 50, "a count passed 50 at t = " + t + ": " + x[0]);
        }
        assertEquals(N, ((Number) r.info().get("eventsFired")).longValue(), "every trajectory reached 50 by t = 15, once");
    }

    /** (c) X := Y, Y := X read both before either changes. */
    @Test
    void assignmentsAreAllEvaluatedBeforeAnyIsApplied() {
        Model m = model("events-swap-l3v1.xml");
        SolverResult r = SsaFixtures.run(m, new double[] {0, 2, 3}, N, 504, SsaFixtures.options(0, 0));
        double p2 = Math.exp(-2);
        assertMean(100 * p2, 100 * p2 * (1 - p2), r.at(1), 0, "X (was Y) at 2");
        assertMean(20, 20, r.at(1), 1, "Y (was X) at 2");
        double x3 = 100 * p2 + 10, y3 = 20 * Math.exp(-1);
        assertMean(x3, 100 * p2 * (1 - p2) + 10, r.at(2), 0, "X at 3");
        assertMean(y3, y3, r.at(2), 1, "Y at 3");
    }

    /** (d) initialValue, persistent, useValuesFromTriggerTime and a cascade at one moment (see the model's comment). */
    @Test
    void triggerFlagsAndCascadesFollowSbmlLevel3() throws IOException {
        String file = "events-flags-l3v1.xml";
        Model m = model(file);
        int x = 0, y = 1, z = 2, w = 3;
        double[] times = {0, 0.5, 1, 2};
        SolverResult r = SsaFixtures.run(m, times, N, 505, SsaFixtures.options(0, 0));
        assertEquals(7.0, r.at(0).mean(w), "initialValue false and true at t = 0: fires at the start");
        assertEquals(0.0, r.at(0).covariance(w, w));
        assertEquals(0.0, r.at(2).mean(x));
        assertEquals(3.0, r.at(2).mean(y), "'mark' dropped (not persistent), 'cascade' fired");
        assertEquals(0.0, r.at(3).covariance(y, y));
        double p = Math.exp(-1);
        assertMean(50 * p, 50 * p * (1 - p), r.at(2), z, "Z := X of the trigger time");
        assertEquals(r.at(2).mean(z), r.at(3).mean(z));

        Model persistent = variant(file, "initialValue=\"false\" persistent=\"false\"", "initialValue=\"false\" persistent=\"true\"");
        assertEquals(4.0, SsaFixtures.run(persistent, times, 2000, 506, SsaFixtures.options(0, 0)).at(2).mean(y), "'mark' fires after 'clear': Y = 1 + 3");
        Model late = variant(file, "<event id=\"copy\" useValuesFromTriggerTime=\"true\">", "<event id=\"copy\" useValuesFromTriggerTime=\"false\">");
        assertEquals(0.0, SsaFixtures.run(late, times, 2000, 507, SsaFixtures.options(0, 0)).at(2).mean(z), "Z := X at its turn, after 'clear'");
        Model initiallyTrue = variant(file, "<trigger initialValue=\"false\" persistent=\"true\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><lt/>",
                "<trigger initialValue=\"true\" persistent=\"true\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><lt/>");
        assertEquals(0.0, SsaFixtures.run(initiallyTrue, times, 2000, 508, SsaFixtures.options(0, 0)).at(3).mean(w), "true before the start: no transition, no firing");
    }

    @Test
    void eventsKeepRunsBitIdenticalAcrossThreadCounts() {
        Model m = model("events-state-cap-l3v1.xml");
        double[] times = org.kmlab.solve.Problem.uniformTimes(12, 13);
        SolverResult one = SsaFixtures.run(m, times, 3000, 509, SsaFixtures.options(1, 3000));
        SolverResult two = SsaFixtures.run(m, times, 3000, 509, SsaFixtures.options(2, 3000));
        for (int k = 0; k < times.length; k++) {
            assertArrayEquals(one.at(k).samples(), two.at(k).samples(), "t = " + times[k]);
        }
    }

    @Test
    void theLinearSearchAndTheTreeAgreeWithEvents() {
        Model m = model("events-swap-l3v1.xml");
        double[] times = {0, 1, 2, 3};
        var problem = new org.kmlab.solve.Problem(m, times, 500, 510, SsaFixtures.options(1, 500));
        SolverResult linear = new DirectMethodSsa(false).solve(problem, org.kmlab.solve.SnapshotListener.NONE, org.kmlab.solve.CancellationToken.none());
        SolverResult tree = new DirectMethodSsa(true).solve(problem, org.kmlab.solve.SnapshotListener.NONE, org.kmlab.solve.CancellationToken.none());
        for (int k = 0; k < times.length; k++) assertArrayEquals(linear.at(k).samples(), tree.at(k).samples());
    }

    @Test
    void anEventThatSetsAFractionalCountStopsTheRunWithItsName() throws IOException {
        Model m = variant("events-swap-l3v1.xml", "<eventAssignment variable=\"X\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><ci> Y </ci></math>",
                "<eventAssignment variable=\"X\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><plus/><ci> Y </ci><cn> 0.5 </cn></apply></math>");
        SolverException e = assertThrows(SolverException.class, () -> SsaFixtures.run(m, new double[] {0, 3}, 10, 511, SsaFixtures.options(1, 0)));
        assertTrue(e.getMessage().startsWith("event 'swap' set X to ") && e.getMessage().contains("at t = 2: a count must be a whole number"), e.getMessage());
    }

    @Test
    void theFineStepPathSeesEventsWhereTheSnapshotsDo() {
        // Δt = 1/8 divides the output spacing 1/2; the reset at t = 5 is a fine time and an output time
        Model m = model("events-time-reset-l2v4.xml");
        int n = 300;
        double[][] seen = new double[n][81];
        org.kmlab.solve.FineStepObserver recorder = new org.kmlab.solve.FineStepObserver() {
            @Override public double step() { return 0.125; }
            @Override public void observe(int trajectory, long fineIndex, double[] x) { seen[trajectory][(int) fineIndex] = x[0]; }
        };
        SolverResult r = SsaFixtures.run(m, org.kmlab.solve.Problem.uniformTimes(10, 21), n, 512, SsaFixtures.options(2, n).withFineStepObserver(recorder));
        SolverResult plain = SsaFixtures.run(m, org.kmlab.solve.Problem.uniformTimes(10, 21), n, 512, SsaFixtures.options(1, n));
        for (int i = 0; i < n; i++) {
            assertEquals(0.0, seen[i][40], "the state in force from t = 5 on");
            for (int k = 0; k <= 20; k++) {
                assertEquals(r.at(k).sample(i, 0), seen[i][4 * k], 0.0, "trajectory " + i + ", output " + k);
                assertEquals(plain.at(k).sample(i, 0), r.at(k).sample(i, 0), 0.0, "the hook changes no number");
            }
        }
    }

    /**
     * (e) A pulse of width 0.001 (5 ≤ t < 5.001) adds 100: a reaction falls inside it in about 2%
     * of trajectories, so every firing but those must be found inside a waiting interval. After
     * it X is Poisson(10(1 − e^(−t))) plus Binomial(100, e^(−(t − 5))), independent.
     */
    @Test
    void aPulseShorterThanAWaitingTimeFiresAtItsStart() {
        Model m = model("events-pulse-l3v1.xml");
        double[] times = {0, 4.9, 5.0005, 5.5, 7, 10};
        SolverResult r = SsaFixtures.run(m, times, N, 513, SsaFixtures.options(0, 0));
        assertEquals(N, ((Number) r.info().get("eventsFired")).longValue(), "one firing per trajectory, none missed");
        for (int k = 1; k < times.length; k++) {
            double t = times[k], poisson = 10 * (1 - Math.exp(-t));
            double p = t >= 5 ? Math.exp(-(t - 5)) : 0;
            double mean = poisson + 100 * p, variance = poisson + 100 * p * (1 - p);
            assertMean(mean, variance, r.at(k), 0, "X");
        }
        SolverResult at = SsaFixtures.run(m, new double[] {0, 5}, 2000, 514, SsaFixtures.options(0, 2000));
        for (double[] x : at.at(1).samples()) assertTrue(x[0] >= 100, "the pulse fires at 5 exactly, before the state at 5 is stored: " + x[0]);
    }

    /**
     * (f) A trigger that rises, falls and rises again within one waiting interval fires twice: two
     * pulses 0.001 wide, 0.001 apart, each adding 100 (and the fall between them is seen).
     */
    @Test
    void aTriggerThatFallsAndRisesAgainBetweenReactionsFiresAtEachRise() throws IOException {
        String time = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\"> t </csymbol>";
        String end = "<cn> 5.001 </cn></apply>\n          </apply>";
        String text = Files.readString(Path.of("src/test/resources/sbml", "events-pulse-l3v1.xml"));
        assertTrue(text.contains(end) && text.contains("<apply><and/>\n"));
        Model m = SbmlImport.read(text.replace("<apply><and/>\n", "<apply><or/><apply><and/>\n").replace(end, end
                + "<apply><and/><apply><geq/>" + time + "<cn> 5.002 </cn></apply><apply><lt/>" + time + "<cn> 5.003 </cn></apply></apply></apply>"), "twice").model();
        double[] times = {0, 5.5, 7};
        SolverResult r = SsaFixtures.run(m, times, N, 515, SsaFixtures.options(0, 0));
        assertEquals(2L * N, ((Number) r.info().get("eventsFired")).longValue(), "two firings per trajectory");
        for (int k = 1; k < times.length; k++) {
            double t = times[k], poisson = 10 * (1 - Math.exp(-t));
            double p1 = Math.exp(-(t - 5)), p2 = Math.exp(-(t - 5.002));
            assertMean(poisson + 100 * (p1 + p2), poisson + 100 * p1 * (1 - p1) + 100 * p2 * (1 - p2), r.at(k), 0, "X");
        }
    }

    /**
     * (g) A state trigger that fires again and again: pure birth at k1 = 10 with X := X − 40
     * whenever X ≥ 50. With N_t ~ Poisson(10 t) births, X(t) = N_t below 50 and 10 + (N_t − 50) mod 40
     * from there, after 1 + ⌊(N_t − 50)/40⌋ firings: exact mean and variance of X and the expected
     * number of firings, at 4 SE.
     */
    @Test
    void aStateTriggerThatKeepsFiringFollowsTheCountOfBirths() {
        Model m = model("events-state-drop-l3v1.xml");
        double[] times = {0, 3, 6, 10, 20};
        SolverResult r = SsaFixtures.run(m, times, N, 516, SsaFixtures.options(0, N));
        double firings = 0, firingsSquared = 0;
        for (int k = 1; k < times.length; k++) {
            PoissonDistribution births = new PoissonDistribution(null, 10 * times[k], 1e-14, 100_000);
            double mean = 0, square = 0, f = 0, f2 = 0;
            for (int n = 0; n < 2000; n++) {
                double p = births.probability(n);
                int x = n < 50 ? n : 10 + (n - 50) % 40, fired = n < 50 ? 0 : 1 + (n - 50) / 40;
                mean += p * x;
                square += p * x * x;
                f += p * fired;
                f2 += p * fired * fired;
            }
            assertMean(mean, square - mean * mean, r.at(k), 0, "X");
            for (double[] x : r.at(k).samples()) assertTrue(x[0] < 50, "X ≥ 50 at an output time: " + x[0]);
            if (k == times.length - 1) {
                firings = f;
                firingsSquared = f2;
            }
        }
        double fired = ((Number) r.info().get("eventsFired")).longValue();
        double se = Math.sqrt((firingsSquared - firings * firings) * N);
        assertEquals(firings * N, fired, 4 * se, "firings by t = 20");
    }
}
