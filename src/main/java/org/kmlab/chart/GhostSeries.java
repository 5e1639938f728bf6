package org.kmlab.chart;

import org.kmlab.run.Ghost;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * What the panes share for drawing a pinned ghost run ({@link Ghost}, carried in the frame's
 * analyses): its legend text and its densities as plain lines. The look (faded, thinner, dashed) is
 * resolved from {@link SeriesKey#ghost()} like every other look.
 */
final class GhostSeries {
    private GhostSeries() {}

    /** The ghost the frame carries, or null. */
    static Ghost of(Frame f) { return f.analysis(Ghost.class).orElse(null); }

    /** "CME (ghost: Ω = 10)". */
    static String legend(String what, Ghost g) { return what + " (" + g.label() + ")"; }

    /** Keys of one ghost series per solver of the ghost's run, e.g. its densities of one species. */
    static List<SeriesKey> perSolver(Ghost g, SeriesKey.Role role, int species, String suffix) {
        List<SeriesKey> keys = new ArrayList<>();
        for (SolverDescriptor d : g.recording().descriptors()) {
            keys.add(SeriesKey.of(d, role, species, "").asGhost(legend(d.shortLabel() + suffix, g)));
        }
        return keys;
    }

    /**
     * A ghost's density as one line {x, y}: a histogram as its outline (steps along the bar tops),
     * lattice points joined without the zero tails, a continuous density as it is.
     */
    static double[][] line(Density1D d, SolverDescriptor.Output output) {
        int n = d.size();
        if (output == SolverDescriptor.Output.SAMPLES) {
            double[] x = new double[2 * n], y = new double[2 * n];
            for (int c = 0; c < n; c++) {
                x[2 * c] = d.x(c) - d.dx() / 2;
                x[2 * c + 1] = d.x(c) + d.dx() / 2;
                y[2 * c] = y[2 * c + 1] = d.density(c);
            }
            return new double[][] {x, y};
        }
        int from = 0, to = n;
        if (output == SolverDescriptor.Output.LATTICE) {
            double max = 0;
            for (int c = 0; c < n; c++) max = Math.max(max, d.density(c));
            while (from < to && d.density(from) <= 1e-9 * max) from++;
            while (to > from && d.density(to - 1) <= 1e-9 * max) to--;
        }
        double[] x = new double[to - from], y = new double[to - from];
        for (int c = from; c < to; c++) { x[c - from] = d.x(c); y[c - from] = d.density(c); }
        return new double[][] {x, y};
    }
}
