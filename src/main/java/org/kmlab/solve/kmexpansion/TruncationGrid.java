package org.kmlab.solve.kmexpansion;

import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;
import org.kmlab.solve.SolverException;

/**
 * The finite-volume grid of a truncated Kramers–Moyal equation, in x = n/Ω units: {@code cells}
 * cells of width {@code dx} from {@code lo}, with zero-flux walls at both ends.
 *
 * <p>{@link #plan} covers where the linear noise approximation expects the probability over the
 * run (mean ± {@value #ENVELOPE_SDS} sd, as the Fokker–Planck solver does) and lines the edges up
 * with the lattice cells [n − ½, n + ½]/Ω of the master equation, so a lattice cell is a whole
 * number of grid cells: the initial count is exactly one lattice cell of probability, and the
 * distances to the master equation compare like with like. For a count the left wall is the left
 * edge of the cell of n = 0, at x = −1/(2Ω). About {@value #TARGET_CELLS} cells: up to
 * {@value #MAX_CELLS_PER_STEP} per lattice step for small systems, several lattice steps per cell
 * for large ones.
 *
 * @param latticeStepsPerCell dx·Ω: 1 when a cell is a lattice cell
 * @param widened             the cells were widened beyond the usual plan so that a fourth-order
 *                            truncation is stable on them (see {@link GridStability})
 */
record TruncationGrid(double lo, double dx, int cells, double latticeStepsPerCell, boolean widened) {
    static final double ENVELOPE_SDS = 9;
    static final int TARGET_CELLS = 1600;
    static final int MAX_CELLS_PER_STEP = 16;
    /** How much wider than the stability limit a widened cell is: the limit comes from a probe of the box, not every cell. */
    static final double WIDENING_MARGIN = 1.05;

    TruncationGrid {
        if (!(dx > 0) || cells < 3) throw new IllegalArgumentException("grid: need dx > 0 and at least 3 cells, got " + dx + ", " + cells);
    }

    double hi() { return lo + cells * dx; }

    /** Centre of cell i. */
    double centre(int i) { return lo + (i + 0.5) * dx; }

    /** The lattice-aligned box [lo, hi] (x units) where the probability goes over [0, tEnd]. */
    static double[] box(Model model, double tEnd) {
        double h = 1 / model.size();
        double[] env;
        try {
            env = LinearNoisePath.fromInitialState(model, tEnd).envelope(ENVELOPE_SDS, h)[0];
        } catch (LinearNoisePath.Diverges e) {
            throw new SolverException(e.getMessage() + "; cannot size the grid");
        }
        double pad = 0.02 * (env[1] - env[0]);
        double loN = Math.floor((env[0] - pad) * model.size());
        double hiN = Math.ceil((env[1] + pad) * model.size());
        if (!model.species().get(0).signed()) loN = Math.max(0, loN);
        if (!(hiN - loN < 5e7)) throw new SolverException("the probability spreads over more than 5·10⁷ lattice points; try a shorter end time or a smaller Ω");
        return new double[] {(loN - 0.5) * h, (hiN + 0.5) * h};
    }

    /**
     * The usual grid on {@code box}: {@code requestedCells} equal cells when the user asked for a
     * number, else lattice-aligned cells (a whole number of cells per lattice step, or of lattice
     * steps per cell).
     */
    static TruncationGrid plan(Model model, double[] box, int requestedCells) {
        double h = 1 / model.size();
        double span = box[1] - box[0];
        if (requestedCells > 0) {
            double dx = span / requestedCells;
            return new TruncationGrid(box[0], dx, requestedCells, dx / h, false);
        }
        long points = Math.round(span / h);
        if (points <= TARGET_CELLS) {
            int perStep = (int) Math.max(1, Math.min(MAX_CELLS_PER_STEP, TARGET_CELLS / points));
            return new TruncationGrid(box[0], h / perStep, (int) (points * perStep), 1.0 / perStep, false);
        }
        long stepsPerCell = (points + TARGET_CELLS - 1) / TARGET_CELLS;
        int cells = (int) ((points + stepsPerCell - 1) / stepsPerCell);
        return new TruncationGrid(box[0], stepsPerCell * h, cells, stepsPerCell, false);
    }

    /** This grid's box cut into cells at least {@code width} wide (× {@value #WIDENING_MARGIN}); this grid if they already are. */
    TruncationGrid atLeast(double width, double h) {
        if (dx >= width) return this;
        double span = cells * dx;
        double wide = WIDENING_MARGIN * width;
        int n = (int) Math.max(3, Math.floor(span / wide));
        double d = span / n;
        return new TruncationGrid(lo, d, n, d / h, true);
    }
}
