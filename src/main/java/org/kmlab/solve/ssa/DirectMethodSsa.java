package org.kmlab.solve.ssa;

import org.kmlab.model.Model;
import org.kmlab.model.Propensities;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gillespie's direct method (D. T. Gillespie, J. Phys. Chem. 81:2340, 1977) over an ensemble of N
 * trajectories, run time-major: all N trajectories are advanced to output time t₁, snapshot 1 is
 * published, then t₂, and so on, so a viewer sees the whole cloud move. Snapshot 0 is the state
 * at {@code times[0]} (the initial state when that is 0).
 *
 * <p>Trajectory i draws from its own SplitMix64 stream derived from (seed, i) and the statistics
 * are reduced in trajectory order, so every snapshot is bit-identical for any thread count.
 * Snapshots are in x = n/Ω units (see {@link EnsembleStatistics}).
 *
 * <p>{@link SolverResult#info()}: {@code events} (long), {@code wallSeconds}, {@code eventsPerSecond},
 * {@code threads}, {@code trajectories}.
 */
public final class DirectMethodSsa implements Solver {
    public static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("ssa", "SSA (Gillespie)", "SSA",
            SolverDescriptor.Output.SAMPLES, 1, 0, "Gillespie's direct method: an ensemble of exact trajectories");

    @Override public SolverDescriptor descriptor() { return DESCRIPTOR; }

    /**
     * @throws org.kmlab.solve.SolverException a population passed {@link SolverOptions#populationBound()}
     *         or a formula propensity went negative or NaN (the message names it)
     * @throws org.kmlab.solve.CancelledException the token was cancelled
     */
    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        long started = System.nanoTime();
        Model model = problem.model();
        SolverOptions options = problem.options();
        int trajectories = problem.trajectories();
        int threads = Math.max(1, Math.min(options.effectiveThreads(), trajectories));

        Ensemble ensemble = Ensemble.start(model, trajectories, problem.seed());
        Propensities propensities = model.propensities();
        CancellationToken halt = new CancellationToken();
        DirectMethodStepper[] steppers = new DirectMethodStepper[threads];
        for (int w = 0; w < threads; w++) {
            steppers[w] = new DirectMethodStepper(propensities, options.populationBound(), cancel, halt);
        }
        EnsembleStatistics statistics = new EnsembleStatistics(model.size(), options.keepSamples());

        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        long events;
        try (EnsembleRunner runner = new EnsembleRunner(ensemble, steppers, halt)) {
            double t = 0;
            for (int k = 0; k < problem.sampleCount(); k++) {
                cancel.check();
                double tk = problem.time(k);
                if (tk > t) runner.advanceAll(t, tk);
                t = tk;
                Snapshot snapshot = statistics.snapshot(tk, ensemble);
                snapshots.add(snapshot);
                listener.onSnapshot(k, snapshot);
                listener.onProgress(problem.tEnd() > 0 ? tk / problem.tEnd() : 1.0);
                listener.onEvents(runner.events());   // the window's events-per-second readout
            }
            events = runner.events();
        }
        double seconds = (System.nanoTime() - started) * 1e-9;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("events", events);
        info.put("wallSeconds", seconds);
        info.put("eventsPerSecond", seconds > 0 ? events / seconds : 0.0);
        info.put("threads", threads);
        info.put("trajectories", trajectories);
        return new SolverResult(DESCRIPTOR, snapshots, info);
    }
}
