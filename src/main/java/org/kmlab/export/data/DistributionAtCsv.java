package org.kmlab.export.data;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes the marginal distributions of several solvers at one output time as CSV,
 * {@code t,solver,species,x,p}: what the distribution pane shows. p is a density in x = n/Ω
 * units (Σp·dx = 1, less any truncated mass); x is the cell centre (a histogram bin for ssa and cle).
 */
public final class DistributionAtCsv {
    private DistributionAtCsv() {}

    /** @param snapshots each solver's snapshot at the time, in the order to write */
    public static void write(Map<String, Snapshot> snapshots, List<String> speciesNames, Writer out) throws IOException {
        out.write("t,solver,species,x,p\n");
        StringBuilder row = new StringBuilder(80);
        for (Map.Entry<String, Snapshot> e : snapshots.entrySet()) {
            Snapshot snap = e.getValue();
            for (int s = 0; s < speciesNames.size(); s++) {
                Density1D p = snap.marginal(s);
                if (p == null) continue;
                String prefix = Decimal.of(snap.time()) + "," + e.getKey() + "," + speciesNames.get(s) + ",";
                for (int i = 0; i < p.size(); i++) {
                    row.setLength(0);
                    row.append(prefix).append(Decimal.of(p.x(i))).append(',').append(Decimal.of(p.density(i))).append('\n');
                    out.append(row);
                }
            }
        }
    }
}
