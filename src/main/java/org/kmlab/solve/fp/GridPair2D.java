package org.kmlab.solve.fp;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.ParallelChunks;
import org.kmlab.solve.Snapshot;

/**
 * The two solutions of a 2-D run, side by side on the same boxes of one {@link CoMovingFrame2D}: a
 * coarse grid and the check grid with cells two thirds as wide (each 2 × 2 block of coarse cells
 * is 3 × 3 check cells, {@link FrameBox2D#checkBox()}) and steps at most two thirds as long. The
 * check grid is the one reported; the coarse one measures how much the answer still depends on
 * the cell size and the time step ({@link GridSolution2D#l1To}): for a scheme of second order the
 * coarse grid's error is (3/2)² = 2.25 times the check grid's, so their distance is about 1.25
 * times the check grid's own error. (A check grid with cells half as wide made the distance three
 * times that error, at 8/9 of a run's work instead of 27/35.) The pair is re-planned piece by
 * piece ({@link FramePlanner2D}) from the check grid's moments. x = n/Ω units.
 */
final class GridPair2D {
    /**
     * Largest relative drift per step, in coarse cells, where probability is present (semi-Lagrangian
     * steps allow more; this keeps splitting errors small). 8 against 4 takes a fifth fewer steps on
     * predator–prey at Ω = 100 with the same distance to the master equation (0.0237 at worst over
     * t ∈ [1, 10]); the shear and splitting bounds then set the step.
     */
    static final double COURANT = 8;

    /**
     * Bound on τ·max(∂a/∂s, √(B/Σ))·√(B/Σ): Strang's splitting error in the covariance grows like
     * τ²·(∂a/∂s)²·(B/Σ) per unit time; this keeps it near 10⁻³ of Σ (measured on A → B → ∅).
     * Along a direction whose drift relaxes at a rate k = −∂a/∂s above ½ the error stops growing
     * after the relaxation time 1/(2k), so there the bound is on τ·k·√(B/Σ)·√(1/(2k)) (for an
     * Ornstein–Uhlenbeck line, B/Σ = 2k and the split stationary variance is off by (kτ)²/3).
     */
    static final double SPLITTING = 0.08;

    /** Coarse steps a young cloud takes before its step is bounded again ({@link #advance}). */
    static final int YOUNG_STEPS = 8;

    final CoMovingFrame2D frame;
    final GridSolution2D coarse, fine;
    private final FramePlanner2D planner;
    private final ParabolicTransport transport = new ParabolicTransport();
    private final double[] mean = new double[2], origin = new double[2], limits = new double[GridSolution2D.LIMITS];
    private final double[][] cov = new double[2][2];
    private FramePlanner2D.Plan plan;

    // what the run reports about its grids
    final double[] outside = new double[1];
    final int[] largest = {0, 0};
    int remaps, replans;
    long steps;
    double fewestPerSd = Double.POSITIVE_INFINITY, mostPerSd;

    private GridPair2D(CoMovingFrame2D frame, GridSolution2D coarse, GridSolution2D fine, FramePlanner2D planner) {
        this.frame = frame;
        this.coarse = coarse;
        this.fine = fine;
        this.planner = planner;
    }

    /**
     * The initial state: the delta at n0 as a bump one lattice cell wide (uniform on
     * [x0 − 1/(2Ω), x0 + 1/(2Ω)] per axis, cut at a wall), on cells a power of two finer than the
     * lattice. The frame starts at the bump's lower edge (or the wall), so in frame coordinates the
     * bump is [0, k·h] exactly with k even, and both grids hold it exactly.
     *
     * @param cells    coarse cells along the longer side of the box, 0 for the default
     * @param fineness the default cells per sd times this ({@link FramePlanner2D}; 1 but in convergence tests)
     */
    static GridPair2D start(Model model, int cells, double fineness) {
        double lattice = 1 / model.size();
        double[] x = model.initialX(), width = new double[2];
        boolean[] wall = new boolean[2];
        for (int s = 0; s < 2; s++) {
            wall[s] = !model.species().get(s).signed() && x[s] - 0.5 * lattice < 0;
            width[s] = wall[s] ? x[s] + 0.5 * lattice : lattice;
        }
        double narrow = Math.min(width[0], width[1]);
        // k cells across a uniform bump have a centre-based sd of h·√((k² − 1)/12), h·√((k² − 2)/12)
        // after Sheppard's correction (GridSolution2D#moments): give it the default cells per sd,
        // on a power-of-two rung
        double h = lattice;
        while (!(Math.sqrt((narrow / h) * (narrow / h) - 2) / Math.sqrt(12) >= fineness * FramePlanner2D.CELLS_PER_SD) || !evenAcross(width, h)) h /= 2;
        CoMovingFrame2D frame = new CoMovingFrame2D(model);
        frame.place(wall[0] ? 0 : x[0] - 0.5 * lattice, wall[1] ? 0 : x[1] - 0.5 * lattice);
        int[] across = new int[2], n = new int[2];
        double[] corner = new double[2];
        for (int s = 0; s < 2; s++) {
            across[s] = (int) Math.rint(width[s] / h);
            corner[s] = wall[s] ? 0 : -2 * h;                                  // corners on the 2h lattice (FrameBox2D)
            n[s] = 2 * (int) Math.ceil((across[s] + (wall[s] ? 1 : 3)) / 2.0);   // an empty cell above, even counts
        }
        FrameBox2D box = new FrameBox2D(h, corner[0], corner[1], n[0], n[1]), check = box.checkBox();
        return new GridPair2D(frame, new GridSolution2D(model, frame, box, bump(box, across, h)),
                new GridSolution2D(model, frame, check, bump(check, across, h)), new FramePlanner2D(model, cells, fineness));
    }

    /** Whether the bump spans an even number of cells h along both axes (so that its edges are check-cell faces too). */
    private static boolean evenAcross(double[] width, double h) {
        for (double w : width) if (((long) Math.rint(w / h)) % 2 != 0) return false;
        return true;
    }

    /** Cell averages of the uniform bump [0, across·h] per axis (frame coordinates) on a box: exact. */
    private static double[] bump(FrameBox2D box, int[] across, double h) {
        int[] n = {box.nx(), box.ny()};
        double[] c0 = {box.x0(), box.y0()};
        double[][] f = new double[2][];
        for (int s = 0; s < 2; s++) {
            f[s] = new double[n[s]];
            double to = across[s] * h;
            for (int i = 0; i < n[s]; i++) {
                double a = c0[s] + i * box.h(), b = a + box.h();
                f[s][i] = Math.max(0, Math.min(b, to) - Math.max(a, 0)) / to / box.h();
            }
        }
        double[] p = new double[box.cells()];
        for (int j = 0; j < n[1]; j++) for (int i = 0; i < n[0]; i++) p[j * n[0] + i] = f[0][i] * f[1][j];
        return p;
    }

    /**
     * Plans the next piece from the check grid's state at time t (at most {@code horizon} long),
     * moves both grids onto its box and returns the piece's end.
     */
    double replan(double t, double horizon, CancellationToken cancel) {
        fine.moments(t, mean, cov);
        frame.origin(t, origin);
        double[][] occupied = fine.occupied();
        for (int s = 0; s < 2; s++) {
            occupied[s][0] += origin[s];
            occupied[s][1] += origin[s];
        }
        boolean[] pinned = {frame.pinned(0), frame.pinned(1)};
        FramePlanner2D.Plan plan = planner.plan(mean, cov, occupied, origin, pinned, coarse.box(), horizon, cancel);
        frame.follow(plan.path(), t, plan.pinX(), plan.pinY());
        double[] now = new double[2];
        frame.origin(t, now);
        moveTo(plan.box(), origin[0] - now[0], origin[1] - now[1]);
        replans++;
        largest[0] = Math.max(largest[0], plan.box().nx());
        largest[1] = Math.max(largest[1], plan.box().ny());
        fewestPerSd = Math.min(fewestPerSd, plan.cellsPerSd());
        mostPerSd = Math.max(mostPerSd, plan.cellsPerSd());
        this.plan = plan;
        return plan.duration() >= horizon * (1 - 1e-12) ? t + horizon : t + plan.duration();
    }

    /** Moves both grids to {@code next} (coarse; the check grid is its check box), the frame origin having moved by (dx, dy). */
    private void moveTo(FrameBox2D next, double dx, double dy) {
        FrameBox2D c = coarse.box();
        if (next.equals(c) && dx == 0 && dy == 0) return;
        if (!new FrameBox2D(c.h(), c.x0() + dx, c.y0() + dy, c.nx(), c.ny()).sharesCellsWith(next)) remaps++;
        coarse.reset(next, GridRemap2D.remap(coarse.values(), c, dx, dy, next, transport, outside));
        FrameBox2D f = fine.box(), nf = next.checkBox();
        fine.reset(nf, GridRemap2D.remap(fine.values(), f, dx, dy, nf, transport, outside));
    }

    /**
     * Steps both grids from t to end on the workers (they share nothing but the frame, which is
     * synchronised): the coarse grid by steps of at most 2τ, the check grid by steps at most two
     * thirds as long, so that the two differ by the time step at least as much as by the cell size
     * and the estimate sees both errors. τ keeps the relative drift under {@value #COURANT} cells a
     * step (coarse cells for the coarse grid, check cells for the check grid), departure points in
     * order and the splitting error small. A young cloud (B/Σ at the piece's end under half its
     * value now) is stepped {@value #YOUNG_STEPS} coarse steps at a time, each stretch bounded
     * by B/Σ at its start on the piece's linear-noise path: B/Σ falls like 1/t as the cloud
     * spreads, so the steps grow with it (the first piece, 1/48² of the longest, took 3,945
     * steps at Ω = 10⁴ with the first step's bound; 32 now).
     */
    void advance(double t, double end, ParallelChunks workers, CancellationToken cancel) {
        coarse.limits(t, limits);
        boolean young = diffusionRate(end - t) < 0.5 * plan.diffusionRate();
        for (double from = t, beta = plan.diffusionRate(); from < end; beta = diffusionRate(from - t)) {
            double tau = step(end - from, beta);
            double to = young && end - from > YOUNG_STEPS * 2 * tau ? from + YOUNG_STEPS * 2 * tau : end;
            advanceBoth(from, to, tau, workers, cancel);
            from = to;
        }
    }

    /** B/Σ on the piece's path {@code dt} after its start. */
    private double diffusionRate(double dt) {
        return planner.diffusionRate(plan.path(), Math.min(dt, plan.path().duration()));
    }

    /** τ for a stretch of length {@code left} with B/Σ = beta (see {@link #advance}). */
    private double step(double left, double beta) {
        double tau = left;
        if (limits[0] > 0) tau = Math.min(tau, 0.5 * COURANT / limits[0]);   // the middle drift sub-step is a whole step
        if (limits[1] > 0) tau = Math.min(tau, 0.25 / limits[1]);
        // Strang's error in the covariance grows like (τ·∂a/∂s)²·(B/Σ) per unit time (drift and
        // diffusion do not commute), for no longer than the relaxation time where the drift
        // relaxes; while the cloud is young B/Σ itself sets the pace
        double expanding = limits[2], relaxing = limits[4];
        double squared = Math.max(Math.max(expanding * expanding, beta) * beta, relaxing * relaxing * beta * Math.min(1, 0.5 / relaxing));
        if (squared > 0) tau = Math.min(tau, SPLITTING / Math.sqrt(squared));
        return tau;
    }

    /** Both grids from t to end: the coarse one in steps of at most 2τ, the check grid in 1.5 times as many. */
    private void advanceBoth(double t, double end, double tau, ParallelChunks workers, CancellationToken cancel) {
        int coarseSteps = (int) Math.ceil((end - t) / (2 * tau) - 1e-9);
        int checkSteps = (int) Math.ceil(1.5 * coarseSteps - 1e-9);   // steps at most 2/3 as long, so at most 4τ/3
        workers.forEachChunk((worker, from, to) -> {
            for (int g = from; g < to; g++) {
                GridSolution2D grid = g == 0 ? fine : coarse;
                int n = g == 0 ? checkSteps : coarseSteps;
                double dt = (end - t) / n;
                for (int s = 0; s < n; s++) {
                    cancel.check();
                    grid.step(t + s * dt, dt);
                }
            }
        });
        steps += checkSteps;
    }

    /** The check grid's snapshot at time t, with the coarse-to-check distance as its error estimate. */
    Snapshot snapshot(double t) {
        double[] m = new double[2];
        double[][] c = new double[2][2];
        double mass = fine.moments(t, m, c);
        Density2D joint = fine.density(t, coarse.box().halved(), transport);
        return new Snapshot(t, m, c, new Density1D[] {joint.marginal(0), joint.marginal(1)}, joint, new double[0][], mass)
                .withError(fine.l1To(coarse));
    }

    /** The largest cell Péclet number of the check grid's last step (see {@link GridSolution2D#limits}). */
    double peclet() {
        fine.lastLimits(limits);
        return limits[3];
    }

    /** Euler sub-steps of both grids. */
    long eulerSubsteps() { return coarse.eulerSubsteps() + fine.eulerSubsteps(); }
}
