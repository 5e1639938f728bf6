package org.kmlab.solve.fp;

import org.kmlab.model.ContinuumWalls;

/**
 * Where the Fokker–Planck box is at each time of one plan (x = n/Ω units): a fixed span
 * {@code [zLow, zHigh]} in the coordinates {@code z = (x − c(t))/s(t)} of the linear noise
 * approximation's mean c and standard deviation s ({@link FramePath}, from a linear-noise path
 * started at the solution's own mean and variance when the plan was made; {@code s² = Σ + floor²}, so a sharp
 * start still has a width). The box thus translates with the mean and stretches with the
 * spread, continuously, and a cloud that does what the LNA says stays on the same cells.
 *
 * <p>The box never reaches past a wall ({@code lo = max(wallLo, ·)}, {@code hi = min(wallHi, ·)}:
 * x = 0 for a count, and the ends of a lattice the process cannot leave, {@link FramePlanner}), so
 * a wall, when inside, is always an end face; an end <em>pinned</em> by a plan made while
 * probability sits at its wall stays there throughout. Not thread-safe (the path remembers where
 * it was last read).
 */
final class MovingFrame {
    private final FramePath path;
    private final double duration;
    private final double start, floor;
    private final double zLow, zHigh;
    private final double wallLo, wallHi;
    private final boolean pinnedLo, pinnedHi;
    private final double[] state = new double[4];

    /**
     * @param path   the LNA mean and variance from the plan time {@code start} on
     * @param duration how long the plan runs
     * @param floor  added in quadrature to the LNA standard deviation (x units, &gt; 0)
     * @param zLow   the box's low end in z units (zHigh: its high end)
     * @param walls  the walls the box never passes (±∞ where there is none)
     * @param pinnedLo keep the box's low end at its wall for the whole plan (pinnedHi: the high end)
     */
    MovingFrame(FramePath path, double duration, double start, double floor, double zLow, double zHigh, ContinuumWalls walls,
                boolean pinnedLo, boolean pinnedHi) {
        this.path = path;
        this.duration = duration;
        this.start = start;
        this.floor = floor;
        this.zLow = zLow;
        this.zHigh = zHigh;
        this.wallLo = walls.lo();
        this.wallHi = walls.hi();
        this.pinnedLo = pinnedLo;
        this.pinnedHi = pinnedHi;
    }

    /**
     * Writes the box at time t (from the plan's start on) into {@code box}: {lo, hi, dlo/dt,
     * dhi/dt}. The rates are the exact derivatives of the positions, zero once the path is held
     * at its fixed point and wherever a wall holds an end. Whether a wall holds it is decided at
     * {@code regime} (the middle of the step being taken), so a step that ends or starts where an
     * end meets or leaves its wall sees one smooth motion ({@link #wallCrossing} puts step ends there).
     */
    void at(double t, double regime, double[] box) {
        boolean heldLo = pinnedLo || raw(regime, zLow) <= wallLo;
        boolean heldHi = pinnedHi || raw(regime, zHigh) >= wallHi;
        path.at(Math.min(Math.max(0, t - start), duration), state);
        double c = state[0], s = Math.sqrt(Math.max(0, state[2]) + floor * floor);
        double cRate = state[1], sRate = state[2] > 0 ? state[3] / (2 * s) : Math.max(0, state[3]) / (2 * s);
        double lo = c + s * zLow, loRate = cRate + sRate * zLow;
        double hi = c + s * zHigh, hiRate = cRate + sRate * zHigh;
        if (heldLo) {
            lo = wallLo;
            loRate = 0;
        } else {
            lo = Math.max(wallLo, lo);          // at most rounding past the wall at a crossing
        }
        if (heldHi) {
            hi = wallHi;
            hiRate = 0;
        } else {
            hi = Math.min(wallHi, hi);
        }
        if (!(hi >= lo + floor)) {               // never empty, even if the LNA mean runs past a wall
            if (lo + floor <= wallHi) {
                hi = lo + floor;
                hiRate = loRate;
            } else {
                lo = hi - floor;
                loRate = hiRate;
            }
        }
        box[0] = lo;
        box[1] = hi;
        box[2] = loRate;
        box[3] = hiRate;
    }

    /** The box at time t, the wall's hold decided at t itself. */
    void at(double t, double[] box) { at(t, t, box); }

    /**
     * The first time in (from, to] at which an end that is not pinned meets or leaves its wall
     * (where its velocity jumps), so a step can end there; NaN when there is none.
     */
    double wallCrossing(double from, double to) {
        double low = pinnedLo || wallLo == Double.NEGATIVE_INFINITY ? Double.NaN : crossing(from, to, zLow, wallLo, -1);
        double high = pinnedHi || wallHi == Double.POSITIVE_INFINITY ? Double.NaN : crossing(from, to, zHigh, wallHi, 1);
        return Double.isNaN(low) ? high : Double.isNaN(high) ? low : Math.min(low, high);
    }

    /** When the end at z crosses the wall (side −1: held at or below it, +1: at or above), by bisection; NaN if it does not. */
    private double crossing(double from, double to, double z, double wallAt, int side) {
        boolean heldFrom = held(from, z, wallAt, side);
        if (heldFrom == held(to, z, wallAt, side)) return Double.NaN;
        double a = from, b = to;
        for (int k = 0; k < 60 && b - a > 1e-12 * (to - from); k++) {
            double m = 0.5 * (a + b);
            if (held(m, z, wallAt, side) == heldFrom) a = m;
            else b = m;
        }
        return b;
    }

    private boolean held(double t, double z, double wallAt, int side) {
        double x = raw(t, z);
        return side < 0 ? x <= wallAt : x >= wallAt;
    }

    /** The end at z units of the unclamped box at time t. */
    private double raw(double t, double z) {
        path.at(Math.min(Math.max(0, t - start), duration), state);
        return state[0] + Math.sqrt(Math.max(0, state[2]) + floor * floor) * z;
    }

    boolean pinnedLo() { return pinnedLo; }

    boolean pinnedHi() { return pinnedHi; }
}
