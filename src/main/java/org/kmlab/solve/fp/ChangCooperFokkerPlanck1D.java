package org.kmlab.solve.fp;

import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
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
 * A = M₁ and B = M₂ of the model, by conservative finite volumes on the flux
 * {@code J = A P − ½ ∂ₓ(B P)} in the Chang–Cooper spirit (Chang & Cooper 1970: a flux whose cell
 * weights are non-negative, so the implicit matrix is an M-matrix and P ≥ 0); the weights are
 * central where that is already positive and minimally upwinded where not ({@link FaceFlux}, which
 * says why the exponentially fitted weights were not used). Zero flux at both ends of the grid
 * (x = 0 is a wall for counts). Time stepping is TR-BDF2 (Bank et al. 1985; γ = 2 − √2, both
 * stages share one factored matrix), second order and L-stable; a step that would leave a
 * negative value is redone by backward Euler, which is positive by construction. Total
 * probability is conserved by the flux form up to rounding. A and B are evaluated once, at the
 * cell centres, before time stepping; the tridiagonal factors once per step size.
 */
public final class ChangCooperFokkerPlanck1D {
    /** Cells used when the options leave the choice to the solver. */
    public static final int DEFAULT_CELLS = 2000;
    /** Half-width of the box in standard deviations of the linear noise approximation. */
    static final double ENVELOPE_SDS = 9;
    /** At least this many time steps over [0, tEnd]. */
    static final int MIN_STEPS = 1000;

    private static final double GAMMA = 2 - Math.sqrt(2);
    private static final double STAGE = GAMMA / 2;                    // = (1 − γ)/(2 − γ)
    private static final double C_STAR = 1 / (GAMMA * (2 - GAMMA));
    private static final double C_OLD = (1 - GAMMA) * (1 - GAMMA) / (GAMMA * (2 - GAMMA));

    /** A uniform grid of {@code cells} cells on [lo, hi] in x units. */
    public record Grid(double lo, double hi, int cells) {
        public Grid {
            if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) throw new IllegalArgumentException("grid: need lo < hi, got [" + lo + ", " + hi + "]");
            if (cells < 3) throw new IllegalArgumentException("grid: need at least 3 cells, got " + cells);
        }

        public double dx() { return (hi - lo) / cells; }
    }

    private final int n;
    private final double lo, dx;
    private final double[] sub, diag, sup;          // L, the generator of the semi-discrete system
    private final double[] p, old, star;
    private final double[] msub, mdiag, msup;       // I − τL being factored
    private final TridiagonalFactor stageFactor, eulerFactor;
    private double dt = Double.NaN;
    private long eulerSteps;

    /** Builds the operator on the grid (A, B evaluated here, once) and sets P to the initial bump. */
    public ChangCooperFokkerPlanck1D(Model model, Grid grid) {
        if (model.speciesCount() != 1) throw new SolverException("fp: the 1-D solver needs 1 species, the model has " + model.speciesCount());
        n = grid.cells();
        lo = grid.lo();
        dx = grid.dx();
        sub = new double[n]; diag = new double[n]; sup = new double[n];
        msub = new double[n]; mdiag = new double[n]; msup = new double[n];
        p = new double[n]; old = new double[n]; star = new double[n];
        stageFactor = new TridiagonalFactor(n);
        eulerFactor = new TridiagonalFactor(n);
        buildOperator(model);
        double[] m = InitialBump.masses(model.initialX()[0], 1 / model.size(), lo, dx, n);
        for (int i = 0; i < n; i++) p[i] = m[i] / dx;
    }

    private void buildOperator(Model model) {
        KramersMoyal km = new KramersMoyal(model);
        double[] a = new double[n], b = new double[n], w = new double[2];
        for (int i = 0; i < n; i++) {
            a[i] = checked(km.drift(centre(i)), "A", centre(i), model);
            b[i] = checked(km.diffusion(centre(i)), "B", centre(i), model);
        }
        for (int f = 0; f < n - 1; f++) {
            FaceFlux.weights(a[f], b[f], a[f + 1], b[f + 1], dx, w);
            // flux out of cell f into f+1 is w[0]·P_f − w[1]·P_{f+1}
            diag[f] -= w[0] / dx;
            sup[f] += w[1] / dx;
            sub[f + 1] += w[0] / dx;
            diag[f + 1] -= w[1] / dx;
        }
    }

    private static double checked(double v, String what, double x, Model model) {
        if (!Double.isFinite(v)) throw new SolverException("fp: " + what + "(x) is not finite at " + model.species().get(0).name() + " = " + x * model.size());
        return v;
    }

    public double centre(int i) { return lo + (i + 0.5) * dx; }

    public int cells() { return n; }

    public double dx() { return dx; }

    /** Sets the step size, factoring the two implicit matrices (only when it changes). */
    public void setTimeStep(double step) {
        if (!(step > 0)) throw new IllegalArgumentException("time step must be > 0, got " + step);
        if (step == dt) return;
        dt = step;
        factor(stageFactor, STAGE * dt);
        factor(eulerFactor, dt);
    }

    private void factor(TridiagonalFactor f, double tau) {
        for (int i = 0; i < n; i++) {
            msub[i] = -tau * sub[i];
            mdiag[i] = 1 - tau * diag[i];
            msup[i] = -tau * sup[i];
        }
        f.factor(msub, mdiag, msup);
    }

    /** One TR-BDF2 step of the size set by {@link #setTimeStep}; backward Euler if TR-BDF2 would go negative. */
    public void step() {
        System.arraycopy(p, 0, old, 0, n);
        stageFactor.solveApplied(sub, diag, sup, old, STAGE * dt, star);
        for (int i = 0; i < n; i++) p[i] = C_STAR * star[i] - C_OLD * old[i];
        stageFactor.solve(p);
        boolean negative = false;
        for (int i = 0; i < n; i++) negative |= p[i] < 0;
        if (negative) {
            System.arraycopy(old, 0, p, 0, n);
            eulerFactor.solve(p);
            eulerSteps++;
        }
    }

    /** out = L·v: the semi-discrete dP/dt for the density v. */
    void apply(double[] v, double[] out) {
        out[0] = diag[0] * v[0] + sup[0] * v[1];
        for (int i = 1; i < n - 1; i++) out[i] = sub[i] * v[i - 1] + diag[i] * v[i] + sup[i] * v[i + 1];
        out[n - 1] = sub[n - 1] * v[n - 2] + diag[n - 1] * v[n - 1];
    }

    /** Steps redone by backward Euler because TR-BDF2 would have left a negative value. */
    public long eulerSteps() { return eulerSteps; }

    /** Σ P·dx. */
    public double mass() {
        double s = 0;
        for (double v : p) s += v;
        return s * dx;
    }

    public double mean() {
        double s = 0;
        for (int i = 0; i < n; i++) s += centre(i) * p[i];
        return s * dx;
    }

    public double variance() {
        double mu = mean(), s = 0;
        for (int i = 0; i < n; i++) { double e = centre(i) - mu; s += e * e * p[i]; }
        return s * dx;
    }

    public double minimum() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : p) m = Math.min(m, v);
        return m;
    }

    /** The density on the cell centres (a copy). */
    public Density1D density() { return new Density1D(lo + 0.5 * dx, dx, p); }

    public Snapshot snapshot(double time) {
        return new Snapshot(time, new double[] {mean()}, new double[][] {{variance()}},
                new Density1D[] {density()}, null, new double[0][], mass());
    }

    /** The box: the LNA envelope ± {@value #ENVELOPE_SDS} sd over [0, tEnd], never below 0 for a count. */
    public static Grid planGrid(Model model, double tEnd, int cells) {
        double[] env = MomentEnvelope.of(model, tEnd, ENVELOPE_SDS)[0];
        double lo = env[0], hi = env[1];
        double pad = 0.02 * (hi - lo);
        lo -= pad;
        hi += pad;
        if (!model.species().get(0).signed()) lo = Math.max(0, lo);
        return new Grid(lo, hi, cells > 0 ? cells : DEFAULT_CELLS);
    }

    /** Solves on the planned grid with the default step (≥ {@value #MIN_STEPS} steps, outputs hit exactly). */
    public static SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        Grid grid = planGrid(problem.model(), problem.tEnd(), problem.options().gridCells());
        return solve(problem, grid, problem.tEnd() / MIN_STEPS, listener, cancel);
    }

    /** Solves on the given grid with steps no longer than {@code maxStep}. */
    public static SolverResult solve(Problem problem, Grid grid, double maxStep, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        ChangCooperFokkerPlanck1D fp = new ChangCooperFokkerPlanck1D(problem.model(), grid);
        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        double t = 0, massError = 0, tEnd = problem.tEnd();
        long steps = 0;
        for (int k = 0; k < problem.sampleCount(); k++) {
            double target = problem.time(k);
            int substeps = (int) Math.ceil((target - t) / maxStep - 1e-9);
            if (substeps > 0) fp.setTimeStep((target - t) / substeps);
            for (int s = 0; s < substeps; s++) {
                cancel.check();
                fp.step();
                steps++;
                if ((steps & 127) == 0) listener.onProgress((t + (s + 1) * fp.dt) / tEnd);
            }
            t = target;
            Snapshot snap = fp.snapshot(t);
            massError = Math.max(massError, Math.abs(snap.mass() - 1));
            snapshots.add(snap);
            listener.onSnapshot(k, snap);
            listener.onProgress(tEnd > 0 ? t / tEnd : 1);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cells", grid.cells());
        info.put("dx", grid.dx());
        info.put("range", new double[] {grid.lo(), grid.hi()});
        info.put("steps", steps);
        info.put("eulerSteps", fp.eulerSteps());
        info.put("wallSeconds", (System.nanoTime() - start) * 1e-9);
        info.put("massError", massError);
        info.put("clippedMass", 0.0);
        return new SolverResult(FokkerPlanckSolver.DESCRIPTOR, snapshots, info);
    }
}
