package org.kmlab.solve.cme;

import org.kmlab.model.LatticeWalls;

import java.util.Arrays;

/**
 * Chooses the window of the next step of a sliding-window finite state projection (Wolf,
 * Singh, Vidal & Clarke, "Solving the chemical master equation using sliding windows", BMC
 * Systems Biology 4:42, 2010): the part of the lattice where the probability is or will be
 * over the step, in whole states (counts).
 * <ul>
 * <li>{@link #support}: where it is. The states of least probability are left out, together
 *   holding at most a given mass (the drop budget), from the ends of each row inward: the
 *   threshold is found from a histogram of the binary exponents of P, so it costs one pass.</li>
 * <li>{@link #predicted}: where it will be. Points on the support's boundary (both ends of each
 *   row, every state of the first and last rows; at most about 500 points) follow the mean
 *   drift {@code dn/dt = Σ_r ν_r a_r(n)} over the step (Heun's method), and each position keeps
 *   a margin for the spread the step adds, plus {@value #MARGIN_STATES} states, around it; the
 *   window is the support together with all of these. The margin treats the support's edge as
 *   the level set of a Gaussian K = {@value #EDGE_SDS}·c standard deviations out (P ≈ 10⁻¹⁴ of
 *   its peak): a half-width w along axis s becomes {@code √(w² + K²·B_ss·τ)} when diffusion
 *   {@code B_ss = Σ_r ν_r,s² a_r(n)} adds variance over τ, the horizon, but no longer than the
 *   1/(2|∂A_s/∂n_s|) after which a restoring drift stops the spread. So a point mass spreads by
 *   K diffusion lengths and a wide, settled support hardly moves. The caller tunes c from the
 *   leaks it sees; a distribution that spreads faster leaks, and {@link #grown} repairs it.</li>
 * <li>{@link #grown}: a window that loses more than its share is widened where it leaks: around
 *   every target of a leaking jump that carries at least {@value #GROW_SHARE} of the largest leak
 *   flow, by a quarter of the window's width in 1-D and an eighth in 2-D (at least
 *   {@value #MIN_GROWTH} states).</li>
 * </ul>
 */
final class WindowPlanner {
    static final int MARGIN_STATES = 3;
    static final double EDGE_SDS = 8;
    static final double GROW_SHARE = 1e-3;
    static final int MIN_GROWTH = 8;
    private static final int MAX_POINTS = 512;

    private final Rates rates;
    private final int dim;
    private final boolean signedX, signedY;
    private final double[] x = new double[2], k1 = new double[2], k2 = new double[2], mid = new double[2], kp = new double[2];
    private final long[] counts = new long[2], target = new long[2];
    private final double[] exponentMass = new double[2200];
    private double scale;
    private final double[] halfWidth = new double[2];

    /** Walls on both sides of a 1-D process, or null: no window reaches past them. */
    private final LatticeWalls walls;

    WindowPlanner(Rates rates) { this(rates, LatticeWalls.none()); }

    /** @param walls the lattice walls of the model ({@link LatticeWalls}); used when there is one on each side */
    WindowPlanner(Rates rates, LatticeWalls walls) {
        this.rates = rates;
        this.walls = walls.closed() ? walls : null;
        this.dim = rates.dimension();
        this.signedX = rates.signed(0);
        this.signedY = dim == 2 && rates.signed(1);
    }

    Extents empty() {
        return walls != null && dim == 1 ? new Extents(signedX, walls) : new Extents(dim, signedX, signedY);
    }

    Extents of(Lattice lattice) {
        if (walls != null && dim == 1) {
            Extents e = empty();
            e.addAll(Extents.of(lattice, signedX, signedY));
            return e;
        }
        return Extents.of(lattice, signedX, signedY);
    }

    /**
     * The states of {@code lattice} that keep all of p but at most {@code dropBudget}: the rows
     * trimmed at both ends below a threshold. Never empty while p holds mass.
     */
    Extents support(Lattice lattice, double[] p, double dropBudget) {
        double threshold = threshold(p, dropBudget);
        Extents e = empty();
        for (int j = 0; j < lattice.rows(); j++) {
            int base = lattice.start(j) - lattice.from(j), a = lattice.from(j), b = lattice.to(j) - 1;
            while (a <= b && !(p[base + a] >= threshold)) a++;
            while (b >= a && !(p[base + b] >= threshold)) b--;
            if (a <= b) e.add(lattice.lo(0) + a, lattice.lo(0) + b, dim == 1 ? 0 : lattice.lo(1) + j);
        }
        if (e.isEmpty()) return of(lattice);   // no mass to speak of: keep what there is
        return e;
    }

    /** The largest power of 2 such that the states below it hold at most {@code budget}. */
    private double threshold(double[] p, double budget) {
        Arrays.fill(exponentMass, 0);
        for (double v : p) if (v > 0) exponentMass[Math.getExponent(v) + 1100] += v;
        double below = 0;
        int e = 0;
        for (; e < exponentMass.length; e++) {
            if (below + exponentMass[e] > budget) break;
            below += exponentMass[e];
        }
        return e >= exponentMass.length ? Double.POSITIVE_INFINITY : Math.scalb(1.0, e - 1100);
    }

    /**
     * {@code support} together with where its boundary flows over the next {@code horizon} (time
     * units), with margins scaled by {@code scale} (c above).
     */
    Extents predicted(Extents support, double horizon, double scale) {
        this.scale = scale;
        Extents out = empty();
        out.addAll(support);
        Lattice s = support.toLattice();
        for (int a = 0; a < dim; a++) halfWidth[a] = (s.hi(a) - s.lo(a)) / 2.0;
        int rows = s.rows();
        int stride = Math.max(1, 2 * rows / MAX_POINTS);
        for (int j = 0; j < rows; j++) {
            int a = s.from(j), b = s.to(j) - 1;
            if (a > b) continue;
            double y = dim == 1 ? 0 : s.lo(1) + j;
            boolean edgeRow = j == 0 || j == rows - 1;
            if (!edgeRow && j % stride != 0) continue;
            int step = edgeRow ? Math.max(1, (b - a) / (MAX_POINTS / 8)) : Math.max(1, b - a);
            for (int i = a; i <= b; i += step) flow(s.lo(0) + i, y, horizon, out);
            if ((b - a) % step != 0) flow(s.lo(0) + b, y, horizon, out);
        }
        return out;
    }

    /** Follows the drift from (x0, y0) for {@code horizon}, keeping each position with its margin. */
    private void flow(double x0, double y0, double horizon, Extents out) {
        x[0] = x0;
        x[1] = y0;
        drift(x, k1);
        double margin = margin(x, horizon, 0);
        double speed = Math.abs(k1[0]) + (dim == 2 ? Math.abs(k1[1]) : 0);
        double rate = Math.abs(pull(x, 0)) + (dim == 2 ? Math.abs(pull(x, 1)) : 0);
        // Heun's method is stable for dt·rate ≤ 1; past 32 relaxation times a point has settled
        double span = rate > 0 ? Math.min(horizon, 32 / rate) : horizon;
        int steps = (int) Math.min(64, Math.max(2, Math.max(Math.ceil(speed * span / Math.max(1, margin)), Math.ceil(2 * rate * span))));
        double dt = span / steps;
        keep(x, horizon, out);
        for (int q = 0; q < steps; q++) {
            drift(x, k1);
            for (int s = 0; s < dim; s++) mid[s] = x[s] + dt * k1[s];
            drift(mid, k2);
            for (int s = 0; s < dim; s++) x[s] += 0.5 * dt * (k1[s] + k2[s]);
            if (!signedX) x[0] = Math.max(0, x[0]);
            if (dim == 2 && !signedY) x[1] = Math.max(0, x[1]);
            if (!(Math.abs(x[0]) < 1e15) || !(Math.abs(x[1]) < 1e15)) return;   // blows up: the size check refuses such runs
            keep(x, horizon, out);
        }
    }

    private void keep(double[] at, double horizon, Extents out) {
        long mx = (long) Math.ceil(margin(at, horizon, 0));
        long cx = Math.round(at[0]);
        if (dim == 1) {
            out.add(cx - mx, cx + mx, 0);
        } else {
            long my = (long) Math.ceil(margin(at, horizon, 1)), cy = Math.round(at[1]);
            out.add(cx - mx, cx + mx, cy - my, cy + my);
        }
    }

    /** Margin along axis s: the growth of the support's half-width by the spread the horizon adds, plus a few states. */
    private double margin(double[] at, double horizon, int s) {
        double b = 0;
        for (int k = 0; k < rates.count(); k++) {
            int j = rates.jump(k, s);
            if (j != 0) b += (double) j * j * rates.atPoint(k, at);
        }
        double pull = pull(at, s), tau = pull < 0 ? Math.min(horizon, -0.5 / pull) : horizon;
        double k = EDGE_SDS * scale, w = halfWidth[s];
        return MARGIN_STATES + Math.sqrt(w * w + k * k * b * tau) - w;
    }

    /** ∂A_s/∂n_s at {@code at}, by a central difference over ±1 state (one-sided at a count's 0). */
    private double pull(double[] at, int s) {
        double centre = at[s], lo = (s == 0 ? signedX : signedY) ? centre - 1 : Math.max(0, centre - 1), hi = centre + 1;
        at[s] = hi;
        drift(at, kp);
        double up = kp[s];
        at[s] = lo;
        drift(at, kp);
        double down = kp[s];
        at[s] = centre;
        return (up - down) / (hi - lo);
    }

    private void drift(double[] at, double[] out) {
        out[0] = out[1] = 0;
        for (int k = 0; k < rates.count(); k++) {
            double a = rates.atPoint(k, at);
            for (int s = 0; s < dim; s++) out[s] += rates.jump(k, s) * a;
        }
    }

    /**
     * {@code window} widened around the targets of the jumps by which p (and q, when not null)
     * leave it; null when nothing leaks (or only to where no window may go, below a count of 0).
     */
    Extents grown(Lattice window, double[] p, double[] q) {
        double worst = Math.max(worstLeak(window, p), q == null ? 0 : worstLeak(window, q));
        if (!(worst > 0)) return null;
        Extents out = of(window);
        long before = out.states();
        widen(window, p, worst, out);
        if (q != null) widen(window, q, worst, out);
        return out.states() > before ? out : null;
    }

    private double worstLeak(Lattice window, double[] p) {
        double worst = 0;
        for (int i = 0; i < window.states(); i++) {
            if (!(p[i] > 0)) continue;
            window.countsAt(i, counts);
            for (int k = 0; k < rates.count(); k++) {
                if (leaves(window, k)) worst = Math.max(worst, rates.at(k, counts) * p[i]);
            }
        }
        return worst;
    }

    private void widen(Lattice window, double[] p, double worst, Extents out) {
        long gx = Math.max(MIN_GROWTH, window.width(0) / (dim == 1 ? 4 : 8));
        long gy = dim == 1 ? 0 : Math.max(MIN_GROWTH, window.width(1) / 8);
        for (int i = 0; i < window.states(); i++) {
            if (!(p[i] > 0)) continue;
            window.countsAt(i, counts);
            for (int k = 0; k < rates.count(); k++) {
                if (!leaves(window, k)) continue;
                if (rates.at(k, counts) * p[i] < GROW_SHARE * worst) continue;
                long tx = target[0], ty = dim == 1 ? 0 : target[1];
                out.add(tx - gx, tx + gx, ty - gy, ty + gy);
            }
        }
    }

    /** Whether jump k from {@code counts} lands outside the window; the target is left in {@code target}. */
    private boolean leaves(Lattice window, int k) {
        for (int s = 0; s < dim; s++) target[s] = counts[s] + rates.jump(k, s);
        return !window.contains(target);
    }

    /** Moves p from one window to another; returns the probability of the states the new one lacks. */
    static double move(Lattice from, double[] p, Lattice to, double[] out) {
        int dim = from.dimension();
        long[] n = new long[dim];
        double dropped = 0;
        Arrays.fill(out, 0, to.states(), 0);
        for (int i = 0; i < from.states(); i++) {
            if (p[i] == 0) continue;
            from.countsAt(i, n);
            int k = to.index(n);
            if (k >= 0) out[k] = p[i];
            else dropped += p[i];
        }
        return dropped;
    }
}
