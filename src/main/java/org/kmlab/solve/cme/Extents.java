package org.kmlab.solve.cme;

import org.kmlab.model.LatticeWalls;

import java.util.Arrays;

/**
 * A window under construction: for each row (a count y of species 1; the single row 0 in 1-D)
 * the contiguous counts {@code [lo(y), hi(y)]} of species 0 it keeps. Adding a range widens a
 * row to the hull of what it held and the range, so rows stay contiguous as {@link Lattice}
 * needs. Counts below a floor (0 for a count species) are never added.
 */
final class Extents {
    private final int dim;
    private final long floorX, floorY;
    /** The highest count of x a row may hold (a wall of a 1-D process), or unbounded. */
    private long ceilingX = Long.MAX_VALUE / 4;
    private long y0;
    private long[] lo = new long[0], hi = new long[0];   // rows y0 ..; empty when lo > hi

    /** Empty extents; {@code signedX/Y}: whether the species may go below 0. */
    Extents(int dim, boolean signedX, boolean signedY) {
        this.dim = dim;
        this.floorX = signedX ? Long.MIN_VALUE / 4 : 0;
        this.floorY = dim == 1 || signedY ? Long.MIN_VALUE / 4 : 0;
    }

    /**
     * Empty 1-D extents between walls (states the process can never leave, {@link LatticeWalls}):
     * every state added outside is dropped.
     */
    Extents(boolean signedX, LatticeWalls walls) {
        this.dim = 1;
        this.floorX = Math.max(signedX ? Long.MIN_VALUE / 4 : 0, walls.lo());
        this.floorY = Long.MIN_VALUE / 4;
        this.ceilingX = walls.hi();
    }

    /** The states of a lattice. */
    static Extents of(Lattice lattice, boolean signedX, boolean signedY) {
        Extents e = new Extents(lattice.dimension(), signedX, signedY);
        for (int j = 0; j < lattice.rows(); j++) {
            if (lattice.to(j) > lattice.from(j)) e.add(lattice.lo(0) + lattice.from(j), lattice.lo(0) + lattice.to(j) - 1, y(lattice, j));
        }
        return e;
    }

    private static long y(Lattice lattice, int row) {
        return lattice.dimension() == 1 ? 0 : lattice.lo(1) + row;
    }

    /** Keeps the counts {@code [x0, x1]} of row y (clipped to the floors). */
    void add(long x0, long x1, long y) {
        if (dim == 1) y = 0;
        x0 = Math.max(x0, floorX);
        x1 = Math.min(x1, ceilingX);
        if (x1 < x0 || y < floorY) return;
        if (lo.length == 0) {
            y0 = y;
            lo = new long[] {x0};
            hi = new long[] {x1};
            return;
        }
        if (y < y0 || y >= y0 + lo.length) reach(y);
        int j = (int) (y - y0);
        lo[j] = Math.min(lo[j], x0);
        hi[j] = Math.max(hi[j], x1);
    }

    /** Keeps the rectangle {@code [x0, x1] × [y0, y1]}. */
    void add(long x0, long x1, long ya, long yb) {
        if (dim == 1) {
            add(x0, x1, 0);
            return;
        }
        for (long y = Math.max(ya, floorY); y <= yb; y++) add(x0, x1, y);
    }

    /** Adds every state of {@code other}. */
    void addAll(Extents other) {
        for (int j = 0; j < other.lo.length; j++) if (other.lo[j] <= other.hi[j]) add(other.lo[j], other.hi[j], other.y0 + j);
    }

    private void reach(long y) {
        long first = Math.min(y0, y), last = Math.max(y0 + lo.length - 1, y);
        int rows = (int) (last - first + 1), shift = (int) (y0 - first);
        long[] l = new long[rows], h = new long[rows];
        Arrays.fill(l, Long.MAX_VALUE);
        Arrays.fill(h, Long.MIN_VALUE);
        System.arraycopy(lo, 0, l, shift, lo.length);
        System.arraycopy(hi, 0, h, shift, hi.length);
        lo = l;
        hi = h;
        y0 = first;
    }

    boolean isEmpty() {
        for (int j = 0; j < lo.length; j++) if (lo[j] <= hi[j]) return false;
        return true;
    }

    /** Number of states. */
    long states() {
        long n = 0;
        for (int j = 0; j < lo.length; j++) if (lo[j] <= hi[j]) n += hi[j] - lo[j] + 1;
        return n;
    }

    /** True when every state of {@code other} is here. */
    boolean covers(Extents other) {
        for (int j = 0; j < other.lo.length; j++) {
            if (other.lo[j] > other.hi[j]) continue;
            long y = other.y0 + j;
            if (y < y0 || y >= y0 + lo.length) return false;
            int k = (int) (y - y0);
            if (lo[k] > other.lo[j] || hi[k] < other.hi[j]) return false;
        }
        return true;
    }

    /** Number of rows from the first to the last non-empty one (1 in 1-D). */
    int rows() {
        int first = firstRow(), last = lastRow();
        return first < 0 ? 0 : last - first + 1;
    }

    /** Widest row. */
    long widest() {
        long w = 0;
        for (int j = 0; j < lo.length; j++) if (lo[j] <= hi[j]) w = Math.max(w, hi[j] - lo[j] + 1);
        return w;
    }

    private int firstRow() {
        for (int j = 0; j < lo.length; j++) if (lo[j] <= hi[j]) return j;
        return -1;
    }

    private int lastRow() {
        for (int j = lo.length - 1; j >= 0; j--) if (lo[j] <= hi[j]) return j;
        return -1;
    }

    /** The lattice holding exactly these states (IllegalStateException when empty). */
    Lattice toLattice() {
        int first = firstRow(), last = lastRow();
        if (first < 0) throw new IllegalStateException("an empty window");
        long xlo = Long.MAX_VALUE, xhi = Long.MIN_VALUE;
        for (int j = first; j <= last; j++) {
            if (lo[j] > hi[j]) continue;
            xlo = Math.min(xlo, lo[j]);
            xhi = Math.max(xhi, hi[j]);
        }
        if (dim == 1) return Lattice.box(new long[] {xlo}, new long[] {xhi});
        int rows = last - first + 1;
        int[] from = new int[rows], to = new int[rows];
        for (int j = 0; j < rows; j++) {
            int k = first + j;
            if (lo[k] > hi[k]) continue;   // an empty row inside: [0, 0)
            from[j] = (int) (lo[k] - xlo);
            to[j] = (int) (hi[k] - xlo + 1);
        }
        return Lattice.rows(new long[] {xlo, y0 + first}, new long[] {xhi, y0 + last}, from, to);
    }
}
