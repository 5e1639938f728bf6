package org.kmlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A 1-D distribution CSV ({@code t,x,p}) read back, grouped by time. */
record CsvTable(String header, Map<Double, List<double[]>> rowsByTime) {
    static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<Double, List<double[]>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) v[i] = Double.parseDouble(f[i]);
            rows.computeIfAbsent(v[0], t -> new ArrayList<>()).add(v);
        }
        return new CsvTable(lines.get(0), rows);
    }

    /** ∫ p dx at one time, for rows {@code t,x,p} on a uniform grid. */
    static double integral(List<double[]> rows) {
        if (rows.size() < 2) throw new IllegalArgumentException("need at least two grid points");
        double dx = rows.get(1)[1] - rows.get(0)[1];
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0 && Math.abs(rows.get(i)[1] - rows.get(i - 1)[1] - dx) > 1e-9 * Math.max(1, Math.abs(dx))) {
                throw new IllegalArgumentException("x grid is not uniform at row " + i);
            }
            sum += rows.get(i)[2];
        }
        return sum * dx;
    }
}
