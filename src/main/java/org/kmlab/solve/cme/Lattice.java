package org.kmlab.solve.cme;

import java.util.List;

/**
 * The states of a finite state projection for 1 or 2 species: a box {@code lo[s] ≤ n_s ≤ hi[s]}
 * or, in 2-D, a box with a corner cut off, given per row (fixed n_1) as a range of columns
 * {@code [from(j), to(j))} counted from lo_0. States are numbered row by row; in a full box state
 * {@code (n_0, n_1)} has index {@code (n_0 − lo_0) + (n_1 − lo_1)·width(0)}, the layout of
 * {@link org.kmlab.solve.Density2D}.
 */
final class Lattice {
    private final long[] lo, hi;
    private final int[] from, to, start;   // 2-D rows; a single row in 1-D
    private final boolean full;
    private final int states;

    private Lattice(long[] lo, long[] hi, int[] from, int[] to) {
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.from = from;
        this.to = to;
        this.start = new int[from.length + 1];
        boolean f = true;
        long n = 0;
        for (int j = 0; j < from.length; j++) {
            if (from[j] < 0 || to[j] > width(0) || to[j] < from[j]) throw new IllegalArgumentException("row " + j + ": bad columns [" + from[j] + ", " + to[j] + ")");
            f &= from[j] == 0 && to[j] == width(0);
            start[j] = (int) n;
            n += to[j] - from[j];
            if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many states");
        }
        start[from.length] = (int) n;
        this.full = f;
        this.states = (int) n;
    }

    /** The full box [lo, hi] (all bounds inclusive); throws IllegalArgumentException past 2³¹ states. */
    static Lattice box(long[] lo, long[] hi) {
        check(lo, hi);
        long w = hi[0] - lo[0] + 1, rows = lo.length == 1 ? 1 : hi[1] - lo[1] + 1;
        if (w * (double) rows > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many states");
        int[] from = new int[(int) rows], to = new int[(int) rows];
        java.util.Arrays.fill(to, (int) w);
        return new Lattice(lo, hi, from, to);
    }

    /** A 2-D box keeping in row j (n_1 = lo_1 + j) only the columns [from[j], to[j]). */
    static Lattice rows(long[] lo, long[] hi, int[] from, int[] to) {
        check(lo, hi);
        if (lo.length != 2 || from.length != hi[1] - lo[1] + 1 || to.length != from.length) throw new IllegalArgumentException("one column range per row of a 2-D box");
        return new Lattice(lo, hi, from.clone(), to.clone());
    }

    private static void check(long[] lo, long[] hi) {
        if (lo.length != hi.length || lo.length < 1 || lo.length > 2) throw new IllegalArgumentException("a lattice has 1 or 2 axes");
        for (int s = 0; s < lo.length; s++) {
            if (hi[s] < lo[s]) throw new IllegalArgumentException("axis " + s + ": hi " + hi[s] + " < lo " + lo[s]);
        }
    }

    int dimension() { return lo.length; }

    long lo(int s) { return lo[s]; }

    long hi(int s) { return hi[s]; }

    /** Number of lattice points along axis s of the bounding box. */
    long width(int s) { return hi[s] - lo[s] + 1; }

    int states() { return states; }

    /** True when every state of the bounding box is kept. */
    boolean isFull() { return full; }

    int rows() { return from.length; }

    /** First kept column of row j (0 = lo_0). */
    int from(int j) { return from[j]; }

    /** One past the last kept column of row j. */
    int to(int j) { return to[j]; }

    /** Index of the state at column {@code from(j)} of row j. */
    int start(int j) { return start[j]; }

    /** Index step of a move by {@code jump} in a full box (valid when both ends lie in it). */
    int offset(int[] jump) {
        return lo.length == 1 ? jump[0] : jump[0] + jump[1] * (int) width(0);
    }

    boolean contains(long[] n) {
        for (int s = 0; s < lo.length; s++) if (n[s] < lo[s] || n[s] > hi[s]) return false;
        if (lo.length == 1) return true;
        int j = (int) (n[1] - lo[1]), i = (int) (n[0] - lo[0]);
        return i >= from[j] && i < to[j];
    }

    /** Index of a state, or −1 when it is not kept. */
    int index(long[] n) {
        if (!contains(n)) return -1;
        if (lo.length == 1) return (int) (n[0] - lo[0]);
        int j = (int) (n[1] - lo[1]);
        return start[j] + (int) (n[0] - lo[0]) - from[j];
    }

    /** Counts of the state at {@code index} (any lattice, cut or not), written into {@code out}. */
    void countsAt(int index, long[] out) {
        if (lo.length == 1) {
            out[0] = lo[0] + index;
            return;
        }
        int a = 0, b = from.length - 1;   // the last row starting at or before index is the one holding it (empty rows start where the next does)
        while (a < b) {
            int mid = (a + b + 1) >>> 1;
            if (start[mid] <= index) a = mid;
            else b = mid - 1;
        }
        int j = a;
        out[0] = lo[0] + from[j] + index - start[j];
        out[1] = lo[1] + j;
    }

    /** Counts of the state at {@code index} of a full box, written into {@code out}. */
    void counts(int index, long[] out) {
        if (!full) throw new IllegalStateException("counts(index) needs a full box");
        if (lo.length == 1) {
            out[0] = lo[0] + index;
        } else {
            int w = (int) width(0);
            out[0] = lo[0] + index % w;
            out[1] = lo[1] + index / w;
        }
    }

    /** The bounding box for SolverResult.info: {@code [lo, hi]} in 1-D, {@code [lo0, hi0, lo1, hi1]} in 2-D. */
    List<Long> describe() {
        return lo.length == 1 ? List.of(lo[0], hi[0]) : List.of(lo[0], hi[0], lo[1], hi[1]);
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < lo.length; s++) {
            if (s > 0) b.append(" × ");
            b.append('[').append(lo[s]).append("..").append(hi[s]).append(']');
        }
        if (!full) b.append(" (high-rate corner cut)");
        return b.toString();
    }
}
