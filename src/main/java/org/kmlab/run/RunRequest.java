package org.kmlab.run;

import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;
import org.kmlab.solve.SolverOptions;

import java.util.Objects;

/**
 * What to run: a model at its current parameter values, run settings (which name the solvers),
 * solver options, and whether the first failure stops the rest (the command line writes all
 * files or none, so it need not finish the others). The options of each use are chosen here and
 * nowhere else: {@link #window}, {@link #figure}, {@link #batch}.
 */
public record RunRequest(Model model, RunSettings settings, SolverOptions options, boolean stopOnFailure) {
    /** Trajectories whose states a window snapshot keeps: sample paths in 1-D, the dots of the 2-D cloud. */
    static final int SAMPLE_PATHS_1D = 20, CLOUD_POINTS = 2000;

    public RunRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
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
