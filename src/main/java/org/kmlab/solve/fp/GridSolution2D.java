package org.kmlab.solve.fp;

import org.kmlab.model.Model;
import org.kmlab.solve.Density2D;

/**
 * The 2-D Fokker–Planck density on one {@link FrameBox2D} of the {@link CoMovingFrame2D}, and its
 * time step. x = n/Ω units; {@code p} holds cell averages of the density, row-major by y.
 *
 * <p>The operator is split by jump direction ({@link DirectionalCoefficients}): the lines of cells
 * along direction d carry its drift relative to the frame and its diffusion, so the off-diagonal
 * B_xy of a jump such as (−1, +1) is diffusion along anti-diagonal lines with non-negative
 * weights (the positive directional stencils of Kushner &amp; Dupuis 1992; Weickert 1998), and a
 * conserved quantity of a reaction (A + B for A → B) is exactly conserved on the grid. On each
 * line the drift is a conservative semi-Lagrangian step with positive parabolas
 * ({@link ParabolicTransport}: any cell Péclet number and Courant number, no artificial diffusion,
 * third order in space) and the diffusion a central finite-volume step, Crank–Nicolson while its
 * explicit half is non-negative, else TR-BDF2, redone by backward Euler if that would leave a
 * negative value (an M-matrix either way). One time step is Strang splitting (Strang 1968) over
 * the sequence diffusion₁, …, diffusion_K, drift₁, …, drift_K, with every coefficient and the
 * frame's shares taken at the middle of the step: second order in time. P ≥ 0 and total
 * probability conserved by construction (to rounding); nothing is clipped or renormalised.
 */
final class GridSolution2D {
    /** Probability a marginal may hold beyond either end of the span a re-plan must keep. */
    static final double TAIL = 1e-9;
    /** Probability per cell above which a cell counts for the Péclet number. */
    static final double SIGNIFICANT = 1e-10;
    /** Probability per cell above which a cell's drift sets the step: about 4.3 sd out in a Gaussian cloud. */
    static final double BULK = 1e-6;

    private static final double GAMMA = 2 - Math.sqrt(2);
    private static final double STAGE = GAMMA / 2;
    private static final double C_STAR = 1 / (GAMMA * (2 - GAMMA));
    private static final double C_OLD = (1 - GAMMA) * (1 - GAMMA) / (GAMMA * (2 - GAMMA));

    private final CoMovingFrame2D frame;
    private final DirectionalCoefficients coeff;
    private final int dirs;
    private final int[][] step;
    private final double[] shares, origin = new double[2];
    private final LineOperator[] ops;
    private final LineFactor[] factors, euler;
    private final boolean[] crankNicolson, diffusive, moving;
    private final double[] maxRate;
    private final int[] chainKind, chainDir;
    private GridLines[] lines;
    private LineParts[] parts;
    private Lanes lanes = Lanes.of(1);
    // per lane: its transport kernel, face velocities, and what it found (fastest rate, any diffusion, a negative value)
    private ParabolicTransport[] transports = {new ParabolicTransport()};
    private double[][] w = {new double[0]}, rates;
    private boolean[][] anyDiffusion, movingIn;
    private final boolean separable;
    private boolean[] negative = {false};
    // the sweep the lanes run next (fields, not a captured lambda: a step allocates nothing)
    private static final int PREPARE = 0, FACTOR = 1, DRIFT = 2, CRANK_NICOLSON = 3, TR_BDF2 = 4, EULER = 5, COEFFICIENTS = 6;
    private final Lanes.Part sweep = this::sweep;
    private int task, taskDirection, chainLength;
    private double taskTau;
    private boolean refactor;
    private FrameBox2D box;
    private int nx, ny, n;
    private double[] p, old, star;
    private double[][] drift, diffusion;
    private double h;
    private long eulerSubsteps;

    /** Takes ownership of {@code density} (cell averages on {@code box}). */
    GridSolution2D(Model model, CoMovingFrame2D frame, FrameBox2D box, double[] density) {
        this.frame = frame;
        coeff = new DirectionalCoefficients(model);
        dirs = frame.directionCount();
        step = new int[dirs][];
        for (int d = 0; d < dirs; d++) step[d] = frame.direction(d);
        shares = new double[dirs];
        ops = new LineOperator[dirs];
        factors = new LineFactor[dirs];
        euler = new LineFactor[dirs];
        crankNicolson = new boolean[dirs];
        maxRate = new double[dirs];
        rates = new double[1][dirs];
        anyDiffusion = new boolean[1][dirs];
        movingIn = new boolean[1][dirs];
        separable = coeff.separable();
        diffusive = new boolean[dirs];
        moving = new boolean[dirs];
        chainKind = new int[2 * dirs];
        chainDir = new int[2 * dirs];
        drift = new double[dirs][0];
        diffusion = new double[dirs][0];
        for (int d = 0; d < dirs; d++) {
            ops[d] = new LineOperator(box.nx(), box.ny(), step[d][0], step[d][1]);
            factors[d] = new LineFactor(ops[d]);
            euler[d] = new LineFactor(ops[d]);
        }
        reset(box, density);
    }

    /** Moves this solution to another box, with {@code density} on it (taken); work arrays only grow. */
    void reset(FrameBox2D next, double[] density) {
        if (density.length < next.cells()) throw new IllegalArgumentException("density has " + density.length + " cells, box " + next.cells());
        boolean reshaped = lines == null || next.nx() != nx || next.ny() != ny;
        box = next;
        nx = next.nx();
        ny = next.ny();
        n = nx * ny;
        h = next.h();
        p = density;
        if (old == null || old.length < n) {
            int m = Math.max(n, old == null ? 0 : old.length + old.length / 2);
            old = new double[m];
            star = new double[m];
            for (int d = 0; d < dirs; d++) {
                drift[d] = new double[m];
                diffusion[d] = new double[m];
            }
        }
        for (int d = 0; d < dirs; d++) {
            ops[d].reshape(nx, ny);
            factors[d].invalidate();
            euler[d].invalidate();
        }
        if (!reshaped) return;                    // the lines and their lanes depend on the shape alone
        lines = new GridLines[dirs];
        for (int d = 0; d < dirs; d++) lines[d] = new GridLines(nx, ny, step[d][0], step[d][1]);
        split();
    }

    /**
     * Steps from now on with the lanes of {@code team} (shared with other grids stepped in turn,
     * never at the same time); the result is the same for any number of lanes.
     */
    void lanes(Lanes team) {
        if (team == lanes) return;
        lanes = team;
        int k = team.count();
        transports = new ParabolicTransport[k];
        w = new double[k][0];
        rates = new double[k][dirs];
        anyDiffusion = new boolean[k][dirs];
        movingIn = new boolean[k][dirs];
        negative = new boolean[k];
        for (int lane = 0; lane < k; lane++) transports[lane] = new ParabolicTransport();
        split();
    }

    /** Shares every direction's lines among the lanes and sizes the lanes' buffers. */
    private void split() {
        int k = lanes.count(), longest = 0;
        parts = new LineParts[dirs];
        for (int d = 0; d < dirs; d++) {
            parts[d] = new LineParts(nx, ny, step[d][0], step[d][1], lines[d], k);
            longest = Math.max(longest, lines[d].longest());
        }
        for (int lane = 0; lane < k; lane++) if (w[lane].length < longest + 1) w[lane] = new double[longest + 1];
    }

    FrameBox2D box() { return box; }

    /** The cell averages (live array; {@link FrameBox2D#cells()} of them are used). */
    double[] values() { return p; }

    long eulerSubsteps() { return eulerSubsteps; }

    /**
     * Drift relative to the frame and diffusion of every direction at the cell centres, at time
     * {@code t} (the middle of a step of length {@code tau}, over which the frame's shares are averaged).
     */
    private void evaluate(double t, double tau) {
        frame.origin(t, origin);
        frame.shares(t - 0.5 * tau, tau, shares);
        coeff.axes(origin[0] + box.x0(), origin[1] + box.y0(), h, nx, ny);
        if (separable) run(COEFFICIENTS, 0, 0);
        else coefficients(0, 0, lanes.count());
        for (int d = 0; d < dirs; d++) {
            moving[d] = false;
            for (int lane = 0; lane < lanes.count(); lane++) moving[d] |= movingIn[lane][d];
        }
    }

    /** Rows of lane {@code lane} in {@code lanes} bands: the coefficients there, and which directions drift. */
    private void coefficients(int lane, int from, int to) {
        for (int band = from; band < to; band++) {
            int j0 = (int) ((long) band * ny / lanes.count()), j1 = (int) ((long) (band + 1) * ny / lanes.count());
            coeff.rows(j0, j1, shares, dirs, drift, diffusion);
            for (int d = 0; d < dirs; d++) {
                double[] a = drift[d];
                boolean any = false;
                for (int c = j0 * nx, end = j1 * nx; c < end && !any; c++) any = a[c] != 0;
                movingIn[band][d] = any;
            }
        }
    }

    /**
     * Builds each direction's central diffusion operator ({@link FaceFlux} weights without drift:
     * ½b/h² ≥ 0) on lane {@code lane}'s lines, noting its fastest rate max|L_cc| and whether it
     * diffuses at all. Faces are taken in memory order, as are a cell's two faces.
     */
    private void prepareDiffusion(int lane) {
        double half = 0.5 / (h * h);
        for (int d = 0; d < dirs; d++) {
            LineOperator op = ops[d];
            LineParts part = parts[d];
            int[] from = part.from[lane], to = part.to[lane];
            double[] b = diffusion[d], sub = op.sub, diag = op.diag, sup = op.sup;
            for (int j = 0; j < ny; j++) {
                java.util.Arrays.fill(sub, j * nx + from[j], j * nx + to[j], 0);
                java.util.Arrays.fill(diag, j * nx + from[j], j * nx + to[j], 0);
                java.util.Arrays.fill(sup, j * nx + from[j], j * nx + to[j], 0);
            }
            rates[lane][d] = 0;
            anyDiffusion[lane][d] = false;
            if (!frame.hasReactions(d)) continue;
            double any = 0, rate = 0;
            int di = step[d][0], dj = step[d][1], stride = op.offset;
            // every face c → c + stride inside the box: flux ½(b_c P_c − b_s P_s)/h
            for (int j = 0; j + dj < ny; j++) {
                for (int c = j * nx + Math.max(from[j], -di), end = j * nx + Math.min(to[j], nx - di); c < end; c++) {
                    int s = c + stride;
                    double left = half * b[c], right = half * b[s];
                    diag[c] -= left;
                    sup[c] += right;
                    sub[s] += left;
                    diag[s] -= right;
                    any += left + right;
                }
            }
            for (int j = 0; j < ny; j++) {
                for (int c = j * nx + from[j], end = j * nx + to[j]; c < end; c++) rate = Math.max(rate, -diag[c]);
            }
            rates[lane][d] = rate;
            anyDiffusion[lane][d] = any > 0;
        }
    }

    /** The lanes' findings of {@link #prepareDiffusion} put together. */
    private void gatherDiffusion() {
        for (int d = 0; d < dirs; d++) {
            diffusive[d] = false;
            maxRate[d] = 0;
            for (int lane = 0; lane < lanes.count(); lane++) {
                diffusive[d] |= anyDiffusion[lane][d];
                maxRate[d] = Math.max(maxRate[d], rates[lane][d]);
            }
        }
    }

    /** Starts direction d's factors for sub-steps of tau: Crank–Nicolson while τ·max|L_cc| ≤ 2, else TR-BDF2. */
    private void factor(int d, double tau) {
        crankNicolson[d] = tau * maxRate[d] <= 2;
        factors[d].begin(crankNicolson[d] ? 0.5 * tau : STAGE * tau);
        euler[d].invalidate();
    }

    /**
     * One Strang step from t to t + tau: the chain diffusion₁, …, diffusion_K, drift₁, …, drift_K
     * by half steps, the last one by a whole step in the middle, then back in reverse order.
     */
    void step(double t, double tau) {
        evaluate(t + 0.5 * tau, tau);
        run(PREPARE, 0, 0);
        gatherDiffusion();
        int m = 0;
        for (int d = 0; d < dirs; d++) if (diffusive[d]) { chainKind[m] = 0; chainDir[m++] = d; }
        for (int d = 0; d < dirs; d++) if (moving[d]) { chainKind[m] = 1; chainDir[m++] = d; }
        if (m == 0) return;
        chainLength = m;
        for (int k = 0; k < m; k++) if (chainKind[k] == 0) factor(chainDir[k], k == m - 1 ? tau : 0.5 * tau);
        run(FACTOR, 0, 0);
        for (int k = 0; k < m - 1; k++) apply(k, 0.5 * tau);
        apply(m - 1, tau);
        for (int k = m - 2; k >= 0; k--) apply(k, 0.5 * tau);
    }

    private void apply(int k, double tau) {
        if (chainKind[k] == 0) diffuse(chainDir[k], tau);
        else run(DRIFT, chainDir[k], tau);
    }

    /** Runs one sweep on every lane. */
    private void run(int what, int direction, double tau) {
        task = what;
        taskDirection = direction;
        taskTau = tau;
        lanes.run(sweep);
    }

    /** Lane {@code lane}'s share of the sweep set by {@link #run}. */
    private void sweep(int lane) {
        int d = taskDirection;
        switch (task) {
            case COEFFICIENTS -> coefficients(lane, lane, lane + 1);
            case PREPARE -> prepareDiffusion(lane);
            case FACTOR -> {
                for (int k = 0; k < chainLength; k++) if (chainKind[k] == 0) factors[chainDir[k]].factor(parts[chainDir[k]], lane);
            }
            case DRIFT -> drift(d, taskTau, lane);
            case CRANK_NICOLSON -> factors[d].solveApplied(old, 0.5 * taskTau, p, parts[d], lane);
            case TR_BDF2 -> trBdf2(d, taskTau, lane);
            case EULER -> euler(d, lane);
            default -> throw new IllegalStateException("sweep " + task);
        }
    }

    /** The drift of direction d over tau on lane {@code lane}'s lines (semi-Lagrangian, positive parabolas). */
    private void drift(int d, double tau, int lane) {
        GridLines g = lines[d];
        double[] a = drift[d], v = w[lane];
        ParabolicTransport transport = transports[lane];
        double scale = 0.5 / h;
        int stride = g.stride;
        for (int l : parts[d].lines[lane]) {
            int len = g.length[l], c0 = g.start[l];
            if (len < 2) continue;
            v[0] = 0;
            v[len] = 0;
            int c = c0;
            for (int k = 1; k < len; k++, c += stride) v[k] = (a[c] + a[c + stride]) * scale;
            transport.advect(p, c0, stride, len, v, tau);
        }
    }

    /**
     * The diffusion of direction d over tau on every line: Crank–Nicolson when τ·max|L_cc| ≤ 2 (its
     * explicit half is then non-negative and its implicit half an M-matrix), else TR-BDF2, redone
     * by backward Euler if it would leave a negative value.
     */
    private void diffuse(int d, double tau) {
        double[] swap = old;
        old = p;
        p = swap;
        if (crankNicolson[d]) {
            run(CRANK_NICOLSON, d, tau);
            return;
        }
        run(TR_BDF2, d, tau);
        boolean any = false;
        for (int lane = 0; lane < lanes.count(); lane++) any |= negative[lane];
        if (any) {
            refactor = euler[d].tau() != tau;
            if (refactor) euler[d].begin(tau);
            run(EULER, d, tau);
            eulerSubsteps++;
        }
    }

    /** TR-BDF2 on lane {@code lane}'s lines of direction d, noting whether it left a negative value there. */
    private void trBdf2(int d, double tau, int lane) {
        LineFactor f = factors[d];
        LineParts part = parts[d];
        f.solveApplied(old, STAGE * tau, star, part, lane);
        int[] from = part.from[lane], to = part.to[lane];
        for (int j = 0; j < ny; j++) {
            for (int c = j * nx + from[j], end = j * nx + to[j]; c < end; c++) p[c] = C_STAR * star[c] - C_OLD * old[c];
        }
        f.solve(p, part, lane);
        boolean below = false;
        for (int j = 0; j < ny; j++) {
            for (int c = j * nx + from[j], end = j * nx + to[j]; c < end; c++) below |= p[c] < 0;
        }
        negative[lane] = below;
    }

    /** Backward Euler on lane {@code lane}'s lines of direction d, from the values before the sub-step. */
    private void euler(int d, int lane) {
        LineParts part = parts[d];
        int[] from = part.from[lane], to = part.to[lane];
        for (int j = 0; j < ny; j++) System.arraycopy(old, j * nx + from[j], p, j * nx + from[j], to[j] - from[j]);
        if (refactor) euler[d].factor(part, lane);
        euler[d].solve(p, part, lane);
    }

    /**
     * Step-size facts at time t, written to {@code out}: [0] the fastest relative drift in a cell
     * holding more than {@value #BULK} of probability, in cells per unit time; [1] the largest
     * change of the drift across a cell anywhere, per unit time (departure points must stay in
     * order: τ·[1] &lt; 1); [2] the same where probability is present; [3] the largest cell Péclet
     * number 2|a|h/b of a direction with reactions over cells holding more than
     * {@value #SIGNIFICANT} (∞ where such a cell has drift but no diffusion): above 2 a positive
     * central flux would have to upwind, which the semi-Lagrangian drift does not need.
     */
    void limits(double t, double[] out) {
        evaluate(t, 0);
        lastLimits(out);
    }

    /** {@link #limits} from the coefficients of the last step (no new evaluation: for diagnostics at outputs). */
    void lastLimits(double[] out) {
        double area = h * h, speed = 0, shear = 0, gradient = 0, peclet = 0;
        for (int d = 0; d < dirs; d++) {
            double[] a = drift[d], b = diffusion[d];
            boolean reactions = frame.hasReactions(d);
            int di = step[d][0], dj = step[d][1], stride = dj * nx + di;
            for (int j = 0; j < ny; j++) {
                boolean lastRow = j + dj >= ny;
                for (int i = 0, c = j * nx; i < nx; i++, c++) {
                    double mass = p[c] * area;
                    if (mass > BULK) speed = Math.max(speed, Math.abs(a[c]) / h);
                    if (mass > SIGNIFICANT && reactions && a[c] != 0) {
                        peclet = Math.max(peclet, b[c] > 0 ? 2 * Math.abs(a[c]) * h / b[c] : Double.POSITIVE_INFINITY);
                    }
                    if (lastRow || i + di < 0 || i + di >= nx) continue;
                    double change = Math.abs(a[c + stride] - a[c]) / h;
                    shear = Math.max(shear, change);
                    if (mass > BULK) gradient = Math.max(gradient, change);
                }
            }
        }
        out[0] = speed;
        out[1] = shear;
        out[2] = gradient;
        out[3] = peclet;
    }

    double mass() {
        double s = 0;
        for (int c = 0; c < n; c++) s += p[c];
        return s * h * h;
    }

    double minimum() {
        double m = Double.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) m = Math.min(m, p[c]);
        return m;
    }

    /**
     * Mean and covariance (lab x units) at time t into the arrays; returns the mass. The cells hold
     * averages of a smooth density, whose variance is the cell-centre variance less h²/12 per axis
     * (Sheppard's correction): without it the reported variance would carry an offset of that size
     * that changes whenever the cell size does.
     */
    double moments(double t, double[] mean, double[][] cov) {
        frame.origin(t, origin);
        double m0 = 0, m1 = 0, s00 = 0, s01 = 0, s11 = 0, mass = 0;
        for (int j = 0; j < ny; j++) {
            double y = box.yCentre(j);
            for (int i = 0; i < nx; i++) {
                double v = p[j * nx + i];
                mass += v;
                m0 += v * box.xCentre(i);
                m1 += v * y;
            }
        }
        m0 /= mass;
        m1 /= mass;
        for (int j = 0; j < ny; j++) {
            double ey = box.yCentre(j) - m1;
            for (int i = 0; i < nx; i++) {
                double v = p[j * nx + i], ex = box.xCentre(i) - m0;
                s00 += v * ex * ex;
                s01 += v * ex * ey;
                s11 += v * ey * ey;
            }
        }
        double sheppard = h * h / 12;
        mean[0] = origin[0] + m0;
        mean[1] = origin[1] + m1;
        cov[0][0] = s00 / mass - sheppard;
        cov[0][1] = cov[1][0] = s01 / mass;
        cov[1][1] = s11 / mass - sheppard;
        return mass * h * h;
    }

    /**
     * {@code [s][0..1]}: the span (frame coordinates) outside which each marginal holds at most
     * {@value #TAIL} of probability on either side, so that a skewed tail the moments do not
     * describe stays inside the next box (and a trace of probability stopped by a box wall does
     * not keep the box from shrinking).
     */
    double[][] occupied() {
        double[] mx = new double[nx], my = new double[ny];
        double area = h * h;
        for (int j = 0; j < ny; j++) {
            for (int i = 0, c = j * nx; i < nx; i++, c++) {
                double v = p[c] * area;
                mx[i] += v;
                my[j] += v;
            }
        }
        return new double[][] {span(mx, box.x0()), span(my, box.y0())};
    }

    private double[] span(double[] m, double corner) {
        int lo = 0, hi = m.length - 1;
        for (double below = m[0]; lo < hi && below <= TAIL; below += m[++lo]) { }
        for (double above = m[hi]; hi > lo && above <= TAIL; above += m[--hi]) { }
        return new double[] {corner + lo * h, corner + (hi + 1) * h};
    }

    /** The density in lab coordinates at time t (a copy). */
    Density2D density(double t) {
        frame.origin(t, origin);
        return new Density2D(origin[0] + box.xCentre(0), h, nx, origin[1] + box.yCentre(0), h, ny, java.util.Arrays.copyOf(p, n));
    }

    /**
     * The L1 distance between the cell averages of {@code coarse}, on a box this one refines (each
     * of its cells is 2 × 2 of ours), and this solution's averages over the same cells:
     * {@code Σ |P_coarse − mean of its four cells here| · h_coarse²}. Compared on the coarse cells,
     * so that the two grids' different resolutions of one smooth density (an O(h) difference of
     * piecewise-constant pictures) do not count, only the solutions' disagreement.
     */
    double l1To(GridSolution2D coarse) {
        FrameBox2D cb = coarse.box;
        int cnx = cb.nx(), cny = cb.ny();
        if (cnx * 2 != nx || cny * 2 != ny || cb.h() != 2 * h) throw new IllegalStateException("not a refinement");
        double sum = 0;
        double[] q = coarse.p;
        for (int J = 0; J < cny; J++) {
            int r0 = 2 * J * nx, r1 = r0 + nx;
            for (int I = 0; I < cnx; I++) {
                double mean = 0.25 * (p[r0 + 2 * I] + p[r0 + 2 * I + 1] + p[r1 + 2 * I] + p[r1 + 2 * I + 1]);
                sum += Math.abs(q[J * cnx + I] - mean);
            }
        }
        return sum * cb.h() * cb.h();
    }
}
