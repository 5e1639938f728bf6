package org.kmlab.run;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs several solvers on one problem, one after the other, on the calling thread (the CLI's
 * batch mode; each solver may still use its own worker threads). A solver that does not support
 * the model is skipped, not failed. A {@link org.kmlab.solve.SolverException} from any solver
 * ends the whole batch: the caller writes nothing rather than a partial set of results.
 */
public final class BatchRun {
    /** Hears what the batch is doing; all methods are called on the solver's threads and must be quick. */
    public interface Listener {
        default void started(String solver) {}

        /** Fraction of this solver's work done, in [0, 1]. */
        default void progress(String solver, double fraction) {}

        default void finished(String solver, double wallSeconds) {}

        default void skipped(String solver, String reason) {}

        Listener NONE = new Listener() {};
    }

    /** One solver's part of the batch: either its result, or the reason it was skipped. */
    public record Outcome(String solver, SolverResult result, String skipped) {
        public Outcome {
            Objects.requireNonNull(solver);
            if ((result == null) == (skipped == null)) throw new IllegalArgumentException("an outcome has exactly one of result or skipped reason");
        }

        public static Outcome ran(SolverResult result) { return new Outcome(result.solver(), result, null); }

        public static Outcome skipped(String solver, String reason) { return new Outcome(solver, null, reason); }

        public boolean isSkipped() { return skipped != null; }
    }

    private final Function<String, Solver> solvers;

    /** A batch over the built-in solvers of {@link SolverRegistry}. */
    public BatchRun() { this(SolverRegistry::byId); }

    /** A batch over the solvers that {@code solvers} returns by id (it throws IllegalArgumentException for an unknown id). */
    public BatchRun(Function<String, Solver> solvers) { this.solvers = Objects.requireNonNull(solvers); }

    /**
     * Runs the solvers with these ids in order (duplicates run once). Every id is looked up
     * before anything runs, so an unknown id fails fast with IllegalArgumentException.
     */
    public List<Outcome> run(Problem problem, List<String> ids, Listener listener, CancellationToken cancel) {
        List<Solver> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) chosen.add(solvers.apply(id));
        List<Outcome> outcomes = new ArrayList<>();
        for (Solver solver : chosen) {
            cancel.check();
            String id = solver.id();
            if (!solver.supports(problem.model())) {
                String reason = unsupportedReason(problem.model());
                listener.skipped(id, reason);
                outcomes.add(Outcome.skipped(id, reason));
                continue;
            }
            listener.started(id);
            long start = System.nanoTime();
            SolverResult result = solver.solve(problem, progressOf(id, listener), cancel);
            listener.finished(id, (System.nanoTime() - start) * 1e-9);
            outcomes.add(Outcome.ran(result));
        }
        return List.copyOf(outcomes);
    }

    /** The solver interface says only yes or no; name what usually decides it. */
    private static String unsupportedReason(Model model) {
        int d = model.speciesCount();
        boolean signed = model.species().stream().anyMatch(s -> s.signed());
        return "not supported for this model (" + d + " species" + (signed ? ", signed coordinates" : "") + ")";
    }

    private static SnapshotListener progressOf(String id, Listener listener) {
        return new SnapshotListener() {
            @Override public void onSnapshot(int k, Snapshot snapshot) {}

            @Override public void onProgress(double fraction) { listener.progress(id, fraction); }
        };
    }
}
