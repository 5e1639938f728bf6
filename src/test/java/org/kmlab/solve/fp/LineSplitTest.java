package org.kmlab.solve.fp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class LineSplitTest {
    /**
     * Every cell is in exactly one part, every line lies wholly in one part and is listed there,
     * and the parts are about equal (within a row or a line's worth of cells per cut): x, y,
     * diagonal, anti-diagonal and knight's-move lines, on boxes from 3 × 3 to long and flat.
     */
    @ParameterizedTest
    @CsvSource({"1,0,40,30", "0,1,40,30", "1,1,40,30", "-1,1,40,30", "-2,1,37,23", "1,2,31,40", "-1,1,3,3", "1,0,3,3",
            "0,1,440,176", "-1,1,220,88", "1,1,5,200", "-1,1,200,5", "-2,1,3,50"})
    void partsHoldWholeLinesAndShareTheCells(int di, int dj, int nx, int ny) {
        GridLines lines = new GridLines(nx, ny, di, dj);
        LineSplit split = new LineSplit(nx, ny, di, dj, lines);
        int[] partOf = new int[nx * ny];
        java.util.Arrays.fill(partOf, -1);
        int[] size = new int[SweepTeam.PARTS];
        for (int p = 0; p < SweepTeam.PARTS; p++) {
            for (int j = 0; j < ny; j++) {
                assertTrue(0 <= split.from(p, j) && split.from(p, j) <= split.to(p, j) || split.to(p, j) == 0, "row " + j);
                for (int i = split.from(p, j); i < split.to(p, j); i++) {
                    assertEquals(-1, partOf[j * nx + i], "cell (" + i + ", " + j + ") in two parts");
                    partOf[j * nx + i] = p;
                    size[p]++;
                }
            }
        }
        for (int c = 0; c < nx * ny; c++) assertNotEquals(-1, partOf[c], "cell " + c + " in no part");
        boolean[] listed = new boolean[lines.count];
        for (int p = 0; p < SweepTeam.PARTS; p++) {
            for (int l : split.lines(p)) {
                assertFalse(listed[l], "line " + l + " listed twice");
                listed[l] = true;
                for (int k = 0, c = lines.start[l]; k < lines.length[l]; k++, c += lines.stride) assertEquals(p, partOf[c], "line " + l + " crosses parts");
            }
        }
        for (int l = 0; l < lines.count; l++) assertTrue(listed[l], "line " + l + " in no part");
        int slack = dj == 0 ? nx : ny;   // a cut moves by whole rows (x-lines) or whole values of v
        for (int p = 0; p < SweepTeam.PARTS; p++) {
            assertEquals((double) nx * ny / SweepTeam.PARTS, size[p], slack, "part " + p + " of " + java.util.Arrays.toString(size));
        }
    }
}
