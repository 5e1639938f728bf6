package org.kmlab.solve.fp;

import org.kmlab.model.ContinuumWalls;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 1-D Fokker–Planck equation {@code ∂P/∂t = −∂ₓ(A P) + ½ ∂ₓ²(B P)} in x = n/Ω units, with
 * A = M₁ and B = M₂ of the model, by conservative finite volumes on a grid that moves and
 * stretches with the probability cloud ({@link ComovingGrid}: the flux {@code J = A P − ½∂ₓ(BP)}
 * in the frame of the moving box, with non-negative face weights in the Chang–Cooper spirit,
 * Chang &amp; Cooper, J. Comput. Phys. 6 (1970) 1, central where the cell Péclet number allows,
 * see {@link FaceFlux}). The box follows the linear noise approximation's mean and standard
 * deviation, planned from the solution's own moments ({@link FramePlanner}, {@link MovingFrame}),
 * so the cloud keeps the same number of cells per standard deviation at every Ω and every time,
 * and numerical diffusion stays negligible against B. A count has a zero-flux wall at x = 0,
 * always on a cell face while probability is near it, or, where B(0) = 0 (n = 0 absorbing), an
 * exit boundary whose absorbed probability is held as an atom at x = 0 and shown in the first
 * cell. A one-step process whose rates stop it at a count (a walker in a box: {@code step(Omega - X)})
 * has a reflecting wall half a step beyond that lattice point, where its cell ends, with A and B
 * from the rates inside ({@link ContinuumWalls}). The box's other ends are zero-flux in its own frame and are kept
 * beyond the probability.
 *
 * <p>Time steps are TR-BDF2 with error control, taken together by a coarse solution on the
 * requested number of cells and a check solution on twice as many with half the steps
 * ({@link TwoGridIntegrator}); the check solution is reported and Σ|coarse − check| is its error
 * estimate ({@link Snapshot#error()}), a conservative bound in the second-order regime. Steps
 * follow the solution's own time scale, so a run to t = 10⁶ takes a few hundred. P ≥ 0 holds by
 * construction (never clipped) and total probability is kept to rounding.
 *
 * <p>Result info: {@code cells} (cells across the moving box; the reported density has twice
 * as many), {@code reportedCells}, {@code steps} (accepted coarse steps), {@code rejectedSteps},
 * {@code eulerSteps} (steps taken by backward Euler to stay positive), {@code tailRepairs} (steps
 * whose far tails, cells below 1e-13 of the probability, took backward Euler's shape to stay
 * positive), {@code plans} (boxes
 * planned, the first included; each later one is a conservative remap), {@code cellsPerSd} (the
 * fewest reported cells per standard deviation of the cloud at any output after t = 0),
 * {@code maxPeclet} (the largest cell Péclet number |A − v|·Δx/(B/2) where a cell holds more
 * than 1e-10 of the probability, at the outputs; above 2 the flux adds diffusion),
 * {@code errorEstimate} (the largest per-output estimate), {@code massError} (max |mass − 1|)
 * and {@code wallSeconds}.
 *
 * <p>First passage, when the model's absorbing set is n ≤ 0 and B(0) = 0: the survival at each
 * output is 1 − the probability absorbed at x = 0 (the atom, fed by the flux out), the mean
 * first-passage time comes from the backward equation ({@link BackwardQuadrature}), averaged over
 * the initial cell the solution starts from, and
 * {@code survivalIntegral} = ∫₀^tEnd S dt checks it (they agree once S(tEnd) ≈ 0). Any other set
 * is refused with {@code info.firstPassageSkipped}.
 */
public final class ChangCooperFokkerPlanck1D {
    /** Cells across the moving box when the options leave the choice to the solver. */
    public static final int DEFAULT_CELLS = 600;
    /** The fewest cells accepted. */
    static final int MIN_CELLS = 16;
    /** Local error per coarse step, as an L1 distance in probability. */
    static final double TOLERANCE = 3e-4;
    /** Half-width in LNA standard deviations of the 2-D solver's box ({@link FokkerPlanck2D}). */
    static final double ENVELOPE_SDS = 9;
    /** Cells holding less probability than this are left out of {@code maxPeclet}. */
    private static final double PECLET_FLOOR = 1e-10;

    private ChangCooperFokkerPlanck1D() {}

    /** Knobs of one run: cells across the box (the coarse solution's) and the local error tolerance per step. */
    record Settings(int cells, double tolerance) {
        Settings {
            if (cells < MIN_CELLS) throw new SolverException("fp: the moving grid needs at least " + MIN_CELLS + " cells, got " + cells);
            if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
    }

    /**
     * Solves the problem with {@code options().gridCells()} cells across the box
     * ({@value #DEFAULT_CELLS} when 0) and the default tolerance.
     */
    public static SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        int cells = problem.options().gridCells();
        return solve(problem, new Settings(cells > 0 ? cells : DEFAULT_CELLS, TOLERANCE), listener, cancel);
    }

    static SolverResult solve(Problem problem, Settings settings, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        Model model = problem.model();
        if (model.speciesCount() != 1) throw new SolverException("fp: the 1-D solver needs 1 species, the model has " + model.speciesCount());
        double tEnd = problem.tEnd();
        TwoGridIntegrator run = new TwoGridIntegrator(model, settings.cells(), tEnd, settings.tolerance(), cancel);
        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        String passage = model.absorbing().isEmpty() ? null : passageRefusal(model);
        double[] survival = new double[problem.sampleCount()];
        double massError = 0, worstError = 0, peclet = 0, cellsPerSd = Double.POSITIVE_INFINITY;
        for (int k = 0; k < problem.sampleCount(); k++) {
            run.advanceTo(problem.time(k), cancel, t -> listener.onProgress(tEnd > 0 ? t / tEnd : 1));
            ComovingGrid g = run.reported();
            survival[k] = 1 - g.absorbed();
            double error = run.errorEstimate();
            Snapshot snap = snapshot(g, problem.time(k)).withError(error);
            massError = Math.max(massError, Math.max(Math.abs(snap.mass() - 1), Math.abs(run.coarse().totalMass() - 1)));
            worstError = Math.max(worstError, error);
            peclet = Math.max(peclet, g.maxPeclet(PECLET_FLOOR));
            if (problem.time(k) > 0) cellsPerSd = Math.min(cellsPerSd, Math.sqrt(snap.covariance(0, 0)) / g.dx());
            snapshots.add(snap);
            listener.onSnapshot(k, snap);
            listener.onProgress(tEnd > 0 ? problem.time(k) / tEnd : 1);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cells", settings.cells());
        info.put("reportedCells", run.reported().n);
        info.put("steps", run.steps());
        info.put("rejectedSteps", run.rejectedSteps());
        info.put("eulerSteps", run.eulerSteps());
        info.put("tailRepairs", run.tailRepairs());
        info.put("plans", run.plans());
        info.put("cellsPerSd", Double.isInfinite(cellsPerSd) ? 0.0 : cellsPerSd);
        info.put("maxPeclet", peclet);
        info.put("errorEstimate", worstError);
        info.put("massError", massError);
        if (passage != null && !passage.isEmpty()) info.put(FirstPassage.SKIPPED_KEY, passage);
        if (passage != null && passage.isEmpty()) {
            double mean = meanTimeToWall(model);
            info.put(FirstPassage.KEY, new FirstPassage(problem.times(), survival, mean, 0, -1,
                    "the backward equation's quadrature T = 2∫ψ/B·∫1/ψ, ψ = exp(∫2A/B), averaged over the initial cell"));
            info.put("survivalIntegral", run.survivalIntegral());
        }
        info.put("wallSeconds", (System.nanoTime() - start) * 1e-9);
        return new SolverResult(FokkerPlanckSolver.DESCRIPTOR, snapshots, info);
    }

    /** T from the initial cell (as TwoGridIntegrator starts it) to the absorbing wall x = 0. */
    private static double meanTimeToWall(Model model) {
        double x0 = model.initialX()[0], h = 1 / model.size();
        return model.absorbing().contains(model.initialCounts()) ? 0 : BackwardQuadrature.meanTimeFromCell(new KramersMoyal1D(model), Math.max(0, x0 - 0.5 * h), x0 + 0.5 * h);
    }

    /**
     * The mean first-passage time of the Fokker–Planck equation into the model's absorbing set,
     * from the backward equation's quadrature averaged over the initial cell, without a time
     * course: into the wall x = 0 (the set n ≤ 0, as {@link #solve} draws it), or up to a boundary
     * x_c = n_c/Ω above the start (a set n ≥ n_c; the first absorbing state's place) with x = 0
     * reflecting, e.g. the Schlögl model's switching into the upper well.
     *
     * @throws SolverException another set, or a wall at 0 that absorbs below an upper set
     */
    static double meanFirstPassage(Model model) {
        var set = model.absorbing();
        if (set.isEmpty()) throw new SolverException("fp: the model has no absorbing set");
        String wall = passageRefusal(model);
        if (wall.isEmpty()) return meanTimeToWall(model);
        long edge = Long.MAX_VALUE;
        for (int c = 0; c < set.size(); c++) {
            if (set.below(c)) throw new SolverException(wall);
            edge = Math.min(edge, set.limit(c));
        }
        if (model.absorbing().contains(model.initialCounts())) return 0;
        KramersMoyal1D km = new KramersMoyal1D(model);
        if (model.species().get(0).signed() || km.absorbingWall()) {
            throw new SolverException("fp: a mean time up to '" + set + "' needs a count whose wall x = 0 reflects (B(0) > 0)");
        }
        double x0 = model.initialX()[0], h = 1 / model.size();
        return BackwardQuadrature.meanTimeUpFromCell(km, Math.max(0, x0 - 0.5 * h), x0 + 0.5 * h, edge / model.size());
    }

    /**
     * Why this solver gives no first passage into the model's absorbing set, or "" when it does:
     * the only absorbing boundary it has is the wall x = 0 of a count whose diffusion vanishes
     * there (n = 0 absorbing), where the absorbed probability is held as an atom and the flux into
     * it is the first-passage density.
     */
    static String passageRefusal(Model model) {
        var set = model.absorbing();
        long edge = Long.MIN_VALUE;
        for (int c = 0; c < set.size(); c++) {
            if (!set.below(c)) return "fp: an absorbing boundary is only drawn at x = 0 (where B(0) = 0); not for '" + set.entries().get(c) + "'";
            edge = Math.max(edge, set.limit(c));
        }
        if (edge != 0) return "fp: an absorbing boundary is only drawn at x = 0 (where B(0) = 0); this set is " + model.species().get(0).name() + " ≤ " + edge;
        if (!new KramersMoyal1D(model).absorbingWall()) return "fp: the diffusion does not vanish at x = 0, so the wall there reflects; an absorbing boundary needs B(0) = 0";
        return "";
    }

    /**
     * The reported solution as a snapshot: density m_i/Δx on the cell centres (an atom at an
     * absorbing wall is shown in the first cell, as the master equation's n = 0 is), its mean
     * and variance.
     */
    private static Snapshot snapshot(ComovingGrid g, double time) {
        double[] p = new double[g.n];
        double inv = 1 / g.dx();
        for (int i = 0; i < g.n; i++) p[i] = g.mass(i) * inv;
        p[0] += g.atom() * inv;
        return new Snapshot(time, new double[] {g.mean()}, new double[][] {{g.variance()}},
                new Density1D[] {new Density1D(g.lo() + 0.5 * g.dx(), g.dx(), p)}, null, new double[0][], g.totalMass());
    }
}
