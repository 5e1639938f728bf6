package org.kmlab.run.km;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a time series from CSV: a time column and one or two value columns, one sample per line,
 * regular or irregular in time. Commas separate fields (else semicolons, tabs or spaces, as the
 * first line uses); an optional first line of column names; blank lines and lines starting with
 * {@code #} are skipped. Anything else is refused with the line it is on: a missing value, text
 * where a number belongs, a value that is not finite, a line with too few or too many fields, one
 * column only, times that do not increase. Parses a million lines in a few hundred milliseconds.
 */
public final class SeriesCsv {
    /** Fewer samples than this cannot give a single conditional moment worth showing. */
    public static final int MIN_SAMPLES = 10;

    private SeriesCsv() {}

    /** Reads a file; the messages start with its name. */
    public static TimeSeries read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, r);
        } catch (NoSuchFileException e) {
            throw new SeriesException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SeriesException(name + ": not a text file in UTF-8");
        } catch (IOException e) {
            throw new SeriesException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads CSV text; {@code name} starts every message. */
    public static TimeSeries read(String name, Reader text) throws IOException {
        BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text, 1 << 16);
        char sep = 0;
        int columns = -1, lineNo = 0, prevLine = 0;
        String prevTime = "";
        List<String> names = null;
        double[][] cols = null;
        int n = 0;
        String[] fields = new String[4];
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            if (sep == 0) sep = separatorOf(s);
            int count = split(s, sep, fields);
            String where = name + " line " + lineNo;
            if (columns < 0) {
                if (count > 3) throw new SeriesException(where + ": " + count + " columns; need a time column and one or two value columns");
                if (count < 2) throw new SeriesException(where + ": only one column; need a time column and one or two value columns");
                columns = count;
                cols = new double[columns][1024];
                if (!isNumber(fields[0]) && !isNumber(fields[1])) {   // a header line
                    names = new ArrayList<>();
                    for (int c = 1; c < count; c++) {
                        if (fields[c].isEmpty()) throw new SeriesException(where + ": column " + (c + 1) + " has no name");
                        names.add(unquote(fields[c]));
                    }
                    continue;
                }
            }
            if (count != columns) {
                if (count < columns) {
                    throw new SeriesException(where + ": missing value in column " + (count + 1) + " (" + columns + " values expected, " + count + " found)");
                }
                throw new SeriesException(where + ": " + count + " values, expected " + columns);
            }
            if (n == cols[0].length) for (int c = 0; c < columns; c++) cols[c] = Arrays.copyOf(cols[c], 2 * n);
            for (int c = 0; c < columns; c++) {
                cols[c][n] = number(fields[c], where, c + 1);
            }
            if (n > 0 && !(cols[0][n] > cols[0][n - 1])) {
                throw new SeriesException(where + ": time " + fields[0] + " does not come after " + prevTime
                        + " (line " + prevLine + "); times must increase");
            }
            prevLine = lineNo;
            prevTime = fields[0];
            n++;
        }
        if (columns < 0) throw new SeriesException(name + ": no data (need a time column and one or two value columns)");
        if (n < MIN_SAMPLES) throw new SeriesException(name + ": only " + n + " data line" + (n == 1 ? "" : "s") + "; need at least " + MIN_SAMPLES);
        if (names == null) {
            names = new ArrayList<>();
            for (int c = 1; c < columns; c++) names.add("x" + (columns > 2 ? c : ""));
        }
        double[][] values = new double[columns - 1][];
        for (int c = 1; c < columns; c++) values[c - 1] = Arrays.copyOf(cols[c], n);
        return new TimeSeries(name, Arrays.copyOf(cols[0], n), values, names);
    }

    private static char separatorOf(String line) {
        if (line.indexOf(',') >= 0) return ',';
        if (line.indexOf(';') >= 0) return ';';
        if (line.indexOf('\t') >= 0) return '\t';
        return ' ';
    }

    /** Splits into at most fields.length fields (the count may be larger: the rest are not kept), trimmed. */
    private static int split(String s, char sep, String[] fields) {
        int count = 0, start = 0, len = s.length();
        if (sep == ' ') {   // runs of blanks separate
            int i = 0;
            while (i < len) {
                while (i < len && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= len) break;
                int j = i;
                while (j < len && !Character.isWhitespace(s.charAt(j))) j++;
                if (count < fields.length) fields[count] = s.substring(i, j);
                count++;
                i = j;
            }
            return count;
        }
        for (int i = 0; i <= len; i++) {
            if (i == len || s.charAt(i) == sep) {
                if (count < fields.length) fields[count] = s.substring(start, i).strip();
                count++;
                start = i + 1;
            }
        }
        return count;
    }

    private static boolean isNumber(String f) {
        try {
            Double.parseDouble(f);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String unquote(String f) {
        return f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"") ? f.substring(1, f.length() - 1) : f;
    }

    private static double number(String field, String where, int column) {
        if (field.isEmpty()) throw new SeriesException(where + ": missing value in column " + column);
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new SeriesException(where + ", column " + column + ": '" + shorten(field) + "' is not a number");
        }
        if (!Double.isFinite(v)) throw new SeriesException(where + ", column " + column + ": '" + shorten(field) + "' is not a finite number");
        return v;
    }

    private static String shorten(String s) { return s.length() > 24 ? s.substring(0, 21) + "…" : s; }
}
