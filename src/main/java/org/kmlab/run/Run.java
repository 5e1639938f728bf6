package org.kmlab.run;

import org.kmlab.model.ModelException;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One run of several solvers on one request: the one pipeline of the window, {@code kmlab run}
 * and {@code kmlab export}. Each solver reports into this run's own {@link Recording}; its state
 * (phase, progress, events, message) is kept as immutable {@link SolverState} values, so any
 * thread may read a consistent view at any time. Every solver ends with an {@link Outcome}: ran,
 * skipped (it cannot handle the model, with its own reason) or failed (SolverException,
 * ModelException or an internal error, with a message). Nothing is thrown at the caller.
 */
public final class Run {
    private final RunRequest request;
    private final Problem problem;
    private final Recording recording;
    private final List<Solver> solvers;
    private final RunListener listener;
    private final CancellationToken token = new CancellationToken();
    private final AtomicReferenceArray<SolverState> states;
    private final AtomicReferenceArray<SolverResult> results;
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;

    /** @throws IllegalArgumentException a solver id of the request is not in the registry */
    Run(RunRequest request, SolverRegistry registry, RunListener listener) {
        this.request = request;
        this.listener = listener;
        this.problem = Problem.of(request.model(), request.settings(), request.options());
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(request.settings().solvers()));
        this.solvers = new ArrayList<>();
        for (String id : ids) solvers.add(registry.byId(id));
        this.recording = new Recording(problem.times(), solvers.stream().map(Solver::descriptor).toList());
        this.states = new AtomicReferenceArray<>(ids.size());
        this.results = new AtomicReferenceArray<>(ids.size());
        for (int i = 0; i < ids.size(); i++) states.set(i, SolverState.waiting(ids.get(i)));
    }

    /** The problem every solver of this run solves (model, output times, ensemble size, seed, options). */
    public Problem problem() { return problem; }

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
        SolverResult r = i < 0 ? null : results.get(i);
        return r == null ? Map.of() : r.info();
    }

    /**
     * How each solver ended, in request order: ran (with its result), skipped or failed (with the
     * reason); a solver cancelled or still going has no outcome yet and is left out.
     */
    public List<Outcome> outcomes() {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < states.length(); i++) {
            SolverState s = states.get(i);
            switch (s.phase()) {
                case DONE -> out.add(Outcome.ran(results.get(i)));
                case SKIPPED -> out.add(Outcome.skipped(s.solver(), s.message()));
                case FAILED -> out.add(Outcome.failed(s.solver(), qualified(s)));
                default -> { }
            }
        }
        return out;
    }

    /** The first failed solver's state, if any. */
    public java.util.Optional<SolverState> firstFailure() {
        for (SolverState s : states()) if (s.phase() == SolverPhase.FAILED) return java.util.Optional.of(s);
        return java.util.Optional.empty();
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
        for (SolverState s : states()) if (s.phase() == SolverPhase.FAILED) m.add(qualified(s));
        return String.join("  •  ", m);
    }

    /** The message prefixed with the solver's id, unless it already names it. */
    static String qualified(SolverState s) {
        return s.message().startsWith(s.solver() + ":") ? s.message() : s.solver() + ": " + s.message();
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
            if (s.phase() == SolverPhase.FAILED || s.phase() == SolverPhase.CANCELLED || s.phase() == SolverPhase.SKIPPED) {
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
    void execute(int i) {
        Solver solver = solvers.get(i);
        try {
            if (token.isCancelled()) throw new CancelledException();
            String reason = solver.unsupportedReason(problem.model());
            if (reason != null) {
                finish(i, SolverPhase.SKIPPED, reason);
                return;
            }
            if (request.stopOnFailure() && firstFailure().isPresent()) throw new CancelledException();
            update(i, s -> s.with(SolverPhase.RUNNING, ""));
            Problem own = request.observers().isEmpty() ? problem : problem.withOptions(request.optionsFor(solver.id()));
            SolverResult result = solver.solve(own, new Listener(i), token);
            results.set(i, result);
            for (int k = 0; k < result.snapshots().size() && k < recording.timeCount(); k++) {
                if (recording.get(solver.id(), k) == null) recording.put(i, k, result.at(k));
            }
            FirstPassage.of(result).ifPresent(f -> recording.putPassage(i, f));
            Object events = result.info().get("events");
            if (events instanceof Number n) update(i, s -> s.withEvents(n.longValue()));
            finish(i, SolverPhase.DONE, "");
        } catch (CancelledException e) {
            finish(i, SolverPhase.CANCELLED, "");
        } catch (SolverException | ModelException e) {
            finish(i, token.isCancelled() ? SolverPhase.CANCELLED : SolverPhase.FAILED, e.getMessage());
        } catch (RuntimeException | Error e) {   // a bug in a solver must not take the window down
            update(i, s -> s.withCause(e));
            finish(i, SolverPhase.FAILED, "internal error (" + e + ")");
        }
    }

    private void update(int i, java.util.function.UnaryOperator<SolverState> change) {
        listener.changed(states.updateAndGet(i, change));
    }

    private void finish(int i, SolverPhase phase, String message) {
        update(i, s -> s.with(phase, message));
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
            update(solver, s -> s.withProgress(f));
        }

        @Override public void onEvents(long events) {
            update(solver, s -> s.withEvents(events));
        }
    }
}
