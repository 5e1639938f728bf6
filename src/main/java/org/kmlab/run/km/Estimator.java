package org.kmlab.run.km;

import java.util.List;

/** Turns filed increments into jump moments at a set of points, one {@link MomentEstimates} per lag, all at the same points. */
public interface Estimator {
    /** Points with fewer increments than this (effective number, for a kernel) are left out: their standard error would mean little. */
    int MIN_SAMPLES = 30;

    List<MomentEstimates> estimate(IncrementTable table);

    /** What it is, for people, e.g. "binned, 30 bins" or "Epanechnikov kernel, h = 0.12 (Silverman)". */
    String describe(IncrementTable table);

    /**
     * The cells from the first to the last that hold data at lag 0, less the outermost 0.1 % of
     * the increments on each side (a few strays should not stretch the bins or the kernel's grid);
     * {@code {lo, hi}} inclusive, or null when there is no data.
     */
    static int[] populated(IncrementTable table) {
        int cells = table.grid().cells();
        double total = table.total(0);
        if (!(total > 0)) return null;
        double cut = 0.001 * total, run = 0;
        int lo = 0, hi = cells - 1;
        for (int c = 0; c < cells; c++) {
            run += table.count(0, c);
            if (run > cut) { lo = c; break; }
        }
        run = 0;
        for (int c = cells - 1; c >= 0; c--) {
            run += table.count(0, c);
            if (run > cut) { hi = c; break; }
        }
        return hi >= lo ? new int[] {lo, hi} : null;
    }
}
