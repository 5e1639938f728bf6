package org.kmlab.solve.fp;

/**
 * The cells of an nx × ny box (index c = j·nx + i) shared among {@code parts} lanes by whole lines
 * along a primitive step (di, dj), about equally by cells: every line of the direction belongs to
 * one lane, so a lane can sweep its lines (a Thomas solve, a semi-Lagrangian transport) without
 * waiting for the others. A line is identified by i·dj − j·di, constant along it, and increasing
 * in i within a row (dj ≥ 1), so in every row each lane holds one run of columns
 * [{@link #from}, {@link #to}); x-lines (dj = 0) are rows, and each lane holds a band of rows.
 */
final class LineParts {
    final int parts;
    /** Column range [from[p][j], to[p][j]) of lane p in row j (empty when from == to). */
    final int[][] from, to;
    /** The lines ({@link GridLines} indices) of each lane, in order. */
    final int[][] lines;
    /** Rows [rowFrom[p], rowTo[p]) of lane p: its band of rows when the lines are rows (dj = 0). */
    final int[] rowFrom, rowTo;

    LineParts(int nx, int ny, int di, int dj, GridLines grid, int parts) {
        this.parts = parts;
        from = new int[parts][ny];
        to = new int[parts][ny];
        int n = nx * ny;
        if (dj == 0) {
            for (int p = 0; p < parts; p++) {
                for (int j = (int) ((long) p * ny / parts); j < (long) (p + 1) * ny / parts; j++) to[p][j] = nx;
            }
        } else {
            // lines by key i·dj − j·di; lane p takes the keys below the p-th cut, cuts at equal cell counts
            int low = Math.min(0, -(ny - 1) * di), high = (nx - 1) * dj + Math.max(0, -(ny - 1) * di);
            int[] count = new int[high - low + 1];
            for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) count[key(i, j, di, dj) - low]++;
            int[] cut = new int[parts];                     // lane p holds keys in [cut[p], cut[p + 1])
            cut[0] = Integer.MIN_VALUE;
            int seen = 0, next = 1;
            for (int k = 0; k < count.length && next < parts; k++) {
                seen += count[k];
                while (next < parts && seen >= (long) next * n / parts) cut[next++] = k + 1 + low;
            }
            while (next < parts) cut[next++] = Integer.MAX_VALUE;
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = laneOf(key(i, j, di, dj), cut);
                    if (from[p][j] == to[p][j]) from[p][j] = i;
                    to[p][j] = i + 1;
                }
            }
        }
        rowFrom = new int[parts];
        rowTo = new int[parts];
        for (int p = 0; p < parts; p++) {
            int first = ny, last = -1;
            for (int j = 0; j < ny; j++) {
                if (from[p][j] < to[p][j]) {
                    first = Math.min(first, j);
                    last = j;
                }
            }
            rowFrom[p] = Math.min(first, last + 1);
            rowTo[p] = last + 1;
        }
        int[] size = new int[parts];
        int[] owner = new int[grid.count];
        for (int l = 0; l < grid.count; l++) {
            int c = grid.start[l], j = c / nx, i = c % nx;
            int p = 0;
            while (p < parts - 1 && !(i >= from[p][j] && i < to[p][j])) p++;
            owner[l] = p;
            size[p]++;
        }
        lines = new int[parts][];
        for (int p = 0; p < parts; p++) lines[p] = new int[size[p]];
        int[] fill = new int[parts];
        for (int l = 0; l < grid.count; l++) lines[owner[l]][fill[owner[l]]++] = l;
    }

    private static int key(int i, int j, int di, int dj) { return i * dj - j * di; }

    private static int laneOf(int key, int[] cut) {
        int p = cut.length - 1;
        while (key < cut[p]) p--;
        return p;
    }
}
