package org.kmlab.solve.fp;

/**
 * Where the Fokker–Planck box is at each time of one plan (x = n/Ω units): a fixed span
 * {@code [zLow, zHigh]} in the coordinates {@code z = (x − c(t))/s(t)} of the linear noise
 * approximation's mean c and standard deviation s ({@link FramePath}, from a linear-noise path
 * started at the solution's own mean and variance when the plan was made; {@code s² = Σ + floor²}, so a sharp
 * start still has a width). The box thus translates with the mean and stretches with the
 * spread, continuously, and a cloud that does what the LNA says stays on the same cells.
 *
 * <p>For a count the box never goes below the wall x = 0 ({@code lo = max(0, ·)}), so the wall,
 * when inside, is always the first face; a <em>pinned</em> plan, made while probability sits at
 * the wall, keeps {@code lo = 0} throughout. Not thread-safe (the path remembers where it was last read).
 */
final class MovingFrame {
    private final FramePath path;
    private final double duration;
    private final double start, floor;
    private final double zLow, zHigh;
    private final boolean wall, pinned;
    private final double[] state = new double[4];

    /**
     * @param path   the LNA mean and variance from the plan time {@code start} on
     * @param duration how long the plan runs
     * @param floor  added in quadrature to the LNA standard deviation (x units, &gt; 0)
     * @param zLow   the box's low end in z units (zHigh: its high end)
     * @param wall   the species is a count: x = 0 is a wall
     * @param pinned keep the box's low end at the wall for the whole plan
     */
    MovingFrame(FramePath path, double duration, double start, double floor, double zLow, double zHigh, boolean wall, boolean pinned) {
        this.path = path;
        this.duration = duration;
        this.start = start;
        this.floor = floor;
        this.zLow = zLow;
        this.zHigh = zHigh;
        this.wall = wall;
        this.pinned = pinned;
    }

    /**
     * Writes the box at time t (from the plan's start on) into {@code box}: {lo, hi, dlo/dt,
     * dhi/dt}. The rates are the exact derivatives of the positions, zero once the path is held
     * at its fixed point and wherever the wall holds the low end. Whether the wall holds it is decided at {@code regime} (the middle of the
     * step being taken), so a step that ends or starts where the low end meets or leaves the wall
     * sees one smooth motion ({@link #wallCrossing} puts step ends there).
     */
    void at(double t, double regime, double[] box) {
        boolean held = pinned || wall && rawLow(regime) <= 0;
        path.at(Math.min(Math.max(0, t - start), duration), state);
        double c = state[0], s = Math.sqrt(Math.max(0, state[2]) + floor * floor);
        double cRate = state[1], sRate = state[2] > 0 ? state[3] / (2 * s) : Math.max(0, state[3]) / (2 * s);
        double lo = c + s * zLow, loRate = cRate + sRate * zLow;
        double hi = c + s * zHigh, hiRate = cRate + sRate * zHigh;
        if (held) {
            lo = 0;
            loRate = 0;
        } else if (wall) {
            lo = Math.max(0, lo);               // at most rounding below the wall at a crossing
        }
        if (!(hi >= lo + floor)) {               // never empty, even if the LNA mean runs below the wall
            hi = lo + floor;
            hiRate = loRate;
        }
        box[0] = lo;
        box[1] = hi;
        box[2] = loRate;
        box[3] = hiRate;
    }

    /** The box at time t, the wall's hold decided at t itself. */
    void at(double t, double[] box) { at(t, t, box); }

    /**
     * For a count's box that is not pinned: a time in (from, to] at which its low end meets or
     * leaves the wall (where its velocity jumps), so a step can end there; NaN when there is none.
     */
    double wallCrossing(double from, double to) {
        if (!wall || pinned) return Double.NaN;
        boolean clampedFrom = rawLow(from) <= 0;
        if (clampedFrom == rawLow(to) <= 0) return Double.NaN;
        double a = from, b = to;
        for (int k = 0; k < 60 && b - a > 1e-12 * (to - from); k++) {
            double m = 0.5 * (a + b);
            if (rawLow(m) <= 0 == clampedFrom) a = m;
            else b = m;
        }
        return b;
    }

    private double rawLow(double t) {
        path.at(Math.min(Math.max(0, t - start), duration), state);
        return state[0] + Math.sqrt(Math.max(0, state[2]) + floor * floor) * zLow;
    }

    boolean pinned() { return pinned; }
}
