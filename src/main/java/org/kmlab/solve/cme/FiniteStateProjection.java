package org.kmlab.solve.cme;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chemical master equation solved on a truncated lattice: the finite state projection of
 * Munsky & Khammash (J. Chem. Phys. 124, 044104, 2006). Probability that would jump out of the
 * lattice is moved to a sink, so the P kept is a lower bound of the true P and the sink is the
 * exact L1 error of the truncation. Time stepping is uniformization (Jensen 1953), accurate to
 * ~10⁻¹⁴ per output interval; consecutive output times share one uniformization sequence
 * ({@link PoissonSweep}) instead of restarting at each, and the matrix-vector products are spread
 * over {@code options.effectiveThreads()} threads ({@link StepTeam}, one per 20,000 states at most)
 * with results bit-identical to one thread.
 *
 * <p>The lattice: a box from the linear-noise envelope of the model (mean ± 10σ in 1-D, ± 8σ in
 * 2-D, plus a margin; a count's axis starts at 0), see {@link LatticeChooser}. A 2-D mass-action
 * box loses its high-rate corner (states with a larger exit rate than any met on the 8σ ellipses),
 * which would otherwise set the step cost. When an output interval loses more than its share of
 * {@value #LOSS_BUDGET} the lattice grows on the sides that leak and the interval is redone
 * (at most {@value #MAX_GROWTHS} times), so heavy tails the Gaussian envelope misses are still
 * caught. Limits: 100,000 states in 1-D, 250,000 in 2-D; a model whose first box is larger is
 * refused with a message; one that would grow past them keeps and reports its loss. 1 or 2 species.
 *
 * <p>Output in x = n/Ω units: mean and covariance of P conditioned on the lattice (divided by its
 * mass), marginal densities P(n)·Ω on cells 1/Ω wide, the 2-D joint P·Ω² (summed over blocks
 * when wider than 400 cells), {@code mass} = probability still on the lattice. {@code info}:
 * truncationError (the sink at tEnd = 1 − final mass), states, box ({@code [lo, hi]} in 1-D,
 * {@code [lo0, hi0, lo1, hi1]} in 2-D), cornerCut, growths, lambda (uniformization rate Λ, per
 * unit time), matrixVectorProducts, threads, wallSeconds.
 */
public final class FiniteStateProjection implements Solver {
    public static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("cme", "Master equation", "CME",
            SolverDescriptor.Output.LATTICE, 2, 1, "the exact probability of every state on a truncated lattice (finite state projection)");

    @Override public SolverDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String unsupportedReason(Model model) {
        int d = model.speciesCount();
        return d <= 2 ? null : "handles 1 or 2 species; this model has " + d;
    }

    /** Allowed loss over the whole run; an interval may lose its share (by length) before the lattice grows. */
    static final double LOSS_BUDGET = 1e-8;
    /** Most times the lattice grows in one run. */
    static final int MAX_GROWTHS = 8;
    /** Fewest states worth a thread of their own. */
    static final int MIN_STATES_PER_THREAD = 20_000;

    private final int minStatesPerThread;

    public FiniteStateProjection() {
        this(MIN_STATES_PER_THREAD);
    }

    /** For tests: share even small lattices between threads. */
    FiniteStateProjection(int minStatesPerThread) {
        this.minStatesPerThread = minStatesPerThread;
    }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        Model model = problem.model();
        if (!supports(model)) throw new SolverException("cme: " + unsupportedReason(model));
        LatticeChooser.Plan plan = LatticeChooser.plan(model, problem.tEnd());
        Lattice lattice = LatticeChooser.build(model, plan);
        Generator generator = Generator.of(model, lattice);
        try (StepTeam team = new StepTeam(threadsFor(problem, lattice))) {
            return solve(problem, listener, cancel, plan, lattice, generator, team, start);
        }
    }

    private SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel, LatticeChooser.Plan plan,
                               Lattice lattice, Generator generator, StepTeam team, long start) {
        Run run = new Run(problem, listener, cancel, plan, lattice, generator, team);
        run.solve();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("truncationError", run.lost);
        info.put("states", run.lattice.states());
        info.put("box", run.lattice.describe());
        info.put("cornerCut", !run.lattice.isFull());
        info.put("growths", run.growths);
        info.put("lambda", run.generator.lambda());
        info.put("matrixVectorProducts", run.products + run.sweep.products() + run.single.products());
        info.put("threads", team.threads());
        info.put("wallSeconds", (System.nanoTime() - start) * 1e-9);
        return new SolverResult(DESCRIPTOR, run.out, info);
    }

    /**
     * One solve: output times in stretches sharing a uniformization sequence ({@link PoissonSweep});
     * an interval longer than one sequence may be ({@link Uniformization#MAX_TERMS_PER_PIECE}) is
     * done alone, in pieces. When an interval leaks more than its share of the budget, the lattice
     * grows and the run restarts from the last output accepted.
     */
    private static final class Run {
        final Problem problem;
        final Model model;
        final SnapshotListener listener;
        final CancellationToken cancel;
        final StepTeam team;
        final double[] times;
        final double tEnd;
        final List<Snapshot> out;
        LatticeChooser.Plan plan;
        Lattice lattice;
        Generator generator;
        PoissonSweep sweep;
        Uniformization single;
        LatticeSnapshots snapshots;
        double[] p;
        double t, lost, reached;
        long products;
        int growths, next;
        LatticeChooser.Plan biggerPlan;   // set when a stretch stopped to grow the lattice
        Lattice bigger;

        Run(Problem problem, SnapshotListener listener, CancellationToken cancel, LatticeChooser.Plan plan,
            Lattice lattice, Generator generator, StepTeam team) {
            this.problem = problem;
            this.model = problem.model();
            this.listener = listener;
            this.cancel = cancel;
            this.team = team;
            this.times = problem.times();
            this.tEnd = problem.tEnd();
            this.out = new ArrayList<>(times.length);
            this.plan = plan;
            this.p = new double[lattice.states()];
            p[lattice.index(model.initialCounts())] = 1;
            use(lattice, generator);
        }

        private void use(Lattice lattice, Generator generator) {
            if (sweep != null) products += sweep.products() + single.products();
            this.lattice = lattice;
            this.generator = generator;
            this.sweep = new PoissonSweep(generator, team, cancel);
            this.single = new Uniformization(generator, team, cancel);
            this.snapshots = new LatticeSnapshots(lattice, model.size());
        }

        void solve() {
            while (next < times.length) {
                if (times[next] <= t) {
                    emit(next++);
                } else if (generator.lambda() * (times[next] - t) > Uniformization.MAX_TERMS_PER_PIECE) {
                    advanceAlone();
                } else {
                    int last = PoissonSweep.stretchEnd(generator.lambda(), t, times, next);
                    double ts = t, lostAtStart = lost;
                    double[] lostBefore = {0};
                    sweep.run(p, ts, times, next, last, (j, pj, lostSinceStart) -> {
                        double span = times[j] - t, leaked = lostSinceStart - lostBefore[0];
                        if (leaked > LOSS_BUDGET * span / tEnd && growths < MAX_GROWTHS && planGrowth(pj)) return false;
                        System.arraycopy(pj, 0, p, 0, p.length);
                        lostBefore[0] = lostSinceStart;
                        lost = lostAtStart + lostSinceStart;
                        t = times[j];
                        emit(next++);
                        return true;
                    }, this::progress);
                    if (bigger != null) grow();
                }
            }
        }

        /** An interval too long for one sequence, as the old single-interval stepper does it. */
        private void advanceAlone() {
            double from = t, span = times[next] - t;
            double[] saved = p.clone();
            double leaked = single.advance(p, span, f -> progress(from + f * span));
            if (leaked > LOSS_BUDGET * span / tEnd && growths < MAX_GROWTHS && planGrowth(p)) {
                p = saved;
                grow();
                return;
            }
            lost += leaked;
            t = times[next];
            emit(next++);
        }

        /** Plans a larger lattice from where {@code pAtLeak} leaks; false when it cannot grow (the loss is then kept). */
        private boolean planGrowth(double[] pAtLeak) {
            LatticeChooser.Plan candidate = LatticeChooser.grown(model, plan, LeakSides.of(model, lattice, pAtLeak));
            Lattice built = candidate == null ? null : buildOrNull(model, candidate);
            if (built == null) return false;
            biggerPlan = candidate;
            bigger = built;
            return true;
        }

        /** Moves p (at time t) onto the planned lattice. */
        private void grow() {
            growths++;
            double[] moved = new double[bigger.states()];
            lost += LeakSides.embed(lattice, p, bigger, moved);
            p = moved;
            plan = biggerPlan;
            Lattice next = bigger;
            bigger = null;
            biggerPlan = null;
            use(next, Generator.of(model, next));
        }

        private void emit(int k) {
            Snapshot s = snapshots.of(times[k], p);
            out.add(s);
            listener.onSnapshot(k, s);
            progress(tEnd > 0 ? t : 1);
        }

        /** Reports the time reached as a fraction of tEnd, never going back (an estimate may run ahead, a growth restarts). */
        private void progress(double time) {
            reached = Math.max(reached, tEnd > 0 ? Math.min(1, time / tEnd) : 1);
            listener.onProgress(reached);
        }
    }

    /** The option's threads, but one for a lattice too small to share: a step there is shorter than a hand-off. */
    private int threadsFor(Problem problem, Lattice lattice) {
        return Math.max(1, Math.min(problem.options().effectiveThreads(), lattice.states() / minStatesPerThread));
    }

    private static Lattice buildOrNull(Model model, LatticeChooser.Plan plan) {
        try {
            return LatticeChooser.build(model, plan);
        } catch (SolverException tooLarge) {
            return null;
        }
    }
}
