package org.kmlab.export.data;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverResult;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a solver's distributions as CSV with a header line; p is a density in x units (x = n/Ω),
 * so it integrates to the mass on the grid (1, less any truncated mass).
 * <ul>
 *   <li>1 species: {@code t,x,p} from the marginal at each output time;</li>
 *   <li>2 species: {@code t,x,y,p} from the joint density, every grid cell (a solver that gives
 *       no joint density at some time contributes no rows for it);</li>
 *   <li>3 or more species: {@code t,species,x,p}, the marginal of each species by name.</li>
 * </ul>
 * Numbers are written by {@link Decimal}: the shortest text that reads back to the same double.
 */
public final class DensityCsv {
    private DensityCsv() {}

    public static void write(SolverResult result, java.util.List<String> speciesNames, Writer out) throws IOException {
        int d = speciesNames.size();
        if (d == 1) {
            out.write("t,x,p\n");
            for (Snapshot s : result.snapshots()) writeMarginal(s.time(), null, s.marginal(0), out);
        } else if (d == 2) {
            out.write("t,x,y,p\n");
            for (Snapshot s : result.snapshots()) writeJoint(s.time(), s.joint(), out);
        } else {
            out.write("t,species,x,p\n");
            for (Snapshot s : result.snapshots()) {
                for (int k = 0; k < d; k++) writeMarginal(s.time(), speciesNames.get(k), s.marginal(k), out);
            }
        }
    }

    private static void writeMarginal(double t, String species, Density1D p, Writer out) throws IOException {
        if (p == null) return;
        String prefix = Decimal.of(t) + ',' + (species == null ? "" : species + ',');
        StringBuilder row = new StringBuilder(64);
        for (int i = 0; i < p.size(); i++) {
            row.setLength(0);
            row.append(prefix).append(Decimal.of(p.x(i))).append(',').append(Decimal.of(p.density(i))).append('\n');
            out.append(row);
        }
    }

    private static void writeJoint(double t, Density2D p, Writer out) throws IOException {
        if (p == null) return;
        String prefix = Decimal.of(t) + ',';
        // each x and y is printed once, not once a row: turning doubles into text is most of a big run's writing
        String[] xs = new String[p.nx()];
        for (int i = 0; i < p.nx(); i++) xs[i] = prefix + Decimal.of(p.x(i)) + ',';
        StringBuilder row = new StringBuilder(80);
        for (int j = 0; j < p.ny(); j++) {
            String y = Decimal.of(p.y(j)) + ",";
            for (int i = 0; i < p.nx(); i++) {
                row.setLength(0);
                row.append(xs[i]).append(y).append(Decimal.of(p.density(i, j))).append('\n');
                out.append(row);
            }
        }
    }
}
