package org.kmlab.run;

import org.kmlab.model.ModelException;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * One run of several solvers on one request. Each solver reports into this run's own
 * {@link Recording}; its state (phase, progress, events, failure message) is kept as immutable
 * {@link SolverState} values, so any thread may read a consistent view at any time. Failures
 * (SolverException, ModelException, anything else) become a message, never an exception for the caller.
 */
public final class Run {
    private final RunRequest request;
    private final Problem problem;
    private final Recording recording;
    private final CancellationToken token = new CancellationToken();
    private final AtomicReferenceArray<SolverState> states;
    private final AtomicReferenceArray<Map<String, Object>> infos;
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;

    Run(RunRequest request) {
        this.request = request;
        this.problem = Problem.of(request.model(), request.settings(), request.options());
        List<String> ids = request.settings().solvers();
        this.recording = new Recording(problem.times(), ids);
        this.states = new AtomicReferenceArray<>(ids.size());
        this.infos = new AtomicReferenceArray<>(ids.size());
        for (int i = 0; i < ids.size(); i++) states.set(i, SolverState.waiting(ids.get(i)));
    }

    public RunRequest request() { return request; }

    public Recording recording() { return recording; }

    public int trajectories() { return problem.trajectories(); }

    public void cancel() { token.cancel(); }

    public boolean isCancelled() { return token.isCancelled(); }

    /** States of every solver of the run, in request order. */
    public List<SolverState> states() {
        List<SolverState> out = new ArrayList<>(states.length());
        for (int i = 0; i < states.length(); i++) out.add(states.get(i));
        return out;
    }

    /** The state of one solver, or null when the run does not include it. */
    public SolverState state(String solver) {
        int i = recording.solvers().indexOf(solver);
        return i < 0 ? null : states.get(i);
    }

    /** Solver-specific facts of a finished solver (events, wall seconds…), or an empty map. */
    public Map<String, Object> info(String solver) {
        int i = recording.solvers().indexOf(solver);
        Map<String, Object> m = i < 0 ? null : infos.get(i);
        return m == null ? Map.of() : m;
    }

    /** True when every solver is done, failed or cancelled. */
    public boolean isFinished() {
        for (int i = 0; i < states.length(); i++) if (!states.get(i).phase().isFinal()) return false;
        return true;
    }

    /** Seconds since the run started, frozen when it finishes. */
    public double elapsedSeconds() {
        long end = isFinished() && endNanos != 0 ? endNanos : System.nanoTime();
        return (end - startNanos) * 1e-9;
    }

    /** User-facing messages of failed solvers, e.g. "ssa: population bound hit at t = 3.2", joined; empty when none. */
    public String failureMessage() {
        List<String> m = new ArrayList<>();
        for (SolverState s : states()) if (s.phase() == SolverPhase.FAILED) m.add(s.solver() + ": " + s.message());
        return String.join("  •  ", m);
    }

    /**
     * The last output index for which every solver still going (or done) has data: the edge that
     * "play" may advance to. Failed solvers do not hold it back; −1 when nothing has arrived.
     */
    public int liveEdge() {
        int edge = Integer.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < states.length(); i++) {
            SolverState s = states.get(i);
            int h = recording.highestIndex(s.solver());
            if (s.phase() == SolverPhase.FAILED || s.phase() == SolverPhase.CANCELLED) {
                if (h >= 0) any = true;
                continue;
            }
            any = true;
            edge = Math.min(edge, h);
        }
        if (edge == Integer.MAX_VALUE) {   // every solver failed: show whatever arrived
            edge = -1;
            for (String id : recording.solvers()) edge = Math.max(edge, recording.highestIndex(id));
        }
        return any ? edge : -1;
    }

    /** Runs solver {@code i} on the calling thread; never throws. */
    void execute(int i, Function<String, Solver> solvers) {
        String id = recording.solvers().get(i);
        try {
            if (token.isCancelled()) throw new CancelledException();
            Solver solver = solvers.apply(id);
            if (!solver.supports(problem.model())) {
                finish(i, SolverPhase.FAILED, "not available for this model");
                return;
            }
            states.updateAndGet(i, s -> s.with(SolverPhase.RUNNING, ""));
            SolverResult result = solver.solve(problem, new Listener(i), token);
            infos.set(i, result.info());
            for (int k = 0; k < result.snapshots().size() && k < recording.timeCount(); k++) {
                if (recording.get(id, k) == null) recording.put(i, k, result.at(k));
            }
            Object events = result.info().get("events");
            if (events instanceof Number n) states.updateAndGet(i, s -> s.withEvents(n.longValue()));
            finish(i, SolverPhase.DONE, "");
        } catch (CancelledException e) {
            finish(i, SolverPhase.CANCELLED, "");
        } catch (SolverException | ModelException e) {
            finish(i, token.isCancelled() ? SolverPhase.CANCELLED : SolverPhase.FAILED, e.getMessage());
        } catch (RuntimeException | Error e) {   // a bug in a solver must not take the window down
            finish(i, SolverPhase.FAILED, "internal error (" + e + ")");
        }
    }

    private void finish(int i, SolverPhase phase, String message) {
        states.updateAndGet(i, s -> s.with(phase, message));
        if (isFinished()) endNanos = System.nanoTime();
    }

    /** Connects one solver's output to the recording; called on the solver's thread. */
    private final class Listener implements SnapshotListener {
        private final int solver;

        Listener(int solver) { this.solver = solver; }

        @Override public void onSnapshot(int k, Snapshot snapshot) {
            if (!token.isCancelled()) recording.put(solver, k, snapshot);
        }

        @Override public void onProgress(double fraction) {
            double f = Math.max(0, Math.min(1, fraction));
            states.updateAndGet(solver, s -> s.withProgress(f));
        }

        @Override public void onEvents(long events) {
            states.updateAndGet(solver, s -> s.withEvents(events));
        }
    }
}
