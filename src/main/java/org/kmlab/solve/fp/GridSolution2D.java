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
    /** Length of the array {@link #limits} fills. */
    static final int LIMITS = 5;

    private static final double GAMMA = 2 - Math.sqrt(2);
    private static final double STAGE = GAMMA / 2;
    private static final double C_STAR = 1 / (GAMMA * (2 - GAMMA));
    private static final double C_OLD = (1 - GAMMA) * (1 - GAMMA) / (GAMMA * (2 - GAMMA));

    private final CoMovingFrame2D frame;
    private final DirectionalCoefficients coeff;
    private final int dirs;
    private final int[][] step;
    private final double[] shares, origin = new double[2];
    private final ParabolicTransport transport = new ParabolicTransport();
    private final LineOperator[] ops;
    private final LineFactor[] factors, euler;
    private final boolean[] crankNicolson, diffusive, moving;
    private final int[] chainKind, chainDir;
    private GridLines[] lines;
    private FrameBox2D box;
    private int nx, ny, n;
    private double[] p, old, star, w;
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
        lines = new GridLines[dirs];
        int longest = 0;
        for (int d = 0; d < dirs; d++) {
            lines[d] = new GridLines(nx, ny, step[d][0], step[d][1]);
            longest = Math.max(longest, lines[d].longest());
            ops[d].reshape(nx, ny);
            factors[d].invalidate();
            euler[d].invalidate();
        }
        if (w == null || w.length < longest + 1) w = new double[longest + 1];
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
        coeff.onGrid(origin[0] + box.x0(), origin[1] + box.y0(), h, nx, ny, shares, dirs, drift, diffusion);
        for (int d = 0; d < dirs; d++) {
            double[] a = drift[d];
            boolean any = false;
            for (int c = 0; c < n && !any; c++) any = a[c] != 0;
            moving[d] = any;
        }
    }

    /** Builds each direction's central diffusion operator ({@link FaceFlux} weights without drift: ½b/h² ≥ 0). */
    private void prepareDiffusion() {
        double half = 0.5 / (h * h);
        for (int d = 0; d < dirs; d++) {
            LineOperator op = ops[d];
            op.clear();
            diffusive[d] = false;
            if (!frame.hasReactions(d)) continue;
            double[] b = diffusion[d], sub = op.sub, diag = op.diag, sup = op.sup;
            double any = 0;
            int di = step[d][0], dj = step[d][1], stride = op.offset;
            // every face c → c + stride inside the box, in memory order: flux ½(b_c P_c − b_s P_s)/h
            for (int j = 0; j + dj < ny; j++) {
                for (int i = Math.max(0, -di), c = j * nx + i, end = j * nx + Math.min(nx, nx - di); c < end; c++) {
                    int s = c + stride;
                    double left = half * b[c], right = half * b[s];
                    diag[c] -= left;
                    sup[c] += right;
                    sub[s] += left;
                    diag[s] -= right;
                    any += left + right;
                }
            }
            diffusive[d] = any > 0;
        }
    }

    /** Factors direction d's operator for sub-steps of tau: Crank–Nicolson while τ·max|L_cc| ≤ 2, else TR-BDF2. */
    private void factor(int d, double tau) {
        crankNicolson[d] = tau * ops[d].maxRate() <= 2;
        factors[d].factor(crankNicolson[d] ? 0.5 * tau : STAGE * tau);
        euler[d].invalidate();
    }

    /**
     * One Strang step from t to t + tau: the chain diffusion₁, …, diffusion_K, drift₁, …, drift_K
     * by half steps, the last one by a whole step in the middle, then back in reverse order.
     */
    void step(double t, double tau) {
        evaluate(t + 0.5 * tau, tau);
        prepareDiffusion();
        int m = 0;
        for (int d = 0; d < dirs; d++) if (diffusive[d]) { chainKind[m] = 0; chainDir[m++] = d; }
        for (int d = 0; d < dirs; d++) if (moving[d]) { chainKind[m] = 1; chainDir[m++] = d; }
        if (m == 0) return;
        for (int k = 0; k < m; k++) if (chainKind[k] == 0) factor(chainDir[k], k == m - 1 ? tau : 0.5 * tau);
        for (int k = 0; k < m - 1; k++) apply(k, 0.5 * tau);
        apply(m - 1, tau);
        for (int k = m - 2; k >= 0; k--) apply(k, 0.5 * tau);
    }

    private void apply(int k, double tau) {
        if (chainKind[k] == 0) diffuse(chainDir[k], tau);
        else drift(chainDir[k], tau);
    }

    /** The drift of direction d over tau on every line (semi-Lagrangian, positive parabolas). */
    private void drift(int d, double tau) {
        GridLines g = lines[d];
        double[] a = drift[d];
        double scale = 0.5 / h;
        int stride = g.stride;
        for (int l = 0; l < g.count; l++) {
            int len = g.length[l], c0 = g.start[l];
            if (len < 2) continue;
            w[0] = 0;
            w[len] = 0;
            int c = c0;
            for (int k = 1; k < len; k++, c += stride) w[k] = (a[c] + a[c + stride]) * scale;
            transport.advect(p, c0, stride, len, w, tau);
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
        LineFactor f = factors[d];
        if (crankNicolson[d]) {
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
            if (euler[d].tau() != tau) euler[d].factor(tau);
            euler[d].solve(p);
            eulerSubsteps++;
        }
    }

    /**
     * Step-size facts at time t, written to {@code out}: [0] the fastest relative drift in a cell
     * holding more than {@value #BULK} of probability, in cells per unit time; [1] the largest
     * change of the drift across a cell anywhere, per unit time (departure points must stay in
     * order: τ·[1] &lt; 1); [2] the largest growth of a direction's drift along it (∂a/∂s &gt; 0)
     * where probability is present, [4] the largest decay (−∂a/∂s, a relaxing drift) there; [3] the largest cell Péclet
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
        double area = h * h, speed = 0, shear = 0, expansion = 0, contraction = 0, peclet = 0;
        for (int d = 0; d < dirs; d++) {
            double[] a = drift[d], b = diffusion[d];
            boolean reactions = frame.hasReactions(d);
            int di = step[d][0], dj = step[d][1], stride = dj * nx + di;
            for (int j = 0; j < ny; j++) {
                boolean lastRow = j + dj >= ny;
                for (int i = 0, c = j * nx; i < nx; i++, c++) {
                    double mass = p[c] * area;
                    // comparisons, not Math.max: its NaN/−0 care makes a slow chain through the maxima
                    double fast = Math.abs(a[c]) / h;
                    if (mass > BULK && fast > speed) speed = fast;
                    if (mass > SIGNIFICANT && reactions && a[c] != 0) {
                        double pe = b[c] > 0 ? 2 * Math.abs(a[c]) * h / b[c] : Double.POSITIVE_INFINITY;
                        if (pe > peclet) peclet = pe;
                    }
                    if (lastRow || i + di < 0 || i + di >= nx) continue;
                    double signed = (a[c + stride] - a[c]) / h, change = Math.abs(signed);
                    if (change > shear) shear = change;
                    if (mass > BULK) {
                        if (signed > expansion) expansion = signed;
                        else if (-signed > contraction) contraction = -signed;
                    }
                }
            }
        }
        out[0] = speed;
        out[1] = shear;
        out[2] = expansion;
        out[3] = peclet;
        out[4] = contraction;
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

    /**
     * The density in lab coordinates at time t as averages over the cells of {@code picture} (a box
     * of the same extent): the integrals of the positive parabolas that the drift steps transport
     * ({@link GridRemap2D}), so a picture with smaller cells than ours shows the solution's own
     * third-order reconstruction instead of a staircase of our cells. Conservative and positive.
     */
    Density2D density(double t, FrameBox2D picture, ParabolicTransport transport) {
        frame.origin(t, origin);
        double[] lost = new double[1];
        double[] q = GridRemap2D.remap(p, box, 0, 0, picture, transport, lost);   // reads p, writes a new array
        return new Density2D(origin[0] + picture.xCentre(0), picture.h(), picture.nx(), origin[1] + picture.yCentre(0), picture.h(), picture.ny(), q);
    }

    /**
     * The L1 distance between {@code coarse}, on the box whose {@link FrameBox2D#checkBox() check
     * box} is ours, and this solution, compared on blocks that both grids tile exactly (2 × 2 coarse
     * cells, 3 × 3 of ours): {@code Σ |mass of the block there − mass of the block here|}. Compared
     * on common blocks, so that the two grids' different resolutions of one smooth density (an O(h)
     * difference of piecewise-constant pictures) do not count, only the solutions' disagreement.
     */
    double l1To(GridSolution2D coarse) {
        FrameBox2D cb = coarse.box;
        int cnx = cb.nx(), cny = cb.ny();
        if (!box.equals(cb.checkBox())) throw new IllegalStateException("not the check box of " + cb);
        double sum = 0;
        double[] q = coarse.p;
        for (int J = 0; J < cny / 2; J++) {
            for (int I = 0; I < cnx / 2; I++) {
                double mine = 0, theirs = 0;
                for (int j = 3 * J; j < 3 * J + 3; j++) for (int i = 3 * I; i < 3 * I + 3; i++) mine += p[j * nx + i];
                for (int j = 2 * J; j < 2 * J + 2; j++) for (int i = 2 * I; i < 2 * I + 2; i++) theirs += q[j * cnx + i];
                sum += Math.abs(theirs * cb.h() * cb.h() - mine * h * h);
            }
        }
        return sum;
    }
}
