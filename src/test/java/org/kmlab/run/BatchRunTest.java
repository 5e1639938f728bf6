package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchRunTest {
    private final List<String> ran = new ArrayList<>();
    private final Problem problem = new Problem(PresetIO.read(Path.of("presets/birth-death.json")).model(), new double[] {0, 1}, 1, 1, SolverOptions.defaults());

    private Solver recording(String id, boolean supported) {
        return new Solver() {
            @Override public String id() { return id; }

            @Override public boolean supports(Model m) { return supported; }

            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) {
                ran.add(id);
                l.onProgress(0.5);
                Snapshot s = new Snapshot(0, new double[] {0}, new double[][] {{0}}, null, null, null, 1);
                return new SolverResult(id, List.of(s, s), Map.of());
            }
        };
    }

    private BatchRun batch(Solver... solvers) {
        return new BatchRun(id -> {
            for (Solver s : solvers) if (s.id().equals(id)) return s;
            throw new IllegalArgumentException("unknown solver '" + id + "'");
        });
    }

    @Test
    void runsInOrderOnceEachAndSkipsUnsupported() {
        List<String> events = new ArrayList<>();
        BatchRun.Listener listener = new BatchRun.Listener() {
            @Override public void started(String s) { events.add("start " + s); }
            @Override public void progress(String s, double f) { events.add(s + " " + f); }
            @Override public void finished(String s, double w) { events.add("end " + s); }
            @Override public void skipped(String s, String why) { events.add("skip " + s); }
        };
        List<BatchRun.Outcome> out = batch(recording("fp", true), recording("cme", false), recording("ssa", true))
                .run(problem, List.of("fp", "cme", "ssa", "fp"), listener, CancellationToken.none());
        assertEquals(List.of("fp", "ssa"), ran);
        assertEquals(List.of("fp", "cme", "ssa"), out.stream().map(BatchRun.Outcome::solver).toList());
        assertTrue(out.get(1).isSkipped() && out.get(1).skipped().contains("1 species"), out.get(1).skipped());
        assertEquals(List.of("start fp", "fp 0.5", "end fp", "skip cme", "start ssa", "ssa 0.5", "end ssa"), events);
    }

    @Test
    void unknownIdFailsBeforeAnythingRuns() {
        BatchRun b = batch(recording("ssa", true));
        assertThrows(IllegalArgumentException.class, () -> b.run(problem, List.of("ssa", "nope"), BatchRun.Listener.NONE, CancellationToken.none()));
        assertEquals(List.of(), ran);
    }

    @Test
    void aSolverExceptionEndsTheBatch() {
        Solver failing = new Solver() {
            @Override public String id() { return "cme"; }

            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) { throw new SolverException("cme: too big"); }
        };
        BatchRun b = batch(failing, recording("ssa", true));
        SolverException e = assertThrows(SolverException.class, () -> b.run(problem, List.of("cme", "ssa"), BatchRun.Listener.NONE, CancellationToken.none()));
        assertEquals("cme: too big", e.getMessage());
        assertEquals(List.of(), ran, "later solvers do not run");
    }
}
