package org.kmlab.solve.fp;

import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.ParallelChunks;
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
 * The 2-D Fokker–Planck equation {@code ∂P/∂t = −Σ ∂ᵢ(Aᵢ P) + ½ Σ ∂ᵢ∂ⱼ(Bᵢⱼ P)} in x = n/Ω units,
 * with the full diffusion matrix B (off-diagonal B_xy included), on a grid that follows the
 * cloud, with zero-flux walls at 0 for counts.
 *
 * <p><b>The grid.</b> Square cells in a {@link CoMovingFrame2D} whose origin moves with the
 * linear-noise mean, planned piece by piece from the solution's own moments
 * ({@link FramePlanner2D}): by default {@value FramePlanner2D#CELLS_PER_SD} to
 * {@value FramePlanner2D#BAND}× that many coarse cells per standard deviation of the cloud's
 * narrowest direction, a box of ±{@value FramePlanner2D#SDS} sd plus the span that still holds
 * probability, re-planned at every output, at least {@value #MIN_PIECES} times a run and whenever
 * the predicted cloud outgrows the cell size. A new extent keeps the cells (an exact copy); a new
 * cell size is a conservative, positive, third-order remap ({@link GridRemap2D}). An axis whose box
 * would reach the wall at 0 is pinned there, so the wall stays a cell face. In the frame each jump
 * direction's lines carry only the drift relative to the cloud's centre; the step is
 * {@link GridSolution2D}'s (semi-Lagrangian drift with positive parabolas, central diffusion,
 * Strang splitting): positive, conservative, second order, with no numerical diffusion at any
 * cell Péclet number.
 *
 * <p><b>The error estimate.</b> Two solutions run side by side ({@link GridPair2D}): the coarse one
 * and a check grid with cells two thirds as wide and steps at most two thirds as long. The check
 * grid's solution is the one reported, as averages over cells half as wide as the coarse ones
 * (its own positive parabolas integrated over them, {@link GridSolution2D#density}, so the picture
 * is as fine as a check grid of half-width cells would draw, at 27/64 of its work); each
 * snapshot's {@link Snapshot#error()} is the L1 distance between the two solutions on blocks both
 * tile exactly (2 × 2 coarse cells), and the result's {@code errorEstimate} the largest of them.
 * For a scheme of second order in space and time the coarse grid's error is 2.25 times the
 * check grid's, so the estimate is about 1.25 times the check grid's own error while the grids
 * resolve the cloud.
 */
public final class FokkerPlanck2D {
    /** The grid is re-planned at least this many times over [0, tEnd] (and at every output). */
    static final int MIN_PIECES = 25;

    private final GridSolution2D grid;
    private final CoMovingFrame2D frame;
    private final double dt;
    private double t;

    private FokkerPlanck2D(GridSolution2D grid, CoMovingFrame2D frame, double dt) {
        this.grid = grid;
        this.frame = frame;
        this.dt = dt;
    }

    /**
     * For benchmarks: a {@code cells × cells} box around the run's cloud at its midpoint (mean and
     * covariance from the linear noise approximation at tEnd/2, a Gaussian for P), with the frame
     * following it from there and the solver's step for that grid. {@link #step} advances it.
     */
    public static FokkerPlanck2D prepare(Model model, double tEnd, int cells) {
        requireTwoSpecies(model);
        LinearNoisePath lna = LinearNoisePath.fromInitialState(model, tEnd);
        double[] m = lna.mean(0.5 * tEnd);
        double[][] cov = lna.covariance(0.5 * tEnd);
        CoMovingFrame2D frame = new CoMovingFrame2D(model);
        frame.place(0, 0);
        double[][] occupied = {{m[0], m[0]}, {m[1], m[1]}};
        FramePlanner2D.Plan plan = new FramePlanner2D(model, cells)
                .plan(m, cov, occupied, new double[2], new boolean[2], null, tEnd / MIN_PIECES, CancellationToken.none());
        frame.follow(plan.path(), 0, plan.pinX(), plan.pinY());
        FrameBox2D box = new FrameBox2D(plan.box().h(), plan.box().x0(), plan.box().y0(), cells, cells);
        double[] p = new double[box.cells()];
        double sx = Math.sqrt(cov[0][0]), sy = Math.sqrt(cov[1][1]);
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                double u = (box.xCentre(i) - m[0]) / sx, v = (box.yCentre(j) - m[1]) / sy;
                p[j * cells + i] = Math.exp(-0.5 * (u * u + v * v));
            }
        }
        GridSolution2D grid = new GridSolution2D(model, frame, box, p);
        double[] limits = new double[GridSolution2D.LIMITS];
        grid.limits(0, limits);
        double tau = plan.duration();
        if (limits[0] > 0) tau = Math.min(tau, GridPair2D.COURANT / limits[0]);
        if (limits[1] > 0) tau = Math.min(tau, 0.5 / limits[1]);
        return new FokkerPlanck2D(grid, frame, tau);
    }

    /** One time step (the benchmark's). */
    public void step() {
        grid.step(t, dt);
        t += dt;
    }

    /** Total probability on the benchmark grid. */
    double mass() { return grid.mass(); }

    /** The smallest cell value on the benchmark grid. */
    double minimum() { return grid.minimum(); }

    long eulerSubsteps() { return grid.eulerSubsteps(); }

    /** Jump directions of the model's reactions (x, y, diagonal, anti-diagonal, …). */
    public int directions() { return frame.reactionDirections(); }

    private static void requireTwoSpecies(Model model) {
        if (model.speciesCount() != 2) throw new SolverException("fp: the 2-D solver needs 2 species, the model has " + model.speciesCount());
    }

    /**
     * Solves the problem on the moving grid pair (the coarse and the check grid on two threads
     * when the options allow), publishing each output's snapshot as soon as it is reached.
     */
    public static SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        return solve(problem, 1, listener, cancel);
    }

    /** {@link #solve(Problem, SnapshotListener, CancellationToken)} with {@code fineness} times the default cells per sd (convergence tests). */
    static SolverResult solve(Problem problem, double fineness, SnapshotListener listener, CancellationToken cancel) {
        long started = System.nanoTime();
        Model model = problem.model();
        requireTwoSpecies(model);
        double tEnd = problem.tEnd(), maxPiece = tEnd / MIN_PIECES;
        GridPair2D pair = GridPair2D.start(model, problem.options().gridCells(), fineness);
        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        double t = 0, massError = 0, errorEstimate = 0, peclet = 0;
        try (ParallelChunks workers = new ParallelChunks("fp2d", Math.min(2, problem.options().effectiveThreads()), 2, cancel)) {
            for (int k = 0; k < problem.sampleCount(); k++) {
                double target = problem.time(k);
                while (t < target) {
                    double horizon = target - t - maxPiece < 1e-9 * tEnd ? target - t : maxPiece;
                    double end = pair.replan(t, horizon, cancel);
                    pair.advance(t, end, workers, cancel);
                    t = end;
                    listener.onProgress(Math.min(1, t / tEnd));
                }
                t = target;
                Snapshot snap = pair.snapshot(t);
                peclet = Math.max(peclet, pair.peclet());
                massError = Math.max(massError, Math.abs(snap.mass() - 1));
                errorEstimate = Math.max(errorEstimate, snap.error());
                snapshots.add(snap);
                listener.onSnapshot(k, snap);
            }
        }
        return new SolverResult(FokkerPlanckSolver.DESCRIPTOR, snapshots, info(pair, t, peclet, errorEstimate, massError, started));
    }

    /** The run's facts for summary.json (see {@link FokkerPlanckSolver} for their meaning). */
    private static Map<String, Object> info(GridPair2D pair, double t, double peclet, double errorEstimate, double massError, long started) {
        FrameBox2D last = pair.coarse.box();
        double[] g = new double[2];
        pair.frame.origin(t, g);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cells", new int[] {last.nx(), last.ny()});
        info.put("maxCells", pair.largest.clone());
        info.put("dx", last.h());
        info.put("range", new double[] {g[0] + last.x0(), g[0] + last.x0() + last.nx() * last.h(),
                g[1] + last.y0(), g[1] + last.y0() + last.ny() * last.h()});
        info.put("cellsPerSd", new double[] {pair.fewestPerSd, pair.mostPerSd});
        info.put("maxPeclet", peclet);
        info.put("replans", pair.replans);
        info.put("remaps", pair.remaps);
        info.put("outsideMass", pair.outside[0]);
        info.put("steps", pair.steps);
        info.put("directions", pair.frame.reactionDirections());
        info.put("eulerSubsteps", pair.eulerSubsteps());
        info.put("errorEstimate", errorEstimate);
        info.put("massError", massError);
        info.put("wallSeconds", (System.nanoTime() - started) * 1e-9);
        return info;
    }
}
