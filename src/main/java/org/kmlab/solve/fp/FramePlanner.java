package org.kmlab.solve.fp;

import org.kmlab.model.DriftJacobian;
import org.kmlab.model.ContinuumWalls;
import org.kmlab.model.KramersMoyal;
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
 * probability piled at a wall stay inside. The walls ({@link ContinuumWalls}) are x = 0 for a count and the
 * ends of the lattice cells of a one-step process that cannot step past them (a walker in a box),
 * where the Fokker–Planck equation reflects; a box never reaches past them. A new plan is
 * needed when
 * <ul>
 *   <li>more than {@value #EDGE} of the probability reaches the outer band of cells at a box
 *       end that is not a wall (the cloud outruns the plan);</li>
 *   <li>a box end pinned to a wall no longer has probability there (it can follow the cloud);</li>
 *   <li>the box has become more than {@value #WIDE} times as wide as a fresh plan would be (cells
 *       are being wasted away from the cloud).</li>
 * </ul>
 * The linear noise approximation reads the model's own A and B, cut-offs included: near a wall
 * written as {@code step(Omega - X)} its path can fail or crawl (a drift of −D/(2h) just beyond).
 * Between two walls it gets {@value #CLOSED_BOX_EVALUATIONS} right-hand sides; past that the plan
 * is the whole box between the walls, kept for the rest of the run.
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
    /** Between two walls a path that needs more right-hand sides than this is given up for the whole box (a smooth one needs hundreds). */
    private static final int CLOSED_BOX_EVALUATIONS = 100_000;

    private final Model model;
    private final KramersMoyal km;
    private final DriftJacobian jacobian;
    private final double[][] slopeAt = new double[1][1];
    private final ContinuumWalls walls;
    private final double floor, tEnd;
    private final CancellationToken cancel;
    private final double[] range = new double[2], rates = new double[2];
    private boolean wholeBox;             // a linear-noise path failed in a closed box: the box is the walls' from then on

    FramePlanner(Model model, ContinuumWalls walls, double tEnd, CancellationToken cancel) {
        this.model = model;
        this.km = new KramersMoyal(model);
        this.jacobian = new DriftJacobian(model);
        this.walls = walls;
        this.floor = 1 / (model.size() * Math.sqrt(12));        // sd of one lattice cell, h/√12
        this.tEnd = tEnd;
        this.cancel = cancel;
    }

    /** The wall below the cloud in x units (−∞ when there is none). */
    double wallLo() { return walls.lo(); }

    /** The wall above the cloud in x units (+∞ when there is none). */
    double wallHi() { return walls.hi(); }

    /** The sd floor, h/√12 in x units. */
    double floor() { return floor; }

    /** Cells in a box end's outer band. */
    static int band(int cells) { return Math.max(2, cells / 64); }

    /**
     * A plan from time t on, for a cloud with this mean and variance whose probability lies in
     * [supportLo, supportHi]; {@code atLowWall} when it has probability at the low wall now
     * ({@code atHighWall}: at the high one).
     */
    MovingFrame plan(double t, double mean, double variance, double supportLo, double supportHi, boolean atLowWall, boolean atHighWall) {
        LinearNoisePath path;
        try {
            path = LinearNoisePath.of(model, new double[] {mean}, new double[][] {{variance}}, Math.max(0, tEnd - t),
                    PATH_TOLERANCE, cancel::check, walls.closed() ? CLOSED_BOX_EVALUATIONS : LinearNoisePath.MAX_EVALUATIONS);
        } catch (LinearNoisePath.Diverges e) {
            if (!walls.closed()) throw new SolverException("fp: " + e.getMessage() + "; cannot place the moving grid");
            wholeBox = true;           // the walls hold the process: their box serves for the rest of the run
            return new MovingFrame(FramePath.constant(mean, variance), Math.max(0, tEnd - t), t, floor, -SDS, SDS, walls, true, true);
        }
        FramePath sampled = FramePath.sample(path, new MomentEquations(model, cancel::check), jacobian);
        return frame(sampled, path.duration(), t, mean, variance, supportLo, supportHi, atLowWall, atHighWall);
    }

    /** The box along {@code path} spanning ±{@value #SDS} sd, widened to the support plus {@value #MARGIN} sd. */
    private MovingFrame frame(FramePath path, double duration, double t, double mean, double variance, double supportLo, double supportHi,
                              boolean atLowWall, boolean atHighWall) {
        double s = Math.sqrt(variance + floor * floor);
        double zLow = -reach(mean - supportLo, s), zHigh = reach(supportHi - mean, s);
        return new MovingFrame(path, duration, t, floor, zLow, zHigh, walls, atLowWall, atHighWall);
    }

    /**
     * How far a box end reaches, in sd s, for probability reaching {@code distance} from the mean:
     * {@value #SDS} sd, or the support plus {@value #MARGIN} sd.
     */
    private static double reach(double distance, double s) {
        return Math.max(SDS, distance / s + MARGIN);
    }

    /**
     * Plans from the state of {@code g} at time t: along the linear-noise path, unless that path
     * misleads ({@link #linearNoiseMisleads}); then the box stays where the cloud is.
     */
    MovingFrame plan(double t, ComovingGrid g) {
        g.support(TAIL, range);
        double mean = g.mean(), variance = g.variance();
        g.momentRates(rates);
        if (!wholeBox && linearNoiseMisleads(mean, variance, range, rates)) {
            return frame(FramePath.constant(mean, variance), Math.max(0, tEnd - t), t, mean, variance, range[0], range[1], atLowWall(g), atHighWall(g));
        }
        return plan(t, mean, variance, range[0], range[1], atLowWall(g), atHighWall(g));
    }

    /**
     * Whether the linear noise approximation would move the box away from the cloud whose
     * probability lies in {@code support}: it moves the mean at A(m) and the variance at
     * 2A′(m)Σ + B(m), the cloud's own rates are ⟨A⟩ and 2⟨(x − m)A⟩ + ⟨B⟩ ({@code rates}). Over the
     * time 1/r in which the path relaxes, r = |A′(m)| + B(m)/Σ, a mean off by more than the cloud's
     * sd is more than the plan can follow; a variance off by a fraction f of Σ moves a box end
     * z sd out by about z·f/2 sd, so more than {@value #MARGIN}/z of Σ would pull the end past the
     * support plus half its margin. So it is for a cloud spread over two wells (the double well
     * after its first escapes: the path from the mean, between the wells, falls into one in 1/16
     * of a time unit or, from the barrier top, widens without end, while the cloud changes over
     * the escape time; the box chasing it took 5,938 steps, 3,991 of them refused as negative,
     * against 104 now), and for a few escapes into the far well (at b = 4, 13–20 sd out, the
     * path's sd relaxing from both wells' 0.20–0.27 to one well's 0.18 pulled the box end onto
     * them: 1,165 plans in 12 time units, now 10), and not for a narrow cloud, whose rates differ
     * from the path's by O(Σ) (and not at all for linear A).
     */
    private boolean linearNoiseMisleads(double mean, double variance, double[] support, double[] rates) {
        double sigma = variance + floor * floor, s = Math.sqrt(sigma);
        jacobian.at(new double[] {mean}, slopeAt);
        double aMean = km.drift(mean), slope = slopeAt[0][0], bMean = km.diffusion(mean);
        double r = Math.abs(slope) + bMean / sigma;
        if (!(r > 0)) return false;
        double z = Math.max(reach(mean - support[0], s), reach(support[1] - mean, s));
        return Math.abs(aMean - rates[0]) > s * r || Math.abs(2 * slope * variance + bMean - rates[1]) > sigma * r * MARGIN / z;
    }

    /** A grid whose first face is the low wall and which holds probability there. */
    boolean atLowWall(ComovingGrid g) {
        return lowIsWall(g) && g.lowBand(band(g.n)) > EDGE;
    }

    /** A grid whose last face is the high wall and which holds probability there. */
    boolean atHighWall(ComovingGrid g) {
        return highIsWall(g) && g.highBand(band(g.n)) > EDGE;
    }

    private boolean lowIsWall(ComovingGrid g) { return g.lo() == walls.lo(); }

    /** The last face is lo + n·Δx, which may differ from the wall it was set to by rounding. */
    private boolean highIsWall(ComovingGrid g) {
        return walls.hi() < Double.POSITIVE_INFINITY && walls.hi() - g.hi() <= 1e-9 * g.dx();
    }

    /** True when {@code frame} no longer fits the cloud held by the grids (see the class comment). */
    boolean needsNewPlan(MovingFrame frame, ComovingGrid coarse, ComovingGrid fine) {
        if (wholeBox) return false;
        if (edgeLoaded(coarse) || edgeLoaded(fine)) return true;
        if (frame.pinnedLo() && !atLowWall(fine) || frame.pinnedHi() && !atHighWall(fine)) return true;
        fine.support(TAIL, range);
        double mean = fine.mean(), s = Math.sqrt(fine.variance() + floor * floor);
        double lo = mean - s * reach(mean - range[0], s), hi = mean + s * reach(range[1] - mean, s);
        lo = frame.pinnedLo() ? walls.lo() : Math.max(walls.lo(), lo);
        hi = frame.pinnedHi() ? walls.hi() : Math.min(walls.hi(), hi);
        return fine.hi() - fine.lo() > WIDE * (hi - lo);
    }

    private boolean edgeLoaded(ComovingGrid g) {
        int k = band(g.n);
        return !highIsWall(g) && g.highBand(k) > EDGE || !lowIsWall(g) && g.lowBand(k) > EDGE;
    }
}
