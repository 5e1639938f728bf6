package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.model.RunSettings;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's contract: every snapshot recorded, failures captured as messages, old runs cancelled. */
class SimulationServiceTest {
    private static final Preset BIRTH_DEATH = PresetIO.read(Path.of("presets", "birth-death.json"));

    private static RunRequest request(List<String> solvers) {
        RunSettings s = BIRTH_DEATH.run().withSamples(11).withTrajectories(10).withSolvers(solvers);
        return new RunRequest(BIRTH_DEATH.model(), s, SolverOptions.defaults(), false);
    }

    /** Emits snapshot k with mean k (so a test can tell them apart), up to {@code stopAt} (exclusive). */
    private static Solver counting(String id, int stopAt) {
        return new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of(id); }

            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) {
                List<Snapshot> out = new ArrayList<>();
                for (int k = 0; k < Math.min(stopAt, p.sampleCount()); k++) {
                    c.check();
                    Snapshot s = new Snapshot(p.time(k), new double[] {k}, new double[][] {{1}},
                            new Density1D[] {new Density1D(0, 1, new double[] {1})}, null, null, 1);
                    out.add(s);
                    l.onSnapshot(k, s);
                    l.onEvents(100L * (k + 1));
                }
                if (stopAt < p.sampleCount()) throw new SolverException(id + ": population bound 1000 hit at t = " + p.time(stopAt));
                return new SolverResult(Descriptors.of(id), out, Map.of("events", 1234L));
            }
        };
    }

    private static SolverRegistry solvers(Solver... list) { return new SolverRegistry(List.of(list)); }

    @Test void recordsEverySnapshotOfEverySolverAtItsTimeIndex() {
        SimulationService service = SimulationService.sameThread(solvers(counting("ssa", 99), counting("fp", 99)));
        Run run = service.start(request(List.of("ssa", "fp")));
        assertTrue(run.isFinished());
        for (String id : List.of("ssa", "fp")) {
            assertEquals(SolverPhase.DONE, run.state(id).phase());
            for (int k = 0; k < 11; k++) assertEquals(k, run.recording().get(id, k).mean(0), id + " at " + k);
        }
        assertEquals(10, run.liveEdge());
        assertEquals(1234L, run.state("ssa").events(), "the final count comes from the result's info");
        assertEquals("", run.failureMessage());
        assertSame(run, service.current());
    }

    @Test void aSolverThatStopsBecomesAMessageWhileTheOthersFinish() {
        SimulationService service = SimulationService.sameThread(solvers(counting("ssa", 4), counting("fp", 99)));
        Run run = service.start(request(List.of("ssa", "fp")));
        assertEquals(SolverPhase.FAILED, run.state("ssa").phase());
        assertEquals("ssa: population bound 1000 hit at t = 4.0", run.failureMessage(), "named once, not 'ssa: ssa: …'");
        assertEquals(SolverPhase.DONE, run.state("fp").phase());
        assertEquals(3, run.recording().highestIndex("ssa"), "what arrived before the stop is kept");
        assertEquals(10, run.liveEdge(), "a failed solver does not hold playback back");
        assertEquals(400L, run.state("ssa").events());
    }

    @Test void aBugInASolverIsCapturedNotThrown() {
        Solver broken = new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of("cme"); }
            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) { throw new ArrayIndexOutOfBoundsException(7); }
        };
        Run run = SimulationService.sameThread(solvers(broken)).start(request(List.of("cme")));
        assertEquals(SolverPhase.FAILED, run.state("cme").phase());
        assertTrue(run.failureMessage().startsWith("cme: internal error"), run.failureMessage());
        assertEquals(-1, run.liveEdge());
    }

    @Test void startingAnotherRunCancelsTheOldOnePromptly() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1), stopped = new CountDownLatch(1);
        Solver waits = new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of("ssa"); }

            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) {
                started.countDown();
                try {
                    while (true) {
                        c.check();
                        Thread.onSpinWait();
                    }
                } catch (CancelledException e) {
                    stopped.countDown();
                    throw e;
                }
            }
        };
        try (SimulationService service = SimulationService.background(solvers(waits))) {
            Run first = service.start(request(List.of("ssa")));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertFalse(first.isFinished());
            service.reset();
            assertTrue(stopped.await(10, TimeUnit.SECONDS), "the solver saw the cancellation");
            assertTrue(first.isCancelled());
            assertNull(service.current());
        }
    }

    @Test void theRecordingHandsBackTheSnapshotAtOrBeforeAnIndex() {
        Recording r = RecordingFixture.of(new double[] {0, 1, 2, 3}, List.of("ssa"));
        Snapshot s = new Snapshot(1, new double[] {5}, new double[][] {{1}}, null, null, null, 1);
        r.put(0, 1, s);
        assertNull(r.atOrBefore("ssa", 0));
        assertSame(s, r.atOrBefore("ssa", 3));
        assertEquals(1, r.highestIndex("ssa"));
        assertEquals(2, r.indexOf(2.2));
        assertNull(r.get("fp", 1));
    }

    @Test void theRequestedModelIsTheOneRun() {
        Model changed = BIRTH_DEATH.model().with("k1", 20);
        RunRequest req = new RunRequest(changed, BIRTH_DEATH.run().withSamples(3).withSolvers(List.of("ssa")), SolverOptions.defaults(), false);
        double[] seen = new double[1];
        Solver probe = new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of("ssa"); }
            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) {
                seen[0] = p.model().valueOf("k1");
                return new SolverResult(Descriptors.of("ssa"), List.of(), Map.of());
            }
        };
        SimulationService.sameThread(solvers(probe)).start(req);
        assertEquals(20, seen[0]);
    }

    @Test void oneOutcomePerSolverInRequestOrderAndUnsupportedOnesAreSkippedWithTheirReason() {
        Solver notForThisModel = new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of("cme"); }
            @Override public String unsupportedReason(Model m) { return "handles 2 species only"; }
            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) { throw new AssertionError("must not run"); }
        };
        Run run = SimulationService.sameThread(solvers(counting("fp", 99), notForThisModel, counting("ssa", 99))).start(request(List.of("fp", "cme", "ssa", "fp")));
        List<Outcome> out = run.outcomes();
        assertEquals(List.of("fp", "cme", "ssa"), out.stream().map(Outcome::solver).toList(), "each solver once, in request order");
        assertTrue(out.get(0).ran() && out.get(2).ran());
        assertEquals("handles 2 species only", out.get(1).skipped());
        assertEquals(SolverPhase.SKIPPED, run.state("cme").phase());
    }

    @Test void anUnknownSolverFailsBeforeAnythingRuns() {
        List<String> ran = new ArrayList<>();
        Solver ssa = new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of("ssa"); }
            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) { ran.add("ssa"); return new SolverResult(descriptor(), List.of(), Map.of()); }
        };
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SimulationService.sameThread(solvers(ssa)).start(request(List.of("ssa", "nope"))));
        assertEquals("unknown solver 'nope' (known: ssa)", e.getMessage());
        assertEquals(List.of(), ran);
    }

    @Test void aBatchStopsAtTheFirstFailureAWindowRunGoesOn() {
        RunSettings s = BIRTH_DEATH.run().withSamples(11).withSolvers(List.of("cme", "ssa"));
        SolverRegistry registry = solvers(counting("cme", 3), counting("ssa", 99));
        Run batch = SimulationService.sameThread(registry).start(new RunRequest(BIRTH_DEATH.model(), s, SolverOptions.defaults(), true));
        assertEquals(SolverPhase.FAILED, batch.state("cme").phase());
        assertEquals(SolverPhase.CANCELLED, batch.state("ssa").phase(), "later solvers do not run");
        assertEquals("cme: population bound 1000 hit at t = 3.0", batch.outcomes().get(0).failed());
        Run window = SimulationService.sameThread(registry).start(new RunRequest(BIRTH_DEATH.model(), s, SolverOptions.defaults(), false));
        assertEquals(SolverPhase.DONE, window.state("ssa").phase());
    }
}
