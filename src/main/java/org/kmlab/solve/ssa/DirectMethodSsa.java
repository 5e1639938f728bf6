package org.kmlab.solve.ssa;

import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.ensemble.Ensemble;
import org.kmlab.solve.ensemble.EnsembleRunner;
import org.kmlab.solve.ensemble.EnsembleStatistics;

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
 * <p>The ensemble engine ({@link org.kmlab.solve.ensemble}) does everything but the events:
 * trajectory i draws from its own stream derived from (seed, i), the runner splits the ensemble
 * into fixed chunks over the worker threads, and the statistics are reduced in trajectory order,
 * so every snapshot is bit-identical for any thread count. Snapshots are in x = n/Ω units (see
 * {@link EnsembleStatistics}). A {@link SolverOptions#fineStepObserver()} sees the exact path at
 * fine steps without changing the numbers.
 *
 * <p>{@link SolverResult#info()}: {@code events} (long), {@code wallSeconds}, {@code eventsPerSecond},
 * {@code threads}, {@code trajectories}; for a model with events also {@code eventsFired} (model
 * events, over all trajectories; {@code events} counts reactions);
 * for a model with an absorbing set also
 * {@code firstPassage} ({@link FirstPassage}): a trajectory that enters the set is frozen there
 * (its stream is not drawn from again) and its entry time, the event's time, recorded; a model
 * without a set runs exactly as before (one null check per event).
 */
public final class DirectMethodSsa implements Solver {
    public static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("ssa", "SSA (Gillespie)", "SSA",
            SolverDescriptor.Output.SAMPLES, 1, 0, "Gillespie's direct method: an ensemble of exact trajectories");

    /** Whether reactions are chosen from the partial-sum tree: from {@link Network#LINEAR_MAX} reactions on, unless a test says. */
    private final Boolean tree;

    public DirectMethodSsa() { this(null); }

    /** @param tree true/false forces the tree/the linear search (tests check both ways on one model); null chooses by size */
    DirectMethodSsa(Boolean tree) { this.tree = tree; }

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

        long[] initial = model.initialCounts();
        double[] counts = new double[initial.length];
        for (int s = 0; s < counts.length; s++) counts[s] = initial[s];
        Ensemble ensemble = Ensemble.start(counts, model.size(), model.size(), trajectories, problem.seed());
        boolean passage = !model.absorbing().isEmpty();
        if (passage) ensemble.trackPassage();
        double[] survival = new double[problem.sampleCount()];
        Network network = tree == null ? new Network(model) : new Network(model, tree);
        CancellationToken halt = new CancellationToken();
        DirectMethodStepper[] steppers = new DirectMethodStepper[threads];
        EventMemory memory = network.events == null ? null : new EventMemory(network.events, model.baseEnvironment(), trajectories);
        for (int w = 0; w < threads; w++) {
            steppers[w] = new DirectMethodStepper(network, options.populationBound(), cancel, halt, memory);
        }
        if (memory != null) {   // events due at the very start show in snapshot 0 (one thread: a few evaluations per member)
            for (int i = 0; i < trajectories; i++) steppers[0].start(ensemble, i, 0.0);
        }
        EnsembleStatistics statistics = new EnsembleStatistics(options.keepSamples(), model.observableWeights(), LatticeWalls.of(model));

        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        try (EnsembleRunner runner = new EnsembleRunner("ssa", ensemble, steppers, halt, options.fineStepObserver())) {
            double t = 0;
            for (int k = 0; k < problem.sampleCount(); k++) {
                cancel.check();
                double tk = problem.time(k);
                runner.reach(k, t, tk);
                t = tk;
                if (passage) survival[k] = surviving(ensemble);
                Snapshot snapshot = statistics.snapshot(tk, ensemble);
                snapshots.add(snapshot);
                listener.onSnapshot(k, snapshot);
                listener.onProgress(problem.tEnd() > 0 ? tk / problem.tEnd() : 1.0);
                listener.onEvents(events(steppers));   // the window's events-per-second readout
            }
        }
        long events = events(steppers);
        double seconds = (System.nanoTime() - started) * 1e-9;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("events", events);
        info.put("wallSeconds", seconds);
        info.put("eventsPerSecond", seconds > 0 ? events / seconds : 0.0);
        info.put("threads", threads);
        info.put("trajectories", trajectories);
        if (memory != null) {
            long fired = 0;
            for (DirectMethodStepper s : steppers) fired += s.eventsFired();
            info.put("eventsFired", fired);
        }
        if (passage) info.put(FirstPassage.KEY, firstPassage(problem, ensemble, survival));
        return new SolverResult(DESCRIPTOR, snapshots, info);
    }

    /** The fraction of members not absorbed yet. */
    private static double surviving(Ensemble ensemble) {
        int alive = 0;
        for (int i = 0; i < ensemble.size(); i++) if (!ensemble.absorbed(i)) alive++;
        return (double) alive / ensemble.size();
    }

    /**
     * The mean over the absorbed members' passage times and its standard error (s/√m), summed in
     * member order so the result does not depend on the thread count. Members still alive at tEnd
     * are censored: the mean is over the absorbed ones only, and is biased low when many are alive.
     */
    static FirstPassage firstPassage(Problem problem, Ensemble ensemble, double[] survival) {
        long m = 0;
        double sum = 0;
        for (int i = 0; i < ensemble.size(); i++) {
            if (ensemble.absorbed(i)) {
                m++;
                sum += ensemble.passageTime(i);
            }
        }
        double mean = m > 0 ? sum / m : Double.NaN, squares = 0;
        for (int i = 0; i < ensemble.size(); i++) {
            if (ensemble.absorbed(i)) squares += (ensemble.passageTime(i) - mean) * (ensemble.passageTime(i) - mean);
        }
        double se = m > 1 ? Math.sqrt(squares / (m - 1) / m) : Double.NaN;
        return new FirstPassage(problem.times(), survival, mean, se, m, "mean over the " + m + " of " + ensemble.size() + " trajectories absorbed by t = " + problem.tEnd());
    }

    private static long events(DirectMethodStepper[] steppers) {
        long e = 0;
        for (DirectMethodStepper s : steppers) e += s.events();
        return e;
    }
}
