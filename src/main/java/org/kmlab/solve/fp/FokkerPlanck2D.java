package org.kmlab.solve.fp;

import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
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
 * with the full diffusion matrix B (off-diagonal B_xy included), by conservative finite volumes
 * on square cells with zero-flux walls.
 *
 * <p>The operator is split by jump direction ({@link DirectionalCoefficients}): a reaction with
 * jump ν = m·v (v a primitive grid step) contributes its drift and its ν νᵀ share of B to the lines
 * of cells along v. A→B and X+Y→2Y jump along the anti-diagonal, so their B_xy = −a/Ω² becomes
 * diffusion along anti-diagonal lines: the mixed derivative is discretised by a positive stencil
 * (the idea of Kushner & Dupuis 1992; directional splitting as in Weickert 1998). Each direction
 * is a set of independent 1-D lines with non-negative face weights ({@link FaceFlux}), hence an
 * M-matrix. A time step is Strang splitting (Strang 1968) over the directions; each sub-step is
 * Crank–Nicolson when the step keeps its explicit half non-negative (the default step is chosen so),
 * else TR-BDF2, redone by backward Euler (positive) if it would go negative. Second order;
 * P ≥ 0 and total probability conserved by construction, so nothing is ever clipped or
 * renormalised. A and B are evaluated once per window.
 *
 * <p>The box follows the cloud ({@link #solve}): it is re-planned from the current mean and
 * covariance at every output and at least {@value #MIN_WINDOWS} times over the run, and P is
 * carried over by conservative remapping ({@link WindowRemap}). A fixed box sized for all of
 * [0, tEnd] would force cells coarser than the lattice step 1/Ω, where the positive flux has to
 * upwind: for a one-directional reaction (death, predation) the scheme then adds (h·Ω − 1) times
 * the physical noise. With the window the cells stay at the lattice step while the cloud is
 * small, and are coarser only while the cloud does not fit {@value #CELL_BUDGET} cells.
 */
public final class FokkerPlanck2D {
    /**
     * Cells along the longer side when the options leave the choice to the solver: at least this,
     * more (up to {@link #MAX_DEFAULT_CELLS}) while the cells are wider than the lattice step 1/Ω.
     */
    public static final int DEFAULT_CELLS = 128;
    /** The most cells along the longer side the solver picks by itself. */
    public static final int MAX_DEFAULT_CELLS = 256;
    /** The window is re-planned at least this many times over [0, tEnd] (and at every output). */
    static final int MIN_WINDOWS = 25;
    /** Half-width of the window in standard deviations of the predicted cloud. */
    static final double WINDOW_SDS = 6;
    /** The default window has at most about this many cells (256²)... */
    static final double CELL_BUDGET = 65_536;
    /** ...and at most this many along its longer side. */
    static final int MAX_SIDE = 1024;
    /** Probability per cell below which the tail may be left outside the next window. */
    static final double NEGLIGIBLE = 1e-13;
    /** At least this many time steps over [0, tEnd]. */
    static final int MIN_STEPS = 500;
    /** At most this many steps just to keep every sub-step Crank–Nicolson (positive by construction). */
    static final int MAX_STEPS = 20_000;

    private static final double GAMMA = 2 - Math.sqrt(2);
    private static final double STAGE = GAMMA / 2;
    private static final double C_STAR = 1 / (GAMMA * (2 - GAMMA));
    private static final double C_OLD = (1 - GAMMA) * (1 - GAMMA) / (GAMMA * (2 - GAMMA));

    /** nx × ny square cells of side h with lower-left corner (x0, y0), in x units. */
    public record Grid(double x0, double y0, double h, int nx, int ny) {
        public Grid {
            if (!(h > 0) || !Double.isFinite(h)) throw new IllegalArgumentException("grid: cell size must be > 0, got " + h);
            if (!Double.isFinite(x0) || !Double.isFinite(y0)) throw new IllegalArgumentException("grid: corner must be finite");
            if (nx < 3 || ny < 3) throw new IllegalArgumentException("grid: need at least 3×3 cells, got " + nx + "×" + ny);
        }

        public double xCentre(int i) { return x0 + (i + 0.5) * h; }

        public double yCentre(int j) { return y0 + (j + 0.5) * h; }

        /** True when this grid has the same cells as {@code other} and covers its box. */
        boolean holds(Grid other) {
            return other.h == h && other.x0 >= x0 && other.y0 >= y0
                    && other.x0 + other.nx * h <= x0 + nx * h && other.y0 + other.ny * h <= y0 + ny * h;
        }
    }

    private final Grid grid;
    private final int nx, ny, n;
    private final LineOperator[] ops;
    private final LineFactor[] factors, euler;
    private final boolean[] crankNicolson;
    private final double[] rates;
    private double[] p, old;
    private final double[] star;
    private double dt = Double.NaN;
    private long eulerSubsteps;

    private FokkerPlanck2D(Model model, Grid grid, double[] initial) {
        if (model.speciesCount() != 2) throw new SolverException("fp: the 2-D solver needs 2 species, the model has " + model.speciesCount());
        this.grid = grid;
        nx = grid.nx();
        ny = grid.ny();
        n = nx * ny;
        p = new double[n]; old = new double[n]; star = new double[n];
        DirectionalCoefficients coeff = new DirectionalCoefficients(model);
        int dirs = coeff.directionCount();
        double[][] drift = new double[dirs][n], diffusion = new double[dirs][n];   // per direction, at cell centres
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                coeff.at(grid.xCentre(i), grid.yCentre(j));
                for (int k = 0; k < dirs; k++) {
                    drift[k][j * nx + i] = coeff.drift[k];
                    diffusion[k][j * nx + i] = coeff.diffusion[k];
                }
            }
        }
        List<LineOperator> active = new ArrayList<>();
        for (int k = 0; k < dirs; k++) {
            int[] v = coeff.direction(k);
            if (Math.abs(v[0]) >= nx || 2 * (v[1] * nx + Math.abs(v[0])) > n) {
                throw new SolverException("fp: a jump of (" + v[0] + ", " + v[1] + ") does not fit a " + nx + "×" + ny + " grid");
            }
            LineOperator op = build(v, drift[k], diffusion[k]);
            if (!op.isZero()) active.add(op);
        }
        if (active.isEmpty()) active.add(new LineOperator(nx, ny, 1, 0));   // nothing moves: identity steps
        // the middle (last) direction takes full Strang steps, the others half steps: put the slowest
        // in the middle so the positive Crank–Nicolson step (τ·max|L_cc| ≤ 2) is as long as it can be
        active.sort(java.util.Comparator.comparingDouble(LineOperator::maxRate).reversed());
        ops = active.toArray(new LineOperator[0]);
        factors = new LineFactor[ops.length];
        euler = new LineFactor[ops.length];
        crankNicolson = new boolean[ops.length];
        rates = new double[ops.length];
        for (int k = 0; k < ops.length; k++) {
            factors[k] = new LineFactor(ops[k]);
            euler[k] = new LineFactor(ops[k]);
            rates[k] = ops[k].maxRate();
        }
        if (initial != null) {
            System.arraycopy(initial, 0, p, 0, n);
            return;
        }
        double omega = model.size();
        double[] x = model.initialX();
        double[] mx = InitialBump.masses(x[0], 1 / omega, grid.x0(), grid.h(), nx);
        double[] my = InitialBump.masses(x[1], 1 / omega, grid.y0(), grid.h(), ny);
        double area = grid.h() * grid.h();
        for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) p[j * nx + i] = mx[i] * my[j] / area;
    }

    /** The operator along the primitive step v from its drift and diffusion at the cell centres. */
    private LineOperator build(int[] v, double[] drift, double[] diffusion) {
        LineOperator op = new LineOperator(nx, ny, v[0], v[1]);
        double h = grid.h();
        double[] w = new double[2];
        for (int c = 0; c < n; c++) {
            if (!op.hasSuccessor(c)) continue;
            int s = op.successor(c);
            FaceFlux.weights(drift[c], diffusion[c], drift[s], diffusion[s], h, w);
            op.addFace(c, w[0], w[1], h);
        }
        return op;
    }

    /**
     * Builds the operator on the grid for the model and sets P to the initial bump (product of 1-D
     * bumps). Call {@link #setTimeStep} before {@link #step}.
     */
    public static FokkerPlanck2D prepare(Model model, Grid grid) { return new FokkerPlanck2D(model, grid, null); }

    /**
     * For benchmarks: a {@code cells × cells} grid from the planned box's corner (square cells sized
     * so the longer side of the box spans {@code cells}), with the solver's default step for tEnd.
     */
    public static FokkerPlanck2D prepare(Model model, double tEnd, int cells) {
        Grid planned = planGrid(model, tEnd, cells);
        FokkerPlanck2D fp = new FokkerPlanck2D(model, new Grid(planned.x0(), planned.y0(), planned.h(), cells, cells), null);
        fp.setTimeStep(defaultStep(fp, tEnd, tEnd / MIN_STEPS));
        return fp;
    }

    /** Steps no longer than maxStep, shortened to keep every sub-step Crank–Nicolson when that costs at most MAX_STEPS steps. */
    private static double defaultStep(FokkerPlanck2D fp, double tEnd, double maxStep) {
        double positive = fp.positiveStep();
        return Math.min(maxStep, positive >= tEnd / MAX_STEPS ? positive : Double.POSITIVE_INFINITY);
    }

    /**
     * The longest step for which every sub-step is Crank–Nicolson with a non-negative explicit half
     * (τ·max|L_cc| ≤ 2; the outer directions take half steps): second order and P ≥ 0 by construction.
     */
    public double positiveStep() {
        double limit = Double.POSITIVE_INFINITY;
        int m = ops.length;
        for (int k = 0; k < m; k++) {
            double fraction = k == m - 1 ? 1 : 0.5;
            if (rates[k] > 0) limit = Math.min(limit, 2 / (rates[k] * fraction));
        }
        return limit;
    }

    /** Sets the step size, factoring the implicit matrices only when it changes. */
    public void setTimeStep(double step) {
        if (!(step > 0)) throw new IllegalArgumentException("time step must be > 0, got " + step);
        if (step == dt) return;
        dt = step;
        int m = ops.length;
        for (int k = 0; k < m; k++) {
            double tau = k == m - 1 ? dt : 0.5 * dt;
            crankNicolson[k] = tau * rates[k] <= 2;
            factors[k].factor(crankNicolson[k] ? 0.5 * tau : STAGE * tau);
        }
    }

    /** One Strang step: the directions by half steps, the last one in the middle, then back in reverse order. */
    public void step() {
        if (Double.isNaN(dt)) throw new IllegalStateException("set the time step first");
        int m = ops.length;
        for (int k = 0; k < m - 1; k++) substep(k, 0.5 * dt);
        substep(m - 1, dt);
        for (int k = m - 2; k >= 0; k--) substep(k, 0.5 * dt);
    }

    /**
     * Direction k over tau on every line. Crank–Nicolson when τ·max|L_cc| ≤ 2: its explicit half is
     * then a non-negative matrix and its implicit half an M-matrix, so P stays ≥ 0. Otherwise
     * TR-BDF2, redone by backward Euler if it would leave a negative value.
     */
    private void substep(int k, double tau) {
        double[] swap = old;
        old = p;
        p = swap;
        LineFactor f = factors[k];
        if (crankNicolson[k]) {
            f.solveApplied(old, 0.5 * tau, p);
            return;
        }
        f.solveApplied(old, STAGE * tau, star);
        for (int c = 0; c < n; c++) p[c] = C_STAR * star[c] - C_OLD * old[c];
        f.solve(p);
        boolean negative = false;
        for (int c = 0; c < n; c++) negative |= p[c] < 0;
        if (negative) {
            System.arraycopy(old, 0, p, 0, n);
            if (euler[k].tau() != tau) euler[k].factor(tau);
            euler[k].solve(p);
            eulerSubsteps++;
        }
    }

    public Grid grid() { return grid; }

    /** Sub-steps redone by backward Euler because TR-BDF2 would have left a negative value. */
    public long eulerSubsteps() { return eulerSubsteps; }

    /** Number of jump directions in use (x, y, diagonal, anti-diagonal, …). */
    public int directions() { return ops.length; }

    public double mass() {
        double s = 0;
        for (double v : p) s += v;
        return s * grid.h() * grid.h();
    }

    public double minimum() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : p) m = Math.min(m, v);
        return m;
    }

    public Density2D density() {
        double h = grid.h();
        return new Density2D(grid.x0() + 0.5 * h, h, nx, grid.y0() + 0.5 * h, h, ny, p);
    }

    public Snapshot snapshot(double time) {
        double[] mean = new double[2];
        double[][] cov = new double[2][2];
        double mass = moments(mean, cov);
        Density2D joint = density();
        return new Snapshot(time, mean, cov, new Density1D[] {joint.marginal(0), joint.marginal(1)}, joint, new double[0][], mass);
    }

    /**
     * {@code [s][0..1]}: the span of the cells holding more than {@value #NEGLIGIBLE} of
     * probability, so that a skewed tail the moments do not describe stays inside the next window.
     */
    private double[][] occupied() {
        double area = grid.h() * grid.h();
        int iLo = nx, iHi = -1, jLo = ny, jHi = -1;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                if (p[j * nx + i] * area <= NEGLIGIBLE) continue;
                iLo = Math.min(iLo, i); iHi = Math.max(iHi, i);
                jLo = Math.min(jLo, j); jHi = Math.max(jHi, j);
            }
        }
        double h = grid.h();
        return new double[][] {{grid.x0() + iLo * h, grid.x0() + (iHi + 1) * h}, {grid.y0() + jLo * h, grid.y0() + (jHi + 1) * h}};
    }

    /** Writes the mean and covariance of P (x units) into the arrays; returns the total probability. */
    private double moments(double[] mean, double[][] cov) {
        double area = grid.h() * grid.h();
        double m0 = 0, m1 = 0, s00 = 0, s01 = 0, s11 = 0, mass = 0;
        for (int j = 0; j < ny; j++) {
            double y = grid.yCentre(j);
            for (int i = 0; i < nx; i++) {
                double w = p[j * nx + i], x = grid.xCentre(i);
                mass += w;
                m0 += w * x;
                m1 += w * y;
            }
        }
        m0 /= mass;
        m1 /= mass;
        for (int j = 0; j < ny; j++) {
            double ey = grid.yCentre(j) - m1;
            for (int i = 0; i < nx; i++) {
                double w = p[j * nx + i], ex = grid.xCentre(i) - m0;
                s00 += w * ex * ex;
                s01 += w * ex * ey;
                s11 += w * ey * ey;
            }
        }
        mean[0] = m0;
        mean[1] = m1;
        cov[0][0] = s00 / mass;
        cov[0][1] = cov[1][0] = s01 / mass;
        cov[1][1] = s11 / mass;
        return mass * area;
    }

    /**
     * The box: the LNA envelope ± {@value ChangCooperFokkerPlanck1D#ENVELOPE_SDS} sd over [0, tEnd]
     * (never below 0 for a count), square cells, {@code cells} of them along the longer side
     * (the shorter side gets at least a quarter as many). {@code cells = 0}: {@value #DEFAULT_CELLS},
     * raised up to {@value #MAX_DEFAULT_CELLS} so that a cell is no wider than the lattice step 1/Ω
     * (coarser cells need upwinding, which widens the cloud).
     */
    public static Grid planGrid(Model model, double tEnd, int cells) {
        double[][] env = MomentEnvelope.of(model, tEnd, ChangCooperFokkerPlanck1D.ENVELOPE_SDS);
        double[] lo = new double[2], span = new double[2];
        for (int s = 0; s < 2; s++) {
            double pad = 0.02 * (env[s][1] - env[s][0]);
            lo[s] = env[s][0] - pad;
            double hi = env[s][1] + pad;
            if (!model.species().get(s).signed()) lo[s] = Math.max(0, lo[s]);
            span[s] = hi - lo[s];
        }
        double longest = Math.max(span[0], span[1]);
        int longSide = cells > 0 ? cells
                : (int) Math.min(MAX_DEFAULT_CELLS, Math.max(DEFAULT_CELLS, Math.ceil(longest * model.size())));
        double h = longest / longSide;
        int[] count = new int[2];
        for (int s = 0; s < 2; s++) {
            count[s] = Math.max((int) Math.ceil(span[s] / h - 1e-9), Math.max(3, longSide / 4));
            double extra = count[s] * h - span[s];
            if (model.species().get(s).signed() || lo[s] > 0) lo[s] -= 0.5 * extra;
            if (!model.species().get(s).signed()) lo[s] = Math.max(0, lo[s]);
        }
        return new Grid(lo[0], lo[1], h, count[0], count[1]);
    }

    /**
     * The box for the next stretch of {@code duration} time units, from the cloud's current mean and
     * covariance: the LNA envelope ± {@value #WINDOW_SDS} sd over the stretch (never below 0 for a
     * count). Cells are square, {@code cells} along the longer side ({@code 0}: as many as make a
     * cell no wider than the lattice step 1/Ω, between {@value #DEFAULT_CELLS} and
     * {@value #MAX_DEFAULT_CELLS}); the cell size is rounded up to 1/Ω·2^(q/4) and the corner to a
     * whole number of cells, so consecutive windows usually share their cells and the remap is
     * an exact shift.
     */
    static Grid planWindow(Model model, double[] mean, double[][] cov, double duration, int cells, double[][] occupied, double current) {
        double[][] env = MomentEnvelope.of(model, mean, cov, duration, WINDOW_SDS);
        for (int s = 0; s < 2; s++) {
            env[s][0] = Math.min(env[s][0], occupied[s][0]);
            env[s][1] = Math.max(env[s][1], occupied[s][1]);
            if (!model.species().get(s).signed()) env[s][0] = Math.max(0, env[s][0]);
        }
        double lattice = 1 / model.size();
        double wide = env[0][1] - env[0][0], high = env[1][1] - env[1][0], longest = Math.max(wide, high);
        double raw = cells > 0 ? longest / cells
                : Math.min(longest / DEFAULT_CELLS, Math.max(Math.max(lattice, longest / MAX_SIDE), Math.sqrt(wide * high / CELL_BUDGET)));
        int longSide = (int) Math.ceil(longest / raw - 1e-9);
        boolean keep = cells == 0 && current >= raw / Math.sqrt(2) && current <= Math.pow(2, 0.25) * raw && longest / current <= MAX_SIDE;
        double h = keep ? current : lattice * Math.pow(2, Math.ceil(4 * Math.log(raw / lattice) / Math.log(2) - 1e-9) / 4);
        double[] corner = new double[2];
        int[] count = new int[2];
        for (int s = 0; s < 2; s++) {
            boolean signed = model.species().get(s).signed();
            corner[s] = Math.floor(env[s][0] / h) * h;
            count[s] = (int) Math.ceil((env[s][1] - corner[s]) / h - 1e-9);
            int least = Math.max(3, longSide / 4);
            if (count[s] < least) {
                corner[s] -= Math.floor(0.5 * (least - count[s])) * h;
                if (!signed) corner[s] = Math.max(0, corner[s]);
                count[s] = least;
            }
        }
        return new Grid(corner[0], corner[1], h, count[0], count[1]);
    }

    /**
     * Solves with a moving window: the box is re-planned ({@link #planWindow}) at every output and
     * at least {@value #MIN_WINDOWS} times over [0, tEnd], and P is carried over by conservative
     * remapping ({@link WindowRemap}), so the cells follow the cloud and stay as fine as the lattice
     * where the default budget allows. Steps no longer than tEnd/{@value #MIN_STEPS}.
     */
    public static SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        Model model = problem.model();
        int cells = problem.options().gridCells();
        double tEnd = problem.tEnd(), maxStep = tEnd / MIN_STEPS, maxPiece = tEnd / MIN_WINDOWS;
        double[] mean = model.initialX();
        double[][] cov = new double[2][2];
        double firstPiece = problem.sampleCount() > 1 ? problem.time(1) : tEnd;   // no remap before the first output
        double[][] start0 = {{mean[0], mean[0]}, {mean[1], mean[1]}};
        FokkerPlanck2D fp = new FokkerPlanck2D(model, planWindow(model, mean, cov, firstPiece, cells, start0, Double.NaN), null);
        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        double t = 0, massError = 0, coarsest = fp.grid.h(), eulerSubsteps = 0;
        double[] outside = new double[1];
        int[] largest = {fp.nx, fp.ny};
        long steps = 0;
        int windows = 1;
        boolean fresh = true;
        for (int k = 0; k < problem.sampleCount(); k++) {
            double target = problem.time(k);
            int pieces = (int) Math.ceil((target - t) / maxPiece - 1e-9);
            for (int piece = 0; piece < pieces; piece++) {
                double end = piece == pieces - 1 ? target : t + (target - t) / (pieces - piece);
                if (!fresh) {
                    fp.moments(mean, cov);
                    Grid next = planWindow(model, mean, cov, target - t, cells, fp.occupied(), fp.grid.h());
                    if (!fp.grid.holds(next)) {
                    eulerSubsteps += fp.eulerSubsteps;
                    fp = new FokkerPlanck2D(model, next, WindowRemap.remap(fp.p, fp.grid, next, outside));
                    windows++;
                    coarsest = Math.max(coarsest, next.h());
                    largest[0] = Math.max(largest[0], next.nx());
                    largest[1] = Math.max(largest[1], next.ny());
                    }
                }
                fresh = false;
                int substeps = (int) Math.ceil((end - t) / defaultStep(fp, tEnd, maxStep) - 1e-9);
                fp.setTimeStep((end - t) / substeps);
                for (int s = 0; s < substeps; s++) {
                    cancel.check();
                    fp.step();
                    steps++;
                    if ((steps & 15) == 0) listener.onProgress((t + (s + 1) * fp.dt) / tEnd);
                }
                t = end;
            }
            t = target;
            Snapshot snap = fp.snapshot(t);
            massError = Math.max(massError, Math.abs(snap.mass() - 1));
            snapshots.add(snap);
            listener.onSnapshot(k, snap);
            listener.onProgress(tEnd > 0 ? t / tEnd : 1);
        }
        Grid grid = fp.grid;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cells", new int[] {grid.nx(), grid.ny()});
        info.put("maxCells", largest);
        info.put("dx", grid.h());
        info.put("range", new double[] {grid.x0(), grid.x0() + grid.nx() * grid.h(), grid.y0(), grid.y0() + grid.ny() * grid.h()});
        info.put("windows", windows);
        info.put("windowOutsideMass", outside[0]);
        info.put("steps", steps);
        info.put("directions", fp.directions());
        info.put("eulerSubsteps", (long) eulerSubsteps + fp.eulerSubsteps);
        info.put("latticeStepsPerCell", coarsest * model.size());
        info.put("wallSeconds", (System.nanoTime() - start) * 1e-9);
        info.put("massError", massError);
        info.put("clippedMass", 0.0);     // positive by construction: nothing is ever clipped
        return new SolverResult(FokkerPlanckSolver.DESCRIPTOR, snapshots, info);
    }
}
