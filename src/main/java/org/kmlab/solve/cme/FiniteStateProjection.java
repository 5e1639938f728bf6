package org.kmlab.solve.cme;

import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.Map;

/**
 * The chemical master equation solved by finite state projection (Munsky & Khammash, J. Chem.
 * Phys. 124, 044104, 2006) on a sliding window (Wolf et al., BMC Syst. Biol. 4:42, 2010): at each
 * step the lattice is the part of state space where the probability is or will be
 * ({@link WindowPlanner}), and probability that would jump out of it goes to a sink, so the P
 * kept is a lower bound of the true P and the sink is the exact L1 error of the truncation.
 *
 * <p>Time stepping ({@link SlidingWindowRun}): the 5-stage Radau IIA method, order 9, with
 * steps chosen by a step-doubling error estimate ({@link RadauStep}), so the step is set by
 * accuracy, not by the largest rate; each step solves banded systems ({@link ShiftedBandLu}). In
 * 1-D that is always the method. In 2-D a window's band is about a row wide, and when its
 * factorization would cost more than uniformization (Jensen 1953; {@link PoissonSweep}, exact to
 * ~10⁻¹⁴ but needing about Λ·t matrix-vector products, split over {@code options.effectiveThreads()}
 * threads by {@link StepTeam}) the window is stepped that way instead. Results are the same to the
 * bit for any number of threads.
 *
 * <p>Accuracy: each snapshot's {@code error} is {@code sink + Σ local errors}, an estimate of the
 * L1 distance to the exact solution (the exact flow contracts in L1, so local errors add up).
 * Steps are kept to {@value #TOLERANCE}·h/tEnd (at least rounding), the truncation to
 * {@value #LOSS_BUDGET}·h/tEnd per step: a window that leaks more grows where it leaks and the step
 * is redone. Negative values an implicit step leaves (of the size of its error) are set to 0 and
 * the rest scaled to the mass that remains; the L1 size of that change is added to the error.
 * Limits: {@code MAX_STATES} per window (1-D: 1,000,000; 2-D: 4,000,000); a model whose
 * linear-noise spread or whose window passes it is refused with a message. 1 or 2 species.
 *
 * <p>Output in x = n/Ω units: mean and covariance of P conditioned on the window (divided by
 * its mass), marginal densities P(n)·Ω on cells 1/Ω wide over the window's bounding box (so the
 * grid moves with time), the 2-D joint P·Ω² (summed over blocks when wider than 400 cells),
 * {@code mass} = probability on the window. {@code info}: see {@link SlidingWindowRun#info()},
 * plus threads and wallSeconds.
 *
 * <p>Absorbing set ({@link Model#absorbing()}): its states have no outgoing transitions
 * ({@link Rates}), so the probability that enters them stays; {@code info.firstPassage}
 * ({@link FirstPassage}) holds the survival (probability on the window outside the set) at every
 * output and, in 1-D, the exact mean first-passage time from the generator ({@link PassageTime}).
 */
public final class FiniteStateProjection implements Solver {
    public static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("cme", "Master equation", "CME",
            SolverDescriptor.Output.LATTICE, 2, 1, "the exact probability of every state on a truncated lattice (finite state projection)");

    @Override public SolverDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String unsupportedReason(Model model) {
        if (model.hasEvents()) return Solver.eventsReason(model);
        int d = model.speciesCount();
        return d <= 2 ? null : "handles 1 or 2 species; this model has " + d;
    }

    /** The exact mean first-passage time from the generator ({@link PassageTime}); one species. */
    @Override public java.util.OptionalDouble meanFirstPassage(Model model) {
        String why = unsupportedReason(model);
        if (why != null) throw new SolverException("cme: " + why);
        return java.util.OptionalDouble.of(PassageTime.meanTime(model));
    }

    /** Time-integration error allowed over the whole run (L1), shared among steps by length. */
    static final double TOLERANCE = 1e-10;
    /** Truncation loss allowed over the whole run; a step may lose its share (by length). */
    static final double LOSS_BUDGET = 1e-9;
    /** Largest window per dimension, in states. */
    static final long[] MAX_STATES = {1_000_000, 4_000_000};
    /** Fewest states worth a thread of their own in a uniformization product. */
    static final int MIN_STATES_PER_THREAD = 20_000;

    /** How a window is stepped: by estimated cost, or always one way (tests). */
    enum Method { AUTO, RADAU, UNIFORMIZATION }

    /** The knobs of a solve. */
    record Settings(double tolerance, double lossBudget, long[] maxStates, Method method) {
        Settings {
            maxStates = maxStates.clone();
        }

        @Override public long[] maxStates() { return maxStates.clone(); }
    }

    private final Settings settings;
    private final int minStatesPerThread;

    public FiniteStateProjection() {
        this(new Settings(TOLERANCE, LOSS_BUDGET, MAX_STATES, Method.AUTO), MIN_STATES_PER_THREAD);
    }

    /** For tests: other tolerances or limits, one method, threads on small windows. */
    FiniteStateProjection(Settings settings, int minStatesPerThread) {
        this.settings = settings;
        this.minStatesPerThread = minStatesPerThread;
    }

    /** For tests: share even small windows between threads. */
    FiniteStateProjection(int minStatesPerThread) {
        this(new Settings(TOLERANCE, LOSS_BUDGET, MAX_STATES, Method.AUTO), minStatesPerThread);
    }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        Model model = problem.model();
        if (!supports(model)) throw new SolverException("cme: " + unsupportedReason(model));
        int dim = model.speciesCount();
        LatticeWalls walls = LatticeWalls.of(model);   // one scan serves the size check and the windows
        LatticeChooser.largestWindow(model, walls, problem.tEnd(), settings.maxStates()[dim - 1]);
        int threads = dim == 1 ? 1 : Math.max(1, problem.options().effectiveThreads());
        try (StepTeam team = new StepTeam(threads, minStatesPerThread)) {
            SlidingWindowRun run = new SlidingWindowRun(problem, walls, listener, cancel, settings, team);
            run.solve();
            Map<String, Object> info = run.info();
            if (!model.absorbing().isEmpty()) info.put(FirstPassage.KEY, firstPassage(problem, run.survival()));
            info.put("threads", threads);
            info.put("wallSeconds", (System.nanoTime() - start) * 1e-9);
            return new SolverResult(DESCRIPTOR, run.snapshots(), info);
        }
    }

    /**
     * Survival from the time run (probability outside the set; what the truncation lost is not
     * counted, see {@code truncationError}); the mean first-passage time exactly from the
     * generator ({@link PassageTime}), or NaN with the reason when it cannot be had.
     */
    private static FirstPassage firstPassage(Problem problem, double[] survival) {
        String why = PassageTime.unsupportedReason(problem.model());
        if (why != null) return new FirstPassage(problem.times(), survival, Double.NaN, Double.NaN, -1, why);
        return new FirstPassage(problem.times(), survival, PassageTime.meanTime(problem.model()), 0, -1,
                "solved from the generator's backward equation on the transient states");
    }

    /** The refusal of a model too large for the lattice, naming why and the limit. */
    static SolverException tooLarge(int dim, String why, long limit) {
        return new SolverException("cme: the master equation is too large to solve on a lattice (" + why
                + "); lower Ω, the end time or the rates (" + dim + "-D limit " + limit + " states)");
    }
}
