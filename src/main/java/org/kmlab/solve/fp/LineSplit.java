package org.kmlab.solve.fp;

/**
 * The cells of an nx × ny grid (index c = j·nx + i) cut into {@value SweepTeam#PARTS} parts that
 * no line along a step (di, dj) crosses ({@link GridLines}), so that each part's lines can be swept
 * on their own thread. Along rows (dj = 0) the parts are bands of rows; otherwise a line keeps
 * {@code v = i − di·⌊j/dj⌋}, and the parts are bands of v cut to hold equal numbers of cells. In
 * row j a part holds the columns {@code [from(part, j), to(part, j))}.
 */
final class LineSplit {
    private static final int PARTS = SweepTeam.PARTS;

    private final int nx, ny;
    private final int[][] from, to;
    private final int[][] lines;

    LineSplit(int nx, int ny, int di, int dj, GridLines grid) {
        this.nx = nx;
        this.ny = ny;
        from = new int[PARTS][ny];
        to = new int[PARTS][ny];
        int[] cuts = new int[PARTS + 1];
        for (int k = 1; k < PARTS && dj != 0; k++) cuts[k] = cut(k, di, dj);
        for (int p = 0; p < PARTS; p++) {
            for (int j = 0; j < ny; j++) {
                if (dj == 0) {
                    boolean mine = j >= p * ny / PARTS && j < (p + 1) * ny / PARTS;
                    to[p][j] = mine ? nx : 0;
                } else {
                    from[p][j] = p == 0 ? 0 : clamp(cuts[p] + di * (j / dj));
                    to[p][j] = p == PARTS - 1 ? nx : clamp(cuts[p + 1] + di * (j / dj));
                }
            }
        }
        int[] count = new int[PARTS];
        int[] partOf = new int[grid.count];
        for (int l = 0; l < grid.count; l++) {
            int c = grid.start[l], i = c % nx, j = c / nx, p = 0;
            while (!(i >= from[p][j] && i < to[p][j])) p++;
            partOf[l] = p;
            count[p]++;
        }
        lines = new int[PARTS][];
        for (int p = 0; p < PARTS; p++) lines[p] = new int[count[p]];
        int[] k = new int[PARTS];
        for (int l = 0; l < grid.count; l++) lines[partOf[l]][k[partOf[l]]++] = l;
    }

    /** The least v with at least k/PARTS of the cells below it (cells with v below belong to parts before k). */
    private int cut(int k, int di, int dj) {
        int shift = di * ((ny - 1) / dj);
        int lo = -Math.max(0, shift), hi = nx - Math.min(0, shift);   // v ∈ [lo, hi)
        long wanted = (long) nx * ny * k / PARTS;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (cellsBelow(mid, di, dj) < wanted) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private long cellsBelow(int cut, int di, int dj) {
        long n = 0;
        for (int j = 0; j < ny; j++) n += clamp(cut + di * (j / dj));
        return n;
    }

    private int clamp(int v) { return Math.max(0, Math.min(nx, v)); }

    /** First column of row j in the part. */
    int from(int part, int j) { return from[part][j]; }

    /** End (exclusive) of the part's columns in row j. */
    int to(int part, int j) { return to[part][j]; }

    /** The indices of the {@link GridLines} lines in the part. */
    int[] lines(int part) { return lines[part]; }

    int ny() { return ny; }
}
