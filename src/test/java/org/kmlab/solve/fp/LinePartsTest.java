package org.kmlab.solve.fp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class LinePartsTest {
    /**
     * Every cell belongs to exactly one lane, every line lies whole in its lane (a lane's sweep never
     * waits for another's), a lane's lines are the ones that start in its cells, and the lanes hold
     * about equal numbers of cells (a cut falls between two lines, so a lane is off n/parts by less
     * than the longest line). From one-cell boxes to the predator–prey check grid's size.
     */
    @ParameterizedTest(name = "{0}×{1} along ({2}, {3}), {4} lanes")
    @CsvSource({"1, 1, 1, 0, 2", "1, 1, -1, 1, 2", "3, 2, 0, 1, 2", "7, 5, 1, 1, 3", "7, 5, -1, 1, 2", "9, 4, -2, 1, 2",
            "5, 9, -2, 1, 4", "440, 176, 1, 0, 2", "440, 176, 0, 1, 2", "440, 176, -1, 1, 2", "176, 440, -1, 1, 4", "64, 64, 1, 1, 1"})
    void everyLineLiesWholeInOneLaneAndTheLanesAreBalanced(int nx, int ny, int di, int dj, int lanes) {
        GridLines grid = new GridLines(nx, ny, di, dj);
        LineParts parts = new LineParts(nx, ny, di, dj, grid, lanes);
        int[] owner = new int[nx * ny], cells = new int[lanes];
        java.util.Arrays.fill(owner, -1);
        for (int p = 0; p < lanes; p++) {
            for (int j = 0; j < ny; j++) {
                assertTrue(parts.from[p][j] >= 0 && parts.from[p][j] <= parts.to[p][j] && parts.to[p][j] <= nx);
                for (int i = parts.from[p][j]; i < parts.to[p][j]; i++) {
                    assertEquals(-1, owner[j * nx + i], "cell (" + i + ", " + j + ") in two lanes");
                    owner[j * nx + i] = p;
                    cells[p]++;
                    if (dj == 0) assertTrue(j >= parts.rowFrom[p] && j < parts.rowTo[p], "row " + j + " in lane " + p + "'s band");
                }
            }
        }
        for (int c = 0; c < nx * ny; c++) assertNotEquals(-1, owner[c], "cell " + c + " in no lane");
        boolean[] listed = new boolean[grid.count];
        for (int p = 0; p < lanes; p++) {
            for (int l : parts.lines[p]) {
                assertFalse(listed[l]);
                listed[l] = true;
                for (int k = 0, c = grid.start[l]; k < grid.length[l]; k++, c += grid.stride) assertEquals(p, owner[c], "line " + l + " split");
            }
        }
        for (int l = 0; l < grid.count; l++) assertTrue(listed[l], "line " + l + " in no lane");
        for (int p = 0; p < lanes; p++) {
            assertTrue(Math.abs(cells[p] - (double) nx * ny / lanes) < grid.longest(), "lane " + p + " holds " + cells[p] + " of " + nx * ny + " cells");
        }
    }
}
