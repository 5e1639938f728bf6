package org.kmlab.solve.fp;

import org.kmlab.model.DriftJacobian;
import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;
import org.kmlab.model.MomentEquations;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.SolverException;

/**
 * Plans the moving Fokker–Planck box ({@link MovingFrame}) from the solution's own state, and
 * says when a plan no longer fits the cloud. A plan spans {@value #SDS} standard deviations of
 * the linear noise approximation either side of the mean, widened to the cells actually holding
 * probability (all but {@value #TAIL} per side) plus {@value #MARGIN} sd, so skewed clouds and
 * probability piled at a wall stay inside. A new plan is needed when
 * <ul>
 *   <li>more than {@value #EDGE} of the probability reaches the outer band of cells at a box
 *       end that is not a wall (the cloud outruns the plan);</li>
 *   <li>a box pinned to the wall x = 0 no longer has probability there (it can follow the cloud);</li>
 *   <li>the box has become more than {@value #WIDE} times as wide as a fresh plan would be (cells
 *       are being wasted away from the cloud).</li>
 * </ul>
 * Units: x = n/Ω, time in the model's units.
 */
final class FramePlanner {
    /** Half-width of a plan in LNA standard deviations. */
    static final double SDS = 8;
    /** Extra room beyond the occupied cells, in standard deviations. */
    static final double MARGIN = 2;
    /** Probability per side that may lie outside the "occupied" cells. */
    static final double TAIL = 1e-15;
    /** Probability in a box end's outer band that calls for a new plan. */
    static final double EDGE = 1e-11;
    /** A box this many times wider than needed is re-planned. */
    static final double WIDE = 2;
    /** Relative tolerance of the LNA paths: the frame only needs to be smooth and close. */
    private static final double PATH_TOLERANCE = 1e-7;

    private final Model model;
    private final boolean wall;
    private final double floor, tEnd;
    private final CancellationToken cancel;
    private final double[] range = new double[2];

    FramePlanner(Model model, double tEnd, CancellationToken cancel) {
        this.model = model;
        this.wall = !model.species().get(0).signed();
        this.floor = 1 / (model.size() * Math.sqrt(12));        // sd of one lattice cell, h/√12
        this.tEnd = tEnd;
        this.cancel = cancel;
    }

    boolean wall() { return wall; }

    /** The sd floor, h/√12 in x units. */
    double floor() { return floor; }

    /** Cells in a box end's outer band. */
    static int band(int cells) { return Math.max(2, cells / 64); }

    /**
     * A plan from time t on, for a cloud with this mean and variance whose probability lies in
     * [supportLo, supportHi]; {@code atWall} when a count has probability at x = 0 now.
     */
    MovingFrame plan(double t, double mean, double variance, double supportLo, double supportHi, boolean atWall) {
        LinearNoisePath path;
        try {
            path = LinearNoisePath.of(model, new double[] {mean}, new double[][] {{variance}}, Math.max(0, tEnd - t),
                    PATH_TOLERANCE, cancel::check);
        } catch (LinearNoisePath.Diverges e) {
            throw new SolverException("fp: " + e.getMessage() + "; cannot place the moving grid");
        }
        double s = Math.sqrt(variance + floor * floor);
        double zLow = Math.min(-SDS, (supportLo - mean) / s - MARGIN);
        double zHigh = Math.max(SDS, (supportHi - mean) / s + MARGIN);
        FramePath sampled = FramePath.sample(path, new MomentEquations(model, cancel::check), new DriftJacobian(model));
        return new MovingFrame(sampled, path.duration(), t, floor, zLow, zHigh, wall, wall && atWall);
    }

    /** Plans from the state of {@code g} at time t. */
    MovingFrame plan(double t, ComovingGrid g) {
        g.support(TAIL, range);
        return plan(t, g.mean(), g.variance(), range[0], range[1], atWall(g));
    }

    /** A count's grid whose first face is the wall and which holds probability there. */
    boolean atWall(ComovingGrid g) {
        return wall && g.lo() == 0 && g.lowBand(band(g.n)) > EDGE;
    }

    /** True when {@code frame} no longer fits the cloud held by the grids (see the class comment). */
    boolean needsNewPlan(MovingFrame frame, ComovingGrid coarse, ComovingGrid fine) {
        if (edgeLoaded(coarse) || edgeLoaded(fine)) return true;
        if (frame.pinned() && !atWall(fine)) return true;
        fine.support(TAIL, range);
        double mean = fine.mean(), s = Math.sqrt(fine.variance() + floor * floor);
        double lo = mean + s * Math.min(-SDS, (range[0] - mean) / s - MARGIN);
        double hi = mean + s * Math.max(SDS, (range[1] - mean) / s + MARGIN);
        if (frame.pinned() || wall) lo = Math.max(0, frame.pinned() ? 0 : lo);
        return fine.hi() - fine.lo() > WIDE * (hi - lo);
    }

    private boolean edgeLoaded(ComovingGrid g) {
        int k = band(g.n);
        boolean lowIsWall = wall && g.lo() == 0;
        return g.highBand(k) > EDGE || !lowIsWall && g.lowBand(k) > EDGE;
    }
}
