package org.kmlab.solve.cle;

import org.kmlab.model.ContinuumWalls;
import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.ensemble.Ensemble;
import org.kmlab.solve.ensemble.EnsembleRunner;
import org.kmlab.solve.ensemble.EnsembleStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chemical Langevin equation {@code dx = A(x) dt + √B(x) dW} (Gillespie, J. Chem. Phys. 113
 * (2000) 297) in x = n/Ω units, with the Fokker–Planck drift A and diffusion B of
 * {@link org.kmlab.model.KramersMoyal} (√B a Cholesky factor in 2-D and up), integrated by
 * Euler–Maruyama ({@link LangevinStepper}) for an ensemble of N paths: the trajectory view of the
 * Fokker–Planck equation.
 *
 * <p>The ensemble engine ({@link org.kmlab.solve.ensemble}) is the SSA's: all N paths go to output
 * time t_k, then snapshot k is published (mean, covariance, histograms binned as the SSA's, the
 * first {@code keepSamples} paths; {@link EnsembleStatistics}). Work is spread over
 * {@code options.effectiveThreads()} workers; each path draws from its own random stream derived
 * from (seed, path index), so results are bit-identical for any thread count. A
 * {@link org.kmlab.solve.SolverOptions#fineStepObserver()} sees every path at fine steps. Counts (species not
 * {@code signed}) are reflected at x = 0. The step comes from the rates ({@link StepRule}).
 * {@code info}: {@code paths}, {@code step} (the smallest step used), {@code stepsPerPath},
 * {@code threads}, {@code wallSeconds}, {@code pathsPerSecond}.
 */
public final class ChemicalLangevin implements Solver {
    /** The default accuracy factor c of {@link StepRule}: h ≤ c/ρ. */
    public static final double DEFAULT_STEP_FACTOR = 0.01;

    private final double stepFactor;

    public ChemicalLangevin() {
        this(DEFAULT_STEP_FACTOR);
    }

    /** @param stepFactor the accuracy factor c of the step rule h ≤ c/ρ, in (0, 1]; smaller is more accurate and slower */
    public ChemicalLangevin(double stepFactor) {
        if (!(stepFactor > 0 && stepFactor <= 1)) throw new IllegalArgumentException("stepFactor must be in (0, 1], got " + stepFactor);
        this.stepFactor = stepFactor;
    }

    public static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("cle", "Langevin (CLE)", "CLE",
            SolverDescriptor.Output.SAMPLES, 0, 3, "the chemical Langevin equation: an ensemble of continuous paths with FP's drift and noise");

    @Override public SolverDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String unsupportedReason(Model model) { return Solver.eventsReason(model); }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        Model model = problem.model();
        if (model.hasEvents()) throw new org.kmlab.solve.SolverException("cle: " + Solver.eventsReason(model));
        int n = problem.trajectories();
        double[] x0 = model.initialX();
        Ensemble ensemble = Ensemble.start(x0, 1, model.size(), n, problem.seed());
        LatticeWalls lattice = LatticeWalls.of(model);   // one scan for the histograms, the steps and the paths
        ContinuumWalls walls = model.speciesCount() == 1 ? ContinuumWalls.of(model, lattice) : null;
        EnsembleStatistics statistics = new EnsembleStatistics(problem.options().keepSamples(), model.observableWeights(), lattice);
        StepRule rule = new StepRule(model, stepFactor, walls);
        rule.observe(x0);

        int threads = Math.max(1, Math.min(problem.options().effectiveThreads(), n));
        CancellationToken halt = new CancellationToken();
        LangevinStepper[] steppers = new LangevinStepper[threads];
        for (int i = 0; i < threads; i++) steppers[i] = new LangevinStepper(model, problem.options().populationBound(), walls, cancel, halt);

        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        double t = 0, smallestStep = Double.POSITIVE_INFINITY;
        long stepsPerPath = 0;
        try (EnsembleRunner runner = new EnsembleRunner("cle", ensemble, steppers, halt, problem.options().fineStepObserver())) {
            for (int k = 0; k < problem.sampleCount(); k++) {
                cancel.check();
                double tk = problem.time(k);
                if (tk > t) {
                    int steps = rule.steps(tk - t);
                    for (LangevinStepper stepper : steppers) stepper.plan(steps);
                    smallestStep = Math.min(smallestStep, (tk - t) / steps);
                    stepsPerPath += steps;
                }
                runner.reach(k, t, tk);
                t = tk;
                Snapshot s = statistics.snapshot(tk, ensemble);
                snapshots.add(s);
                listener.onSnapshot(k, s);
                listener.onProgress((k + 1.0) / problem.sampleCount());
                rule.observe(s.mean());
            }
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        return new SolverResult(DESCRIPTOR, snapshots, Map.of(
                "paths", n,
                "step", Double.isInfinite(smallestStep) ? 0.0 : smallestStep,
                "stepsPerPath", stepsPerPath,
                "threads", threads,
                "wallSeconds", wall,
                "pathsPerSecond", n / Math.max(wall, 1e-9)));
    }
}
