package org.kmlab.run.km;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the series reader takes (header or none, commas, tabs, blanks, comments; one or two value columns) and what it refuses, by line. */
class SeriesCsvTest {
    @TempDir Path dir;

    private static String rows(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append(i * 0.5).append(',').append(Math.sin(i)).append('\n');
        return s.toString();
    }

    private static TimeSeries read(String text) throws IOException { return SeriesCsv.read("s.csv", new StringReader(text)); }

    private static String refusal(String text) {
        return assertThrows(SeriesException.class, () -> read(text)).getMessage();
    }

    @Test void readsAHeaderCommentsAndBlankLines() throws IOException {
        TimeSeries s = read("# made by hand\ntime,position\n\n" + rows(12));
        assertEquals(List.of("position"), s.columns());
        assertEquals(12, s.size());
        assertEquals(5.5, s.time(11));
        assertEquals(Math.sin(3), s.column(0)[3]);
        assertTrue(s.isRegular());
        assertEquals(0.5, s.medianStep());
    }

    @Test void readsTwoValueColumnsSeparatedByTabsOrBlanks() throws IOException {
        StringBuilder tabs = new StringBuilder(), blanks = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            tabs.append(i).append('\t').append(2 * i).append('\t').append(-i).append('\n');
            blanks.append(i).append("   ").append(2 * i).append(' ').append(-i).append('\n');
        }
        TimeSeries a = read(tabs.toString()), b = read(blanks.toString());
        assertEquals(List.of("x1", "x2"), a.columns());
        assertArrayEquals(a.column(1), b.column(1));
        assertEquals(-9, b.column(1)[9]);
    }

    @Test void refusesAMissingValueNamingTheLine() {
        String text = "t,x\n" + rows(5) + "2.5,\n" + rows(0);
        assertEquals("s.csv line 7: missing value in column 2", refusal(text));
        assertEquals("s.csv line 3: missing value in column 2 (2 values expected, 1 found)", refusal("t,x\n0,1\n0.5\n" + rows(10)));
    }

    @Test void refusesTextWhereANumberBelongs() {
        assertEquals("s.csv line 4, column 2: 'abc' is not a number", refusal("t,x\n0,1\n1,2\n2,abc\n" + rows(10)));
        assertEquals("s.csv line 2, column 1: 'NaN' is not a finite number", refusal("t,x\nNaN,1\n" + rows(10)));
    }

    @Test void refusesASingleColumn() {
        assertEquals("s.csv line 1: only one column; need a time column and one or two value columns", refusal("1\n2\n3\n"));
        assertEquals("s.csv line 1: 4 columns; need a time column and one or two value columns", refusal("t,a,b,c\n"));
    }

    @Test void refusesTimesThatDoNotIncrease() {
        assertEquals("s.csv line 5: time 0.5 does not come after 1.0 (line 4); times must increase", refusal("t,x\n0,1\n0.5,2\n1.0,3\n0.5,4\n" + rows(10)));
        assertEquals("s.csv line 2: time 0 does not come after 0 (line 1); times must increase", refusal("0,1\n0,2\n" + rows(10)));
    }

    @Test void refusesTooShortAndMissingFiles() throws IOException {
        assertEquals("s.csv: only 3 data lines; need at least 10", refusal("t,x\n0,1\n1,2\n2,3\n"));
        Path missing = dir.resolve("nothing.csv");
        assertEquals(missing + ": no such file", assertThrows(SeriesException.class, () -> SeriesCsv.read(missing)).getMessage());
        Path ok = Files.writeString(dir.resolve("ok.csv"), "t,x\n" + rows(20));
        assertEquals(20, SeriesCsv.read(ok).size());
    }
}
