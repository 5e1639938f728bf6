package org.kmlab.solve.cme;

import java.util.Arrays;

/**
 * A box of copy numbers {@code lo[s] ≤ n_s ≤ hi[s]} for 1 or 2 species, flattened row-major by the
 * second species: state {@code (n_0, n_1)} has index {@code (n_0 − lo_0) + (n_1 − lo_1)·width(0)},
 * the layout of {@link org.kmlab.solve.Density2D}.
 */
record Lattice(long[] lo, long[] hi) {
    Lattice {
        if (lo.length != hi.length || lo.length < 1 || lo.length > 2) throw new IllegalArgumentException("a lattice has 1 or 2 axes");
        for (int s = 0; s < lo.length; s++) {
            if (hi[s] < lo[s]) throw new IllegalArgumentException("axis " + s + ": hi " + hi[s] + " < lo " + lo[s]);
        }
        lo = lo.clone();
        hi = hi.clone();
    }

    @Override public long[] lo() { return lo.clone(); }
    @Override public long[] hi() { return hi.clone(); }

    int dimension() { return lo.length; }

    long lo(int s) { return lo[s]; }

    long hi(int s) { return hi[s]; }

    /** Number of lattice points along axis s. */
    long width(int s) { return hi[s] - lo[s] + 1; }

    /** Number of states (may exceed int range: callers check it against their cap first). */
    long states() {
        long n = 1;
        for (int s = 0; s < lo.length; s++) n = Math.multiplyExact(n, width(s));
        return n;
    }

    /** Index step of a move by {@code jump} (valid when both ends lie in the box). */
    int offset(int[] jump) {
        return lo.length == 1 ? jump[0] : jump[0] + jump[1] * (int) width(0);
    }

    boolean contains(long[] n) {
        for (int s = 0; s < lo.length; s++) if (n[s] < lo[s] || n[s] > hi[s]) return false;
        return true;
    }

    /** Index of a state inside the box. */
    int index(long[] n) {
        return lo.length == 1 ? (int) (n[0] - lo[0]) : (int) ((n[0] - lo[0]) + (n[1] - lo[1]) * width(0));
    }

    /** Counts of the state at {@code index}, written into {@code out}. */
    void counts(int index, long[] out) {
        if (lo.length == 1) {
            out[0] = lo[0] + index;
        } else {
            int w = (int) width(0);
            out[0] = lo[0] + index % w;
            out[1] = lo[1] + index / w;
        }
    }

    /** The box for SolverResult.info: {@code [lo, hi]} in 1-D, {@code [lo0, hi0, lo1, hi1]} in 2-D. */
    java.util.List<Long> describe() {
        return lo.length == 1 ? java.util.List.of(lo[0], hi[0]) : java.util.List.of(lo[0], hi[0], lo[1], hi[1]);
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < lo.length; s++) {
            if (s > 0) b.append(" × ");
            b.append('[').append(lo[s]).append("..").append(hi[s]).append(']');
        }
        return b.toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof Lattice l && Arrays.equals(lo, l.lo) && Arrays.equals(hi, l.hi);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi); }
}
