package org.kmlab.solve.fp;

/**
 * The lines of cells of an nx × ny box (index c = j·nx + i) along a primitive step (di, dj) with
 * dj ≥ 0 (dj = 0 only for (1, 0)): line L starts at cell {@code start[L]}, has {@code length[L]}
 * cells, and consecutive cells are {@link #stride} = dj·nx + di apart. Every cell lies on exactly
 * one line.
 */
final class GridLines {
    final int stride;
    final int[] start, length;
    final int count;

    GridLines(int nx, int ny, int di, int dj) {
        stride = dj * nx + di;
        int[] s = new int[nx * ny], len = new int[nx * ny];
        int lines = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int pi = i - di, pj = j - dj;
                if (pj >= 0 && pi >= 0 && pi < nx) continue;      // has a predecessor: not a start
                int k = 0, ci = i, cj = j;
                while (ci >= 0 && ci < nx && cj < ny) { k++; ci += di; cj += dj; }
                s[lines] = j * nx + i;
                len[lines] = k;
                lines++;
            }
        }
        count = lines;
        start = java.util.Arrays.copyOf(s, lines);
        length = java.util.Arrays.copyOf(len, lines);
    }

    /** The longest line. */
    int longest() {
        int m = 0;
        for (int l : length) m = Math.max(m, l);
        return m;
    }
}
