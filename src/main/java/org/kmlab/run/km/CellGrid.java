package org.kmlab.run.km;

import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;

/**
 * The fine cells, in x = n/Ω units, that increments are filed under by their starting point
 * before any estimator sees them: cell c holds starts in [origin + c·spacing, origin + (c+1)·spacing).
 * Every estimator works from whole cells (a bin is a run of cells; the kernel estimator uses each
 * cell's mean starting point), so the cells only limit how finely x can be resolved, never what
 * is conditioned on. For a lattice source (the SSA) a cell is a whole number of lattice steps
 * h = 1/Ω with its edges half-way between lattice points, so no lattice point is ever split and at
 * small Ω every lattice point has its own cell: conditioning on X(t) = x is then exact.
 *
 * @param resolution the spacing of the data's own values (h for a lattice source), 0 for continuous
 *                   data; the kernel estimator never smooths below it
 */
public record CellGrid(double origin, double spacing, int cells, double resolution) {
    /** At most this many cells: a per-chunk accumulator of {@code cells × 4 lags × 15} sums stays about 250 kB. */
    public static final int MAX_CELLS = 512;

    public CellGrid {
        if (!Double.isFinite(origin)) throw new IllegalArgumentException("origin must be finite, got " + origin);
        if (!(spacing > 0) || !Double.isFinite(spacing)) throw new IllegalArgumentException("spacing must be a finite number > 0, got " + spacing);
        if (cells < 1 || cells > MAX_CELLS) throw new IllegalArgumentException("cells must be from 1 to " + MAX_CELLS + ", got " + cells);
        if (!(resolution >= 0)) throw new IllegalArgumentException("resolution must be ≥ 0, got " + resolution);
    }

    /** The cell holding x, or −1 outside the grid (NaN too). */
    public int cellOf(double x) {
        double u = (x - origin) / spacing;
        if (!(u >= 0) || u >= cells) return -1;
        return (int) u;
    }

    public double lo() { return origin; }

    public double hi() { return origin + cells * spacing; }

    public double centre(int cell) { return origin + (cell + 0.5) * spacing; }

    /**
     * Cells over [lo, hi] for continuous values: {@value #MAX_CELLS} equal cells (a zero-width
     * range gets a unit-wide one, so a constant series is still filed somewhere).
     */
    public static CellGrid continuous(double lo, double hi) {
        if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
        double pad = 1e-9 * (hi - lo);   // hi itself falls inside the last cell
        return new CellGrid(lo, (hi - lo + pad) / MAX_CELLS, MAX_CELLS, 0);
    }

    /**
     * Cells over [lo, hi] for values on the lattice x = n·h: a whole number of lattice steps per
     * cell (one when the range is narrow enough), edges half-way between lattice points.
     */
    public static CellGrid lattice(double lo, double hi, double h) {
        long first = (long) Math.floor(lo / h), last = (long) Math.ceil(hi / h);
        long points = last - first + 1;
        long perCell = Math.max(1, (points + MAX_CELLS - 1) / MAX_CELLS);
        int cells = (int) ((points + perCell - 1) / perCell);
        return new CellGrid((first - 0.5) * h, perCell * h, cells, h);
    }

    /**
     * Cells for an ensemble of the model run to {@code tEnd}: where the linear noise approximation
     * expects the cloud (mean ± 6 sd over the run, from the initial state), widened by a quarter on
     * each side for nonlinear models whose cloud the LNA underestimates; never below 0 for a count.
     * Starting points outside are counted, not filed ({@link IncrementTable#outside}).
     *
     * @param lattice true for a lattice source (SSA), false for continuous paths (CLE)
     */
    public static CellGrid forEnsemble(Model model, double tEnd, boolean lattice) {
        if (model.speciesCount() != 1) throw new IllegalArgumentException("Kramers–Moyal estimation needs a model with 1 species, got " + model.speciesCount());
        double h = 1 / model.size();
        double[] range = lnaRange(model, tEnd, h);
        double lo = range[0], hi = range[1], pad = 0.25 * (hi - lo);
        lo -= pad;
        hi += pad;
        if (!model.species().get(0).signed()) lo = Math.max(lo, 0);
        return lattice ? lattice(lo, hi, h) : continuous(lo, hi);
    }

    private static double[] lnaRange(Model model, double tEnd, double h) {
        double x0 = model.initialX()[0];
        try {
            double[] env = LinearNoisePath.of(model, model.initialX(), new double[1][1], tEnd, 1e-8, () -> {}).envelope(6, h)[0];
            if (Double.isFinite(env[0]) && Double.isFinite(env[1])) return env;
        } catch (LinearNoisePath.Diverges e) {
            if (e.time() > 0) return lnaRange(model, 0.99 * e.time(), h);
        } catch (RuntimeException e) {
            // a model the LNA cannot follow: fall back to a generous box around the start
        }
        double w = Math.max(10 * h, Math.max(1, Math.abs(x0)));
        return new double[] {x0 - w, x0 + w};
    }
}
