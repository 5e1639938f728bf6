package org.kmlab.solve.fp;

import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;
import org.kmlab.model.KramersMoyal;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.SolverException;

/**
 * Plans the next piece of a 2-D run: from the solution's current mean and covariance it
 * integrates the linear noise approximation ({@link LinearNoisePath}) a little ahead and decides
 * the cell size, how long the plan may be trusted, which axes are pinned at a wall, and the box
 * (in the co-moving frame) that holds the cloud over the piece: ±{@value #SDS} standard
 * deviations of the predicted cloud and every cell that still holds probability. x = n/Ω units.
 *
 * <p>Cell sizes come from a ladder h = 2^(q/2)/Ω (whole powers of two of the lattice step 1/Ω at
 * even q, so the initial bump and the walls fall on cell faces). By default the coarse grid has
 * between {@code c} and {@code 2c} cells per standard deviation of the cloud's narrowest
 * direction (√ of the least eigenvalue of Σ), c = {@value #CELLS_PER_SD}; a piece ends when the
 * predicted cloud leaves that band. With a cell count N from the options, the longer side of the
 * coarse box holds between N/2 and N cells instead. A box never has more than
 * {@value #MAX_CELLS} coarse cells by default, nor more than N² (at most
 * {@value #MAX_ASKED_CELLS}) when N is given; the cells then get coarser (a test's finer grids
 * scale both).
 */
final class FramePlanner2D {
    /** Half-width of the box, in standard deviations of the predicted cloud (a 2-D Gaussian leaves ~1e-8 outside). */
    static final double SDS = 6;
    /** Default coarse cells per standard deviation of the cloud's narrowest direction (at least; at most twice). */
    static final double CELLS_PER_SD = 3;
    /** The cell size changes when the cells per sd leave [c, BAND·c]. */
    static final double BAND = 2;
    /** The most coarse cells a box may have (the check grid has 2.25 times as many). */
    static final int MAX_CELLS = 1 << 14;
    /** The most coarse cells a box may have when the cells are asked for (N along the longer side): 512², up to about 400 MB for both grids (36 doubles a cell, 2.25 check cells a coarse one). */
    static final int MAX_ASKED_CELLS = 1 << 18;
    /** Points at which the predicted path is examined over a piece (denser near its start). */
    private static final int SAMPLES = 48;
    /** An axis is released from its wall only when the moving box would stay this many sds clear of it. */
    private static final double RELEASE_SDS = 2;

    /** What the next piece looks like: the path to follow, its end, the coarse box, pinned axes. */
    record Plan(LinearNoisePath path, double duration, FrameBox2D box, boolean pinX, boolean pinY, double cellsPerSd, double diffusionRate) {}

    private final Model model;
    private final KramersMoyal km;
    private final int cells;
    private final double perSdLow;          // the band [perSdLow, BAND·perSdLow] of coarse cells per sd
    private final double maxCells;          // MAX_CELLS, times fineness² for finer grids
    private final double lattice;
    private final boolean[] count = new boolean[2];
    private final double[] t = new double[SAMPLES + 1], minor = new double[SAMPLES + 1];
    private final double[][] mean = new double[SAMPLES + 1][], sd = new double[SAMPLES + 1][];

    /** @param cells coarse cells along the box's longer side, or 0 for the default (cells per sd) */
    FramePlanner2D(Model model, int cells) { this(model, cells, 1); }

    /**
     * @param cells coarse cells along the box's longer side, or 0 for the default (cells per sd)
     * @param fineness the default's cells per sd times this (tests: 2 halves every cell)
     */
    FramePlanner2D(Model model, int cells, double fineness) {
        this.model = model;
        this.km = new KramersMoyal(model);
        this.cells = cells;
        this.perSdLow = CELLS_PER_SD * fineness;
        this.maxCells = (cells > 0 ? Math.max(MAX_CELLS, Math.min((double) cells * cells, MAX_ASKED_CELLS)) : MAX_CELLS) * fineness * fineness;
        lattice = 1 / model.size();
        for (int s = 0; s < 2; s++) count[s] = !model.species().get(s).signed();
    }

    /** The ladder's cell size at rung q: 2^(q/2)/Ω. */
    double rung(int q) { return lattice * Math.pow(2, q / 2.0); }

    /** The lowest rung with a cell size ≥ h (or ≤ h when {@code below}). */
    int rungOf(double h, boolean below) {
        double q = 2 * Math.log(h / lattice) / Math.log(2);
        int r = (int) (below ? Math.floor(q + 1e-9) : Math.ceil(q - 1e-9));
        return r;
    }

    /** σ of the narrowest direction of a 2×2 covariance. */
    static double narrowest(double[][] c) {
        double a = c[0][0], b = 0.5 * (c[0][1] + c[1][0]), d = c[1][1];
        double mid = 0.5 * (a + d), r = Math.hypot(0.5 * (a - d), b);
        return Math.sqrt(Math.max(0, mid - r));
    }

    /**
     * The plan for a piece starting now.
     *
     * @param m        mean now (lab)
     * @param cov      covariance now
     * @param occupied span of the occupied cells now, lab coordinates ({@code [s][lo, hi]})
     * @param origin   the frame origin now (lab)
     * @param pinned   which axes are pinned now
     * @param current  the current coarse box (null at the start)
     * @param horizon  the longest piece wanted
     */
    Plan plan(double[] m, double[][] cov, double[][] occupied, double[] origin, boolean[] pinned, FrameBox2D current,
              double horizon, CancellationToken cancel) {
        LinearNoisePath path;
        try {
            path = LinearNoisePath.of(model, m, cov, horizon, 1e-8, cancel::check);
        } catch (LinearNoisePath.Diverges e) {
            throw new SolverException("fp: " + e.getMessage() + "; cannot plan the grid");
        }
        for (int q = 0; q <= SAMPLES; q++) {
            double f = (double) q / SAMPLES;
            t[q] = horizon * f * f;
            mean[q] = path.mean(t[q]);
            double[][] c = path.covariance(t[q]);
            sd[q] = new double[] {Math.sqrt(Math.max(0, c[0][0])), Math.sqrt(Math.max(0, c[1][1]))};
            minor[q] = Math.max(narrowest(c), 1e-6 * lattice);
        }
        double h = cellSize(occupied, current);
        int end = lastFitting(h, occupied);
        if (end < SAMPLES / 4 && current != null && h == current.h()) {    // the current cells are about to leave the band
            h = cellSize(occupied, null);
            end = lastFitting(h, occupied);
        }
        if (end < SAMPLES / 4 && cells == 0) {   // a fresh rung at the band's edge: the next rung may suit the cloud longer
            for (double other : new double[] {h * Math.sqrt(2), h / Math.sqrt(2)}) {
                double perSd = minor[0] / other;
                if (perSd < perSdLow || perSd > BAND * perSdLow) continue;
                int otherEnd = lastFitting(other, occupied);
                if (otherEnd > end) {
                    h = other;
                    end = otherEnd;
                }
            }
        }
        end = Math.max(1, end);
        boolean[] pin = new boolean[2];
        while (true) {
            FrameBox2D box = layout(end, h, m, occupied, origin, pinned, pin);
            if (cells > 0 && Math.max(box.nx(), box.ny()) > cells && end > 1) {
                end--;                               // a shorter piece needs a smaller box
            } else if ((cells > 0 && Math.max(box.nx(), box.ny()) > cells) || (long) box.nx() * box.ny() > maxCells) {   // long: a degenerate cloud's first try may pass 2³¹ cells
                h *= Math.sqrt(2);                   // else coarser cells
            } else {
                return new Plan(path, t[end], box, pin[0], pin[1], minor[0] / box.h(), diffusionRate(m, cov));
            }
        }
    }

    /** The last sample up to which cell size h suits the predicted cloud (0: not even the first). */
    private int lastFitting(double h, double[][] occupied) {
        for (int q = 1; q <= SAMPLES; q++) if (!fits(q, h, occupied)) return q - 1;
        return SAMPLES;
    }

    /**
     * The box for samples 0..end with cell size h (frame coordinates; a pinned axis starts at the
     * wall), deciding into {@code pin} which axes are pinned.
     */
    private FrameBox2D layout(int end, double h, double[] m, double[][] occupied, double[] origin, boolean[] pinned, boolean[] pin) {
        double[] lo = new double[2], hi = new double[2];
        for (int s = 0; s < 2; s++) {
            double sdMax = 0;
            for (int q = 0; q <= end; q++) sdMax = Math.max(sdMax, sd[q][s]);
            // frame coordinates of a moving axis: the frame follows the path's mean
            double base = pinned[s] ? 0 : origin[s];
            double moveLo = Math.min(m[s] - base - SDS * sdMax, occupied[s][0] - base);
            double moveHi = Math.max(m[s] - base + SDS * sdMax, occupied[s][1] - base);
            pin[s] = count[s] && wallNear(s, end, base, moveLo - h, pinned[s], sdMax);
            if (pin[s]) {
                double top = occupied[s][1];
                for (int q = 0; q <= end; q++) top = Math.max(top, mean[q][s] + SDS * sd[q][s]);
                lo[s] = 0;
                hi[s] = top;
            } else {
                lo[s] = moveLo;
                hi[s] = moveHi;
            }
        }
        return snap(lo, hi, h, pin);
    }

    /**
     * How fast diffusion widens the cloud now, relative to its width (1/time): max_s B_ss/Σ_ss
     * at the mean. Large while a sharp start spreads; small for a cloud much wider than its
     * noise alone would make it (a high Fano factor).
     */
    private double diffusionRate(double[] m, double[][] cov) {
        return diffusionRate(km, m, cov);
    }

    /** {@link #diffusionRate(double[], double[][])} on a piece's path, {@code dt} after its start. */
    double diffusionRate(LinearNoisePath path, double dt) {
        return diffusionRate(km, path.mean(dt), path.covariance(dt));
    }

    private static double diffusionRate(KramersMoyal km, double[] m, double[][] cov) {
        double[][] b = new double[2][2];
        km.diffusion(m, b);
        double rate = 0;
        for (int s = 0; s < 2; s++) if (cov[s][s] > 0) rate = Math.max(rate, b[s][s] / cov[s][s]);
        return rate;
    }

    /** Whether the moving box of axis s would reach the wall at 0 over samples 0..end (with a margin to release a pinned axis). */
    private boolean wallNear(int s, int end, double base, double lo, boolean pinnedNow, double sdMax) {
        double margin = pinnedNow ? RELEASE_SDS * sdMax : 0;
        for (int q = 0; q <= end; q++) {
            double edge = base + (mean[q][s] - mean[0][s]) + lo;    // lab position of the box's lower edge
            if (edge < margin) return true;
        }
        return false;
    }

    /**
     * The coarse cell size for the piece: the current one while it still suits the cloud now, else
     * a rung in the middle of the band (default) or the finest that fits the box in the cell count.
     */
    private double cellSize(double[][] occupied, FrameBox2D current) {
        if (cells > 0) {
            double longest = extent(0, occupied);
            if (current != null && longest / current.h() <= cells && longest / current.h() >= cells / 2.0) return current.h();
            return rung(rungOf(longest / cells, false));
        }
        double perSd = current == null ? 0 : minor[0] / current.h();
        if (perSd >= perSdLow && perSd <= BAND * perSdLow) return current.h();
        return rung(rungOf(minor[0] / (perSdLow * Math.max(1, BAND / Math.sqrt(2))), true));
    }

    /**
     * Whether cell size h still suits the predicted cloud at sample q, and its variances are
     * within a factor of 2 of the first sample's (the step size is chosen from them).
     */
    private boolean fits(int q, double h, double[][] occupied) {
        for (int s = 0; s < 2; s++) {
            double ratio = sd[q][s] / sd[0][s];
            if (ratio > Math.sqrt(2) || ratio < 1 / Math.sqrt(2)) return false;
        }
        if (cells > 0) return extent(q, occupied) / h <= cells;
        double perSd = minor[q] / h;
        return perSd >= perSdLow && perSd <= BAND * perSdLow;
    }

    /** The longer side of the ±SDS envelope of sample q joined with the occupied span. */
    private double extent(int q, double[][] occupied) {
        double longest = 0;
        for (int s = 0; s < 2; s++) {
            double lo = Math.min(mean[q][s] - SDS * sd[q][s], occupied[s][0]), hi = Math.max(mean[q][s] + SDS * sd[q][s], occupied[s][1]);
            if (count[s]) lo = Math.max(0, lo);
            longest = Math.max(longest, hi - lo);
        }
        return longest;
    }

    /**
     * The box of cell size h covering [lo, hi] (frame coordinates) with corners on the 2h-lattice and
     * an even number of cells, at least 4, a side (so that its check box shares the cells of any
     * other with the same h: {@link FrameBox2D}).
     */
    private static FrameBox2D snap(double[] lo, double[] hi, double h, boolean[] pin) {
        double[] corner = new double[2];
        int[] n = new int[2];
        for (int s = 0; s < 2; s++) {
            corner[s] = pin[s] ? 0 : Math.floor(lo[s] / (2 * h) + 1e-9) * 2 * h;
            n[s] = (int) Math.min(1 << 30, Math.max(4, 2 * Math.ceil((hi[s] - corner[s]) / (2 * h) - 1e-9)));
            if (!pin[s] && n[s] == 4 && (hi[s] - corner[s]) / h < 2) corner[s] -= 2 * h;
        }
        return new FrameBox2D(h, corner[0], corner[1], n[0], n[1]);
    }
}
