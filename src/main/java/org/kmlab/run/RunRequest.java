package org.kmlab.run;

import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;
import org.kmlab.solve.FineStepObserver;
import org.kmlab.solve.SolverOptions;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: a model at its current parameter values, run settings (which name the solvers),
 * solver options, and whether the first failure stops the rest (the command line writes all
 * files or none, so it need not finish the others). The options of each use are chosen here and
 * nowhere else: {@link #window}, {@link #figure}, {@link #batch}. An analysis that watches one
 * ensemble solver's fine steps (Kramers–Moyal estimation) attaches its observer to that solver
 * alone ({@link #observedBy}): SSA and CLE in one run each need their own.
 *
 * @param observers fine-step observers by solver id, added to that solver's options only
 */
public record RunRequest(Model model, RunSettings settings, SolverOptions options, boolean stopOnFailure,
                         Map<String, FineStepObserver> observers) {
    /** Trajectories whose states a window snapshot keeps: sample paths in 1-D, the dots of the 2-D cloud. */
    static final int SAMPLE_PATHS_1D = 20, CLOUD_POINTS = 2000;

    public RunRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        observers = Map.copyOf(observers);
    }

    public RunRequest(Model model, RunSettings settings, SolverOptions options, boolean stopOnFailure) {
        this(model, settings, options, stopOnFailure, Map.of());
    }

    /** This request with {@code observer} watching solver {@code solver}'s fine steps (replacing one it had). */
    public RunRequest observedBy(String solver, FineStepObserver observer) {
        Map<String, FineStepObserver> m = new HashMap<>(observers);
        m.put(Objects.requireNonNull(solver), Objects.requireNonNull(observer));
        return new RunRequest(model, settings, options, stopOnFailure, m);
    }

    /** The options solver {@code id} runs with: the shared ones, with its own observer if it has one. */
    public SolverOptions optionsFor(String id) {
        FineStepObserver o = observers.get(id);
        return o == null ? options : options.withFineStepObserver(o);
    }

    /**
     * The window: partial snapshots at a drawable rate, enough kept states for the sample paths
     * and the 2-D cloud, and a core left for the UI; a failing solver leaves the others running.
     */
    public static RunRequest window(Model m, RunSettings s) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new RunRequest(m, s, drawable(m, s).withThreads(threads).withSnapshotsPerSecond(20), false);
    }

    /** A figure from the command line: the window's picture (same kept states), all cores, final snapshots only. */
    public static RunRequest figure(Model m, RunSettings s, int threads) {
        return new RunRequest(m, s, drawable(m, s).withThreads(threads), true);
    }

    /** {@code kmlab run}: all cores (or {@code threads}), stopping at the first failure. */
    public static RunRequest batch(Model m, RunSettings s, int threads) {
        return new RunRequest(m, s, SolverOptions.defaults().withThreads(threads).withGridCells(s.fpCells()), true);
    }

    private static SolverOptions drawable(Model m, RunSettings s) {
        return SolverOptions.defaults().withGridCells(s.fpCells()).withKeepSamples(m.speciesCount() >= 2 ? CLOUD_POINTS : SAMPLE_PATHS_1D);
    }
}
