package org.kmlab.solve.fp;

import org.kmlab.model.ContinuumWalls;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.SolverException;

import java.util.function.DoubleConsumer;

/**
 * Advances two Fokker–Planck solutions in the same moving box: a coarse one on n cells and a
 * check one on 2n cells that takes two half steps for each coarse step. The coarse solution's
 * TR-BDF2 error estimate chooses the step (local L1 error ≤ the tolerance, with the cube-root
 * rule of a second-order method; Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, II.4), so
 * steps are short where the cloud still changes shape (from the one-cell bump, at a wall) and
 * long where it only moves with the box: a run to t = 10⁶ takes a few hundred steps. Outputs
 * are hit exactly, and so are the times where an end of the box meets or leaves its wall.
 *
 * <p>Positivity: a step whose TR-BDF2 result undershoots only in the far tails is repaired there
 * ({@link ComovingGrid#repair()}); one that goes negative elsewhere is replaced by backward Euler
 * (positive by construction) when the two differ by less than the tolerance, else retried four
 * times shorter, and after {@value #NEGATIVE_RETRIES} retries backward Euler is taken anyway. The
 * difference of the two solutions is the error estimate ({@link #errorEstimate}); the check
 * solution, about four times more accurate (second order in Δx and in Δt), is the one reported.
 *
 * <p>Before each step the {@link FramePlanner} is asked whether the box still fits the cloud; if
 * not, a new plan is made from the check solution's moments and both solutions are carried onto
 * its box by {@link ConservativeRemap} (rare: otherwise the box moves with its plan and needs
 * no remap). Allocates nothing per step.
 */
final class TwoGridIntegrator {
    private static final int NEGATIVE_RETRIES = 12;
    private static final double MAX_GROWTH = 4, MIN_SHRINK = 0.2, SAFETY = 0.9, RETRY = 0.25;
    private static final long MAX_ATTEMPTS = 10_000_000L;

    private final ComovingGrid coarse, fine;
    private final FramePlanner planner;
    private final ConservativeRemap remap;
    private final double tolerance;
    // boxes {lo, hi, dlo/dt, dhi/dt} at the stage times of a coarse step and of its two fine half steps
    private final double[] start = new double[4], end = new double[4], coarseMid = new double[4], half = new double[4],
            fineMid1 = new double[4], fineMid2 = new double[4];
    private MovingFrame frame;
    private double t, proposal, movedMass, eulerGaps;
    private double survivalIntegral;     // ∫₀ᵗ S dt of the check solution, S = 1 − absorbed (Simpson over each step's halves)
    private double gaps;                 // Euler gaps and tail repairs of the step being tried (kept if it is accepted)
    private long steps, rejected, eulerSteps, plans, repairs, attemptRepairs;

    TwoGridIntegrator(Model model, int cells, double tEnd, double tolerance, CancellationToken cancel) {
        ContinuumWalls walls = ContinuumWalls.of(model);
        KramersMoyal1D km = new KramersMoyal1D(model).readBetween(walls.lowestCount(), walls.highestCount());
        boolean absorbing = km.absorbingWall();
        this.coarse = new ComovingGrid(km, cells, absorbing, true);
        this.fine = new ComovingGrid(km, 2 * cells, absorbing, false);
        this.planner = new FramePlanner(model, walls, tEnd, cancel);
        this.remap = new ConservativeRemap(2 * cells);
        this.tolerance = tolerance;
        start(model, km, tEnd);
    }

    /** The initial bump on the first plan's box, and a first step from the bump's own time scale. */
    private void start(Model model, KramersMoyal1D km, double tEnd) {
        double x0 = model.initialX()[0], h = 1 / model.size();
        double a = x0 - 0.5 * h, b = x0 + 0.5 * h;
        a = Math.max(planner.wallLo(), a);
        b = Math.min(planner.wallHi(), b);
        double mean = 0.5 * (a + b), variance = (b - a) * (b - a) / 12;
        frame = planner.plan(0, mean, variance, a, b, a <= planner.wallLo(), b >= planner.wallHi());
        plans = 1;
        frame.at(0, start);
        double lo = start[0], hi = start[1];
        coarse.start(start, bump(a, b, lo, (hi - lo) / coarse.n, coarse.n));
        fine.start(start, bump(a, b, lo, (hi - lo) / fine.n, fine.n));
        double[] at = {mean}, drift = new double[1], diffusion = new double[1];
        km.evaluate(at, 1, drift, diffusion);
        double spread = variance + planner.floor() * planner.floor();
        proposal = diffusion[0] > 0 ? 0.01 * spread / diffusion[0] : 1e-6 * tEnd;
        if (!(proposal > 0) || proposal > tEnd) proposal = tEnd > 0 ? 1e-3 * tEnd : 1;
    }

    /**
     * The initial one-lattice-cell bump, uniform on [a, b], as exact cell masses (each cell's
     * overlap with [a, b] over b − a): the reported density is then the exact cell average of the
     * initial condition, and the check grid's cells add up to the coarse grid's.
     */
    private static double[] bump(double a, double b, double lo, double dx, int cells) {
        double[] m = new double[cells];
        int first = Math.max(0, (int) Math.floor((a - lo) / dx)), last = Math.min(cells - 1, (int) Math.floor((b - lo) / dx));
        double total = 0;
        for (int i = first; i <= last; i++) {
            m[i] = Math.max(0, Math.min(b, lo + (i + 1) * dx) - Math.max(a, lo + i * dx));
            total += m[i];
        }
        for (int i = first; i <= last; i++) m[i] /= total;
        return m;
    }

    /** Steps until {@code target}, which is hit exactly; {@code progress} gets the time now and then. */
    void advanceTo(double target, CancellationToken cancel, DoubleConsumer progress) {
        while (t < target) {
            cancel.check();
            if (planner.needsNewPlan(frame, coarse, fine)) replan();
            double remaining = target - t;
            double step = proposal;
            if (step * 1.1 >= remaining) step = remaining;
            else if (step * 2 > remaining) step = 0.5 * remaining;          // no sliver before the output
            double end = step == remaining ? target : Double.NaN;
            double kink = frame.wallCrossing(t, t + step);                  // an end of the box meets or leaves its wall
            if (kink > t && kink < t + step) {
                step = kink - t;
                end = kink;
            }
            take(step, end);
            if ((steps & 63) == 0) progress.accept(t);
        }
    }

    /** Takes one step of at most {@code step} (ending exactly at {@code target} unless NaN), shortened as needed. */
    private void take(double step, double target) {
        int negatives = 0;
        while (true) {
            if (steps + rejected > MAX_ATTEMPTS || !(step > 1e-15 * t)) {
                throw new SolverException("fp: the time step collapsed at t = " + t + " (step " + step + ")");
            }
            double tEnd = Double.isNaN(target) ? t + step : target;
            boolean forceEuler = negatives >= NEGATIVE_RETRIES;
            double middle = t + 0.5 * step;                                   // the wall's hold is decided here
            frame.at(t, middle, start);
            frame.at(tEnd, middle, end);
            frame.at(t + ComovingGrid.GAMMA * step, middle, coarseMid);
            gaps = 0;
            attemptRepairs = 0;
            int coarseEuler = trial(coarse, step, start, coarseMid, end, forceEuler, tolerance);
            if (coarseEuler < 0) {
                negatives++; rejected++; step *= RETRY; target = Double.NaN;
                continue;
            }
            double error = coarseEuler > 0 ? 0 : coarse.error();
            if (error > tolerance) {
                rejected++; step *= Math.max(MIN_SHRINK, SAFETY * Math.cbrt(tolerance / error)); target = Double.NaN;
                continue;
            }
            frame.at(middle, middle, half);
            frame.at(t + 0.5 * ComovingGrid.GAMMA * step, middle, fineMid1);
            frame.at(middle + 0.5 * ComovingGrid.GAMMA * step, middle, fineMid2);
            fine.save();
            double s0 = 1 - fine.absorbed(), sHalf = s0;
            int fineEuler = trial(fine, 0.5 * step, start, fineMid1, half, forceEuler, 0.5 * tolerance);
            if (fineEuler >= 0) {
                fine.commit();
                sHalf = 1 - fine.absorbed();
                int second = trial(fine, 0.5 * step, half, fineMid2, end, forceEuler, 0.5 * tolerance);
                fineEuler = second < 0 ? second : fineEuler + second;
            }
            if (fineEuler < 0) {
                fine.restore();
                negatives++; rejected++; step *= RETRY; target = Double.NaN;
                continue;
            }
            fine.commit();
            coarse.commit();
            survivalIntegral += (tEnd - t) / 6 * (s0 + 4 * sHalf + (1 - fine.absorbed()));
            eulerGaps += gaps;
            repairs += attemptRepairs;
            t = tEnd;
            steps++;
            eulerSteps += coarseEuler + fineEuler;
            double grow = coarseEuler > 0 ? 1 : Math.min(MAX_GROWTH, Math.max(MIN_SHRINK, SAFETY * Math.cbrt(tolerance / Math.max(error, 1e-300))));
            double next = step * grow;
            proposal = Double.isNaN(target) ? next : Math.max(proposal, next);
            return;
        }
    }

    /**
     * One trial step of {@code g}: TR-BDF2, or backward Euler when forced or when TR-BDF2 would go
     * negative and Euler is within {@code gapTolerance} of it (the gap is added to {@link #gaps}).
     * Returns 0 (TR-BDF2), 1 (Euler) or −1 (neither: retry shorter).
     */
    private int trial(ComovingGrid g, double tau, double[] begin, double[] mid, double[] end, boolean forceEuler, double gapTolerance) {
        if (g.trial(tau, begin, mid, end, forceEuler) == ComovingGrid.Outcome.DONE) {
            if (g.repair() > 0) {
                gaps += g.repair();
                attemptRepairs++;
            }
            return forceEuler ? 1 : 0;
        }
        double gap = g.eulerGap();
        if (!(gap <= gapTolerance)) return -1;
        gaps += gap;
        return 1;
    }

    private void replan() {
        frame = planner.plan(t, fine);
        frame.at(t, start);
        movedMass += coarse.moveTo(start, remap) + fine.moveTo(start, remap);
        plans++;
    }

    /**
     * Estimated L1 error of the check solution: Σ|coarse − check| over the coarse cells (pairs of
     * check cells summed), about three times the check solution's own error when both are in the
     * second-order regime; plus the changes made by every backward Euler step and tail repair taken
     * in place of TR-BDF2 (coarse and check need not differ by them), plus twice any probability a
     * remap had to move into a box's end cells.
     */
    double errorEstimate() {
        double sum = Math.abs(coarse.atom() - fine.atom());
        for (int i = 0; i < coarse.n; i++) sum += Math.abs(coarse.mass(i) - (fine.mass(2 * i) + fine.mass(2 * i + 1)));
        return sum + eulerGaps + 2 * movedMass;
    }

    ComovingGrid reported() { return fine; }
    /** ∫₀ᵗ S(t′) dt′ so far, S the probability not absorbed at x = 0: the mean first-passage time once S has decayed. */
    double survivalIntegral() { return survivalIntegral; }
    ComovingGrid coarse() { return coarse; }
    long steps() { return steps; }
    long rejectedSteps() { return rejected; }
    long eulerSteps() { return eulerSteps; }
    long plans() { return plans; }
    long tailRepairs() { return repairs; }
}
