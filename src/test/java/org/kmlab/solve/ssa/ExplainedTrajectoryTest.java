package org.kmlab.solve.ssa;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.IsomerRing;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Explain mode's stepper: the numbers of each draw obey the direct method's formulas, and stepping
 * member i to each output time reproduces, bit for bit, the state the ensemble's own event loop
 * recorded for member i (its kept samples) — for mass action, second order in two species, formula
 * propensities with a signed species, and the partial-sum tree of many reactions. This is what
 * guards the stepper, which is written beside the event loop, against the loop changing its draws.
 */
class ExplainedTrajectoryTest {
    private static final int N = 12;

    @Test
    void steppingEachMemberReproducesTheEnsemblesRecordedStatesExactly() {
        double[] times = {0, 0.05, 0.4, 1.3, 3};
        Model[] models = {
                SsaFixtures.preset("birth-death"),
                SsaFixtures.preset("predator-prey"),
                SsaFixtures.preset("ornstein-uhlenbeck"),        // formula propensities, a signed walker
                SsaFixtures.massAction("X=20,Y=5", "X + Y -> 2 Y", 0.05, "Y -> 0", 1.0, "2 X -> X", 0.02, "0 -> X", 4.0),
                IsomerRing.model(1)                               // 20 reactions: the partial-sum tree
        };
        for (Model m : models) {
            assertEquals(m == models[4], new Network(m).tree, "the ring is the one model on the tree");
            long seed = 2024;
            Problem problem = new Problem(m, times, N, seed, SsaFixtures.options(2, N));
            SolverResult ensemble = new DirectMethodSsa().solve(problem, org.kmlab.solve.SnapshotListener.NONE, CancellationToken.none());
            double omega = m.size();
            boolean anyDiffer = false;
            for (int i = 0; i < N; i++) {
                ExplainedTrajectory member = new ExplainedTrajectory(problem, i);
                assertEquals(1, member.nextOutput(), "the output at t = 0 is the initial state");
                for (int k = 1; k < times.length; k++) {
                    GillespieStep reached = member.runToNextOutput(CancellationToken.none());
                    assertNotEquals(GillespieStep.Outcome.FIRED, reached.outcome(), "the last draw is the one that reached t_k");
                    assertEquals(times[k], reached.timeAfter());
                    assertEquals(k + 1, member.nextOutput());
                    assertEquals(times[k], member.time());
                    Snapshot s = ensemble.snapshots().get(k);
                    long[] n = member.counts();
                    for (int sp = 0; sp < n.length; sp++) {
                        assertEquals(s.sample(i, sp), n[sp] / omega, 0.0,
                                m.name() + ": member " + i + ", species " + sp + " at t = " + times[k]);
                        if (i > 0 && s.sample(i, sp) != s.sample(0, sp)) anyDiffer = true;
                    }
                }
                assertTrue(member.finished());
                assertTrue(member.events() > 0, m.name() + ": member " + i + " fired nothing");
            }
            assertTrue(anyDiffer, m.name() + ": members share one stream?");
        }
    }

    @Test
    void anotherSeedOrMemberIsAnotherPath() {   // the reproduction above is not one any stream would pass
        Model m = SsaFixtures.preset("birth-death");
        double[] times = {0, 1, 2};
        Problem p = new Problem(m, times, 4, 7, SsaFixtures.options(1, 4));
        long[] a = path(new ExplainedTrajectory(p, 1)), b = path(new ExplainedTrajectory(p, 2));
        long[] c = path(new ExplainedTrajectory(new Problem(m, times, 4, 8, SsaFixtures.options(1, 4)), 1));
        assertArrayEquals(a, path(new ExplainedTrajectory(p, 1)), "same seed, same member, same path");
        assertFalse(Arrays.equals(a, b), "members 1 and 2 of one seed");
        assertFalse(Arrays.equals(a, c), "member 1 of seeds 7 and 8");
    }

    /** The first 40 states after each draw, as a fingerprint. */
    private static long[] path(ExplainedTrajectory t) {
        long[] out = new long[40];
        for (int j = 0; j < out.length && !t.finished(); j++) out[j] = t.step().after()[0] * 1000 + (long) (t.time() * 100);
        return out;
    }

    @Test
    void tauIsTheExponentialOverA0AndMinusLogR1OverA0() {
        Problem p = new Problem(SsaFixtures.preset("birth-death"), new double[] {0, 400}, 3, 5, SsaFixtures.options(1, 0));
        ExplainedTrajectory member = new ExplainedTrajectory(p, 2);
        int fired = 0, slow = 0;
        for (int j = 0; j < 2000 && !member.finished(); j++) {
            double before = member.time();
            GillespieStep s = member.step();
            if (s.outcome() != GillespieStep.Outcome.FIRED) continue;
            fired++;
            assertEquals(before, s.timeBefore());
            assertEquals(s.exponential() / s.a0(), s.tau(), 0.0);
            assertTrue(s.r1() > 0 && s.r1() <= 1, "r1 = " + s.r1());
            assertEquals(s.tau(), -Math.log(s.r1()) / s.a0(), 1e-12 * s.tau() + 1e-300, "τ = −ln(r₁)/a₀");
            assertEquals(s.timeBefore() + s.tau(), s.timeAfter(), 0.0);
            double sum = 0;
            for (double a : s.propensities()) sum += a;
            assertEquals(sum, s.a0(), 0.0, "a₀ is the sum of the bars");
            assertTrue(s.exponentialDraws() >= 1);
            if (s.exponentialDraws() > 1) slow++;
            assertTrue(s.r2() >= 0 && s.r2() < 1);
        }
        assertTrue(fired > 1000, "fired " + fired);
        assertTrue(slow > 0 && slow < fired / 10, "the ziggurat's slow path is about 1%: " + slow + " of " + fired);
    }

    @Test
    void theChosenReactionIsTheStackIntervalHoldingR2TimesA0() {
        Model m = SsaFixtures.massAction("X=30,Y=10", "X -> Y", 1.0, "Y -> X", 2.0, "0 -> X", 5.0, "X + Y -> 0", 0.01);
        ExplainedTrajectory member = new ExplainedTrajectory(new Problem(m, new double[] {0, 50}, 1, 3, SsaFixtures.options(1, 0)), 0);
        int[] chosen = new int[4];
        for (int j = 0; j < 3000 && !member.finished(); j++) {
            GillespieStep s = member.step();
            if (s.outcome() != GillespieStep.Outcome.FIRED) continue;
            int r = s.reaction();
            chosen[r]++;
            assertTrue(s.propensity(r) > 0, "a reaction that cannot happen fired");
            double from = s.cumulativeBefore(r), to = s.cumulativeBefore(r + 1);
            assertTrue(from <= s.target() && s.target() < to,
                    "r₂·a₀ = " + s.target() + " outside [" + from + ", " + to + ") of reaction " + r);
            long[] jump = {0, 0};
            for (int sp = 0; sp < 2; sp++) jump[sp] = s.after()[sp] - s.before()[sp];
            assertArrayEquals(new long[] {m.jump(r)[0], m.jump(r)[1]}, jump, "the state moves by reaction " + r + "'s jump");
        }
        for (int r = 0; r < 4; r++) assertTrue(chosen[r] > 10, "reaction " + r + " chosen " + chosen[r] + " times");
    }

    @Test
    void anEventPastTheOutputTimeIsDiscardedAndAnAbsorbedStateWaits() {
        Model decay = SsaFixtures.massAction("X=3", "X -> 0", 1.0);
        double[] times = {0, 0.1, 0.2, 50, 60};
        ExplainedTrajectory member = new ExplainedTrajectory(new Problem(decay, times, 1, 9, SsaFixtures.options(1, 0)), 0);
        boolean past = false, absorbed = false;
        while (!member.finished()) {
            int k = member.nextOutput();
            GillespieStep s = member.step();
            switch (s.outcome()) {
                case FIRED -> assertTrue(s.timeAfter() <= times[k]);
                case PAST_OUTPUT -> {
                    past = true;
                    assertTrue(s.timeBefore() + s.tau() > times[k], "discarded only past the output time");
                    assertTrue(Double.isNaN(s.r2()), "no r₂ is drawn for a discarded event");
                    assertEquals(-1, s.reaction());
                }
                case ABSORBED -> {
                    absorbed = true;
                    assertEquals(0.0, s.a0());
                    assertEquals(0, s.after()[0]);
                    assertEquals(Double.POSITIVE_INFINITY, s.tau());
                }
            }
            if (s.outcome() != GillespieStep.Outcome.FIRED) {
                assertEquals(times[k], s.timeAfter());
                assertArrayEquals(s.before(), s.after());
                assertEquals(k + 1, member.nextOutput());
            }
        }
        assertTrue(past, "with X = 3 and 0.1-wide intervals some event falls past an output time");
        assertTrue(absorbed, "X reaches 0 by t = 50 (probability 1 − 3e⁻⁵⁰ per molecule... gone)");
        assertEquals(3, member.events());
        assertThrows(IllegalStateException.class, member::step);
    }

    @Test
    void runToTheNextOutputTimeCanBeCancelledAndGoesOnFromThere() {
        Model m = SsaFixtures.massAction("X=0", "0 -> X", 1e5, "X -> 0", 1.0);
        ExplainedTrajectory member = new ExplainedTrajectory(new Problem(m, new double[] {0, 10}, 1, 1, SsaFixtures.options(1, 0)), 0);
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThrows(CancelledException.class, () -> member.runToNextOutput(cancel));
        assertEquals(8192, member.events(), "stopped at the first poll");
        assertFalse(member.finished());
        member.step();
        assertEquals(8193, member.events());
    }

    @Test
    void badArgumentsAndAnExplodingModelAreRefusedWithAMessage() {
        Problem p = new Problem(SsaFixtures.preset("birth-death"), new double[] {0, 1}, 5, 1, SsaFixtures.options(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ExplainedTrajectory(p, 5));
        assertThrows(IllegalArgumentException.class, () -> new ExplainedTrajectory(p, -1));
        Model growth = SsaFixtures.massAction("X=1", "X -> 2 X", 1.0);
        ExplainedTrajectory boom = new ExplainedTrajectory(new Problem(growth, new double[] {0, 100}, 1, 1,
                SsaFixtures.options(1, 0).withPopulationBound(50)), 0);
        SolverException e = assertThrows(SolverException.class, () -> boom.runToNextOutput(CancellationToken.none()));
        assertTrue(e.getMessage().startsWith("population of X passed 50"), e.getMessage());
    }
}
