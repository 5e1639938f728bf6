package org.kmlab.solve.fp;

/**
 * A box of nx × ny square cells of side h whose lower-left corner sits at (x0, y0) in the
 * co-moving frame (x units; the frame's origin moves, see {@link CoMovingFrame2D}). A coarse box
 * has its corners on whole multiples of 2h and even nx, ny, so boxes with the same h share their
 * cells and differ only in extent, and so do their {@link #checkBox() check boxes}.
 */
record FrameBox2D(double h, double x0, double y0, int nx, int ny) {
    FrameBox2D {
        if (!(h > 0) || !Double.isFinite(h)) throw new IllegalArgumentException("box: cell size must be > 0, got " + h);
        if (nx < 3 || ny < 3) throw new IllegalArgumentException("box: need at least 3×3 cells, got " + nx + "×" + ny);
    }

    int cells() { return nx * ny; }

    /**
     * The same box with cells two thirds as wide: each block of 2 × 2 cells is 3 × 3 check cells
     * (nx and ny must be even).
     */
    FrameBox2D checkBox() {
        if (nx % 2 != 0 || ny % 2 != 0) throw new IllegalStateException("box: a check box needs even cell counts, got " + nx + "×" + ny);
        return new FrameBox2D(h * 2 / 3, x0, y0, nx / 2 * 3, ny / 2 * 3);
    }

    /** The same box with cells half as wide (each cell split in 2 × 2): the published picture of a check grid. */
    FrameBox2D halved() { return new FrameBox2D(h / 2, x0, y0, 2 * nx, 2 * ny); }

    double xCentre(int i) { return x0 + (i + 0.5) * h; }

    double yCentre(int j) { return y0 + (j + 0.5) * h; }

    /** True when {@code other} has the same cells and its corner lies on this box's cell lattice. */
    boolean sharesCellsWith(FrameBox2D other) {
        return other.h == h && isWhole((other.x0 - x0) / h) && isWhole((other.y0 - y0) / h);
    }

    private static boolean isWhole(double v) { return Math.abs(v - Math.rint(v)) < 1e-9; }
}
