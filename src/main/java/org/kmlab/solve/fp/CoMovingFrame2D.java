package org.kmlab.solve.fp;

import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame the 2-D grid lives in: its origin g(t) (x units, lab coordinates) moves with the
 * linear-noise mean m(t), so the cloud stays put on the grid and the grid's cells only see the
 * drift relative to the cloud's centre (an arbitrary-Lagrangian–Eulerian grid in the sense of
 * Hirt, Amsden &amp; Cook 1974, here rigidly translating). The path is planned piece by piece
 * ({@link #follow}) from the solution's own moments, so g is continuous in time and the frame
 * never drifts from the cloud for long.
 *
 * <p>The frame velocity V = A(m) = Σ_r ν_r a_r(m)/Ω is split by jump direction exactly as the
 * drift is ({@link DirectionalCoefficients}): direction d moves its lines at its own share
 * s_d = Σ_{r on d} m_r a_r(m)/Ω, so each line only carries the relative drift
 * Σ_{r on d} m_r (a_r(x) − a_r(m))/Ω. An axis next to a zero-flux wall (a count near 0) is
 * <i>pinned</i>: its origin stays at 0 so the wall is the box's first cell face; directions that
 * move along a pinned axis then get no share and the other axis's own line carries that axis's
 * whole velocity (the x and y lines are always present for that purpose, without reactions if the
 * model has none there). Thread-safe (the grids of a run step on two threads and share the
 * frame; the path's interpolants are not thread-safe, so every access is synchronised).
 */
final class CoMovingFrame2D {
    private final DirectionalCoefficients coeff;
    private final int modelDirections;
    private final List<int[]> directions = new ArrayList<>();
    private final int xLine, yLine;
    private final double[] base = new double[2], start = new double[2], now = new double[2];
    private final boolean[] pinned = new boolean[2];
    private final double[] state;
    private LinearNoisePath path;
    private double t0, duration;

    CoMovingFrame2D(Model model) {
        coeff = new DirectionalCoefficients(model);
        modelDirections = coeff.directionCount();
        for (int d = 0; d < modelDirections; d++) directions.add(coeff.direction(d));
        xLine = lineIndex(1, 0);
        yLine = lineIndex(0, 1);
        state = new double[6];
    }

    private int lineIndex(int di, int dj) {
        for (int d = 0; d < directions.size(); d++) if (directions.get(d)[0] == di && directions.get(d)[1] == dj) return d;
        directions.add(new int[] {di, dj});
        return directions.size() - 1;
    }

    int directionCount() { return directions.size(); }

    /** Jump directions of the model's reactions (the first ones; the rest only carry the frame). */
    int reactionDirections() { return modelDirections; }

    /** The primitive step {di, dj} of direction d. */
    int[] direction(int d) { return directions.get(d).clone(); }

    /** True when some reaction jumps along direction d (the x and y lines may be there only to carry the frame). */
    boolean hasReactions(int d) { return d < modelDirections; }

    synchronized boolean pinned(int axis) { return pinned[axis]; }

    /**
     * Follows {@code path} (a linear-noise path starting at time {@code from}) from now on; an
     * axis that is pinned has its origin at 0, the others keep their current origin (g stays
     * continuous).
     */
    synchronized void follow(LinearNoisePath path, double from, boolean pinX, boolean pinY) {
        origin(from, now);
        this.path = path;
        t0 = from;
        duration = path.duration();
        pinned[0] = pinX;
        pinned[1] = pinY;
        path.state(0, state);
        for (int s = 0; s < 2; s++) {
            base[s] = pinned[s] ? 0 : now[s];
            start[s] = state[s];
        }
    }

    /** Sets the origin (lab x units) before the first {@link #follow}. */
    synchronized void place(double x, double y) {
        base[0] = x;
        base[1] = y;
    }

    /** g(t) in lab coordinates, written to out (t within the current piece). */
    synchronized void origin(double t, double[] out) {
        if (path == null) {
            out[0] = base[0];
            out[1] = base[1];
            return;
        }
        path.state(clamp(t), state);
        for (int s = 0; s < 2; s++) out[s] = pinned[s] ? base[s] : base[s] + state[s] - start[s];
    }

    private double clamp(double t) { return Math.min(duration, Math.max(0, t - t0)); }

    /**
     * The frame's share of each direction averaged over [t, t + tau] (two-point Gauss–Legendre on
     * the path, so the frame displacement it implies matches g(t + τ) − g(t) to O(τ⁵)), written
     * to {@code out[d]} (x units per time along the line, one cell of the line per h).
     */
    synchronized void shares(double t, double tau, double[] out) {
        java.util.Arrays.fill(out, 0);
        if (path == null || (pinned[0] && pinned[1])) return;
        double c = 0.5 * tau, r = c / Math.sqrt(3);
        for (int node = 0; node < 2; node++) {
            path.state(clamp(t + c + (node == 0 ? -r : r)), state);
            coeff.at(state[0], state[1]);
            double ax = 0, ay = 0;
            for (int d = 0; d < modelDirections; d++) {
                int[] v = directions.get(d);
                double s = coeff.drift[d];
                ax += s * v[0];
                ay += s * v[1];
                if (!pinned[0] && !pinned[1]) out[d] += 0.5 * s;
            }
            if (pinned[0]) out[yLine] += 0.5 * ay;
            else if (pinned[1]) out[xLine] += 0.5 * ax;
        }
    }
}
