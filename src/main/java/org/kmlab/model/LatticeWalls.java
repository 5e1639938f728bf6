package org.kmlab.model;

/**
 * Where a one-species one-step process (every jump ±1) cannot step further from its initial
 * count: the first count below it where no reaction steps down ({@link #lo}; 0 for a count at
 * the latest) and the first above it where none steps up ({@link #hi}), each looked for within
 * {@code scan} counts of the start. A walker in a box whose rates are cut off by
 * {@code step(Omega - X)} has both; a count with a constant birth rate has only the wall at 0.
 * The master equation's lattice ends at them; the Fokker–Planck equation puts reflecting walls
 * there.
 *
 * @param lo the lower wall, or {@link Long#MIN_VALUE} when there is none within the scan
 * @param hi the upper wall, or {@link Long#MAX_VALUE} when there is none within the scan
 */
public record LatticeWalls(long lo, long hi) {
    /** How far from the initial count {@link #of(Model)} looks for a wall. */
    public static final long SCAN = 100_000;

    /**
     * How far inside a wall's lattice point (in counts) a continuum description reads the rates:
     * at the point itself a cut-off such as {@code step(Omega - X)} has already stopped the
     * outward jumps, which is the wall, not a drift the continuum should feel.
     */
    public static final double INSIDE = 1e-9;

    private static final LatticeWalls NONE = new LatticeWalls(Long.MIN_VALUE, Long.MAX_VALUE);

    /** No walls: every count reachable. */
    public static LatticeWalls none() { return NONE; }

    public boolean hasLow() { return lo != Long.MIN_VALUE; }

    public boolean hasHigh() { return hi != Long.MAX_VALUE; }

    /** Walls on both sides: the process stays on the finite lattice lo..hi. */
    public boolean closed() { return hasLow() && hasHigh(); }

    /** {@link #of(Model, long)} within {@link #SCAN} counts. */
    public static LatticeWalls of(Model model) { return of(model, SCAN); }

    /** The walls of a one-species one-step model within {@code scan} counts of its start; none for any other model. */
    public static LatticeWalls of(Model model, long scan) {
        if (model.speciesCount() != 1) return NONE;
        Propensities a = model.propensities();
        for (int r = 0; r < a.size(); r++) if (Math.abs(a.jump(r, 0)) != 1) return NONE;
        long n0 = model.species().get(0).initial();
        boolean signed = model.species().get(0).signed();
        long lo = wall(a, n0, -1, scan, signed), hi = wall(a, n0, 1, scan, true);
        return new LatticeWalls(lo == Long.MIN_VALUE ? Long.MIN_VALUE : lo, hi == Long.MIN_VALUE ? Long.MAX_VALUE : hi);
    }

    /**
     * These walls without any the process never steps towards: pure decay cannot rise above its
     * start, which bounds its lattice but holds nothing back (nothing ever pushes against it), so
     * a diffusion approximation should not reflect there. A wall away from the start is always
     * approached (the scan stepped up to it).
     */
    public LatticeWalls approached(Model model) {
        Propensities a = model.propensities();
        double[] env = a.newEnvironment();
        boolean low = hasLow() && steps(a, env, lo + 1, -1), high = hasHigh() && steps(a, env, hi - 1, 1);
        return new LatticeWalls(low ? lo : Long.MIN_VALUE, high ? hi : Long.MAX_VALUE);
    }

    /** The first count from n0 in direction dir where no reaction steps further, or Long.MIN_VALUE within scan. */
    private static long wall(Propensities a, long n0, int dir, long scan, boolean signed) {
        double[] env = a.newEnvironment();
        for (long k = 0; k <= scan; k++) {
            long n = n0 + dir * k;
            if (!signed && n == 0) return 0;
            if (!steps(a, env, n, dir)) return n;
        }
        return Long.MIN_VALUE;
    }

    /** Whether some reaction steps from count n in direction dir. */
    private static boolean steps(Propensities a, double[] env, long n, int dir) {
        env[0] = n;
        for (int r = 0; r < a.size(); r++) if (a.jump(r, 0) == dir && a.propensity(r, env) > 0) return true;
        return false;
    }
}
