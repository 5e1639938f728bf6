package org.kmlab.solve.fp;

/**
 * Moves a 2-D density from one {@link FrameBox2D} to another, conserving probability and keeping
 * it non-negative. Boxes with the same cells (a re-planned extent) are an exact copy. Otherwise
 * (a new cell size, or a shifted frame when an axis is pinned at a wall) the density is remapped
 * one axis at a time (rows, then columns) by integrating the positive parabolic reconstruction of
 * {@link ParabolicTransport} over the new cells: conservative, positive and third-order accurate,
 * so the remaps of a run add no noticeable width (a piecewise-constant remap adds about a cell
 * width squared over 4 of variance each time). Mass outside the new box is put into its nearest
 * cells and reported.
 */
final class GridRemap2D {
    private GridRemap2D() {}

    /**
     * The density {@code p} on {@code from} (whose frame origin is {@code (dx, dy)} away from
     * {@code to}'s: a point at ξ in from's frame is at ξ + (dx, dy) in to's) as cell averages on
     * {@code to}; {@code outside[0]} += the probability that lay outside to's box.
     */
    static double[] remap(double[] p, FrameBox2D from, double dx, double dy, FrameBox2D to, ParabolicTransport transport, double[] outside) {
        double[] q = new double[to.cells()];
        FrameBox2D shifted = new FrameBox2D(from.h(), from.x0() + dx, from.y0() + dy, from.nx(), from.ny());
        if (shifted.sharesCellsWith(to)) {
            copy(p, shifted, q, to, outside);
            return q;
        }
        int snx = from.nx(), sny = from.ny(), tnx = to.nx(), tny = to.ny();
        double[] rows = new double[tnx * sny];
        double lost = 0;
        for (int j = 0; j < sny; j++) {
            lost += transport.remap(p, j * snx, 1, snx, shifted.x0(), from.h(), rows, j * tnx, 1, tnx, to.x0(), to.h()) * from.h();
        }
        for (int i = 0; i < tnx; i++) {
            lost += transport.remap(rows, i, tnx, sny, shifted.y0(), from.h(), q, i, tnx, tny, to.y0(), to.h()) * to.h();
        }
        outside[0] += lost;
        return q;
    }

    /** Same cells: copy, folding cells beyond the target box into its nearest cell. */
    private static void copy(double[] p, FrameBox2D from, double[] q, FrameBox2D to, double[] outside) {
        int di = (int) Math.rint((from.x0() - to.x0()) / to.h()), dj = (int) Math.rint((from.y0() - to.y0()) / to.h());
        int tnx = to.nx(), tny = to.ny();
        double lost = 0;
        for (int j = 0; j < from.ny(); j++) {
            int tj = j + dj, cj = Math.max(0, Math.min(tny - 1, tj));
            for (int i = 0; i < from.nx(); i++) {
                double v = p[j * from.nx() + i];
                if (v == 0) continue;
                int ti = i + di, ci = Math.max(0, Math.min(tnx - 1, ti));
                if (ci != ti || cj != tj) lost += v;
                q[cj * tnx + ci] += v;
            }
        }
        outside[0] += lost * to.h() * to.h();
    }
}
