package org.kmlab.solve.kmexpansion;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kramers–Moyal expansion of a one-species master equation cut after order k = 2, 3 or 4,
 * <pre>∂P/∂t = Σ_{n=1..k} (−∂ₓ)ⁿ [M_n(x) P] / n!</pre>
 * in x = n/Ω units with the model's own jump moments M_n ({@code model.KramersMoyal}), solved on
 * finite volumes ({@link TruncatedOperator}) with TR-BDF2 steps ({@link TruncationStepper}) on a
 * grid lined up with the master equation's lattice ({@link TruncationGrid}). Order 2 is the
 * Fokker–Planck equation; the full series is the master equation. Pawula's theorem (1967) says
 * nothing in between is a probability equation: orders 3 and 4 may go negative, and the order-4
 * equation is ill-posed ({@link GridStability}).
 *
 * <p>One solver per order, each with its own descriptor ({@code km2}, {@code km3}, {@code km4}):
 * a user picks the order as a solver ({@code --solvers cme,km2,km3,km4}, or the KM2/KM3/KM4 check
 * boxes of the window), so all three can be drawn and measured against the master equation at once.
 *
 * <p>Grid: on cells the user did not choose, orders 3 and 4 get at most {@value #MAX_CELLS_PER_STEP_ODD}
 * cells per lattice step (finer cells ring from cell to cell), and a density that zigzags from cell
 * to cell all the same (on cells the user chose) stops the run with a message saying so and what
 * grid to use, rather than being drawn. An order-4 truncation gets cells just wide enough to
 * be stable (info {@code widenedForStability} names it); on cells the user chose
 * ({@code gridCells}, the window's and CLI's FP cells) that are too fine, it fails with a
 * {@link SolverException} saying why instead of drawing noise; a run that blows up all the same
 * (variable coefficients, walls) stops with a message once ∫|P|dx passes {@value #BLOWN_UP}.
 *
 * <p>Result info: {@code order}, {@code cells}, {@code dx}, {@code range} [lo, hi],
 * {@code latticeStepsPerCell}, {@code widenedForStability} (a sentence, when the grid was widened),
 * {@code steps}, {@code eulerSteps} (order 2: steps redone by backward Euler to stay ≥ 0),
 * {@code negativeMass} (Σ max(0, −P)·dx at each output time), {@code maxNegativeMass},
 * {@code massError} (max |Σ P·dx − 1|) and {@code wallSeconds}.
 */
public final class KramersMoyalTruncation implements Solver {
    /** At least this many time steps over [0, tEnd]. */
    static final int MIN_STEPS = 1000;
    /** ∫|P|dx beyond which a run has blown up (a density has 1; negative lobes of a stable truncation stay far below). */
    static final double BLOWN_UP = 20;

    private static final String[] ORDINALS = {"", "", "second", "third", "fourth"};

    private final int order;
    private final SolverDescriptor descriptor;

    /** @param order 2, 3 or 4 */
    public KramersMoyalTruncation(int order) {
        if (order < 2 || order > 4) throw new IllegalArgumentException("order must be 2, 3 or 4, got " + order);
        this.order = order;
        this.descriptor = descriptorOf(order);
    }

    private static SolverDescriptor descriptorOf(int order) {
        String what = switch (order) {
            case 2 -> "the Kramers–Moyal expansion cut after M₂: the Fokker–Planck equation on the lattice-aligned grid of the truncations";
            case 3 -> "the Kramers–Moyal expansion cut after M₃ (adds −∂³(M₃P)/3!): closer in skew, but P may go negative (Pawula); "
                    + "the negative part is drawn in its own colour";
            default -> "the Kramers–Moyal expansion cut after M₄ (adds +∂⁴(M₄P)/4!, which is anti-diffusive): P goes negative, and it is "
                    + "stable only on cells about as wide as the jumps";
        };
        return new SolverDescriptor("km" + order, "KM expansion to order " + order, "KM" + order, SolverDescriptor.Output.DENSITY,
                0, 3 + order, what);
    }

    @Override public SolverDescriptor descriptor() { return descriptor; }

    public int order() { return order; }

    @Override public String unsupportedReason(Model model) {
        if (model.hasEvents()) return org.kmlab.solve.Solver.eventsReason(model);
        int d = model.speciesCount();
        return d == 1 ? null : "handles one species; this model has " + d;
    }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        Model model = problem.model();
        String reason = unsupportedReason(model);
        if (reason != null) throw new SolverException(id() + ": " + reason);
        double h = 1 / model.size();
        double[] box = TruncationGrid.box(model, problem.tEnd());
        int requested = problem.options().gridCells();
        TruncationGrid grid = TruncationGrid.plan(model, box, requested, order >= 3 ? MAX_CELLS_PER_STEP_ODD : TruncationGrid.MAX_CELLS_PER_STEP);
        double[][] d = TruncationCoefficients.at(model, order, centres(grid));
        if (order == 4) {
            double width = GridStability.stableWidth(d[2], d[4]);
            if (!Double.isFinite(width)) throw new SolverException(id() + ": M₄ > 0 where M₂ = 0: the order-4 truncation cannot be stable on any grid");
            double[] growth = GridStability.fastestGrowth(d[2], d[4], grid.dx());
            if (requested > 0 && growth[0] * problem.tEnd() > 1e-3) {
                int maxCells = (int) Math.floor((box[1] - box[0]) / (TruncationGrid.WIDENING_MARGIN * width));
                throw new SolverException(GridStability.unstableMessage(id(), requested, growth[0], grid.centre((int) growth[1]), model.size(), grid.dx(), width, maxCells));
            }
            if (requested <= 0 && grid.dx() < width) {
                grid = grid.atLeast(width, h);
                d = TruncationCoefficients.at(model, order, centres(grid));
            }
        }
        TruncationStepper stepper = new TruncationStepper(grid, TruncatedOperator.band(d, order, grid.dx()), initial(model, grid), order == 2);

        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        double[] negative = new double[problem.sampleCount()];
        double t = 0, massError = 0, tEnd = problem.tEnd(), maxStep = tEnd / MIN_STEPS;
        long steps = 0;
        for (int k = 0; k < problem.sampleCount(); k++) {
            double target = problem.time(k);
            int substeps = (int) Math.ceil((target - t) / maxStep - 1e-9);
            if (substeps > 0) stepper.setTimeStep((target - t) / substeps);
            for (int s = 0; s < substeps; s++) {
                cancel.check();
                stepper.step();
                steps++;
                if ((steps & 31) == 0) {
                    double now = t + (s + 1) * (target - t) / substeps;
                    checkBounded(stepper, now, grid, model);
                    listener.onProgress(now / tEnd);
                }
            }
            t = target;
            checkBounded(stepper, t, grid, model);
            Snapshot snap = stepper.snapshot(t);
            if (order >= 3) checkResolved(snap.marginal(0), t, grid, model);
            negative[k] = stepper.negativeMass();
            massError = Math.max(massError, Math.abs(snap.mass() - 1));
            snapshots.add(snap);
            listener.onSnapshot(k, snap);
            listener.onProgress(tEnd > 0 ? t / tEnd : 1);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("order", order);
        info.put("cells", grid.cells());
        info.put("dx", grid.dx());
        info.put("range", new double[] {grid.lo(), grid.hi()});
        info.put("latticeStepsPerCell", grid.latticeStepsPerCell());
        if (grid.widened()) {
            info.put("widenedForStability", String.format(Locale.ROOT,
                    "cells widened to %.3g lattice steps: on finer cells the anti-diffusive fourth-order term makes the truncation blow up",
                    grid.latticeStepsPerCell()));
        }
        info.put("steps", steps);
        if (order == 2) info.put("eulerSteps", stepper.eulerSteps());
        info.put("negativeMass", negative);
        double worst = 0;
        for (double v : negative) worst = Math.max(worst, v);
        info.put("maxNegativeMass", worst);
        info.put("massError", massError);
        info.put("wallSeconds", (System.nanoTime() - start) * 1e-9);
        return new SolverResult(descriptor, snapshots, info);
    }

    private static double[] centres(TruncationGrid grid) {
        double[] x = new double[grid.cells()];
        for (int i = 0; i < x.length; i++) x[i] = grid.centre(i);
        return x;
    }

    /** The initial count as one lattice cell of probability, [x₀ − h/2, x₀ + h/2], by exact overlap with the cells. */
    static double[] initial(Model model, TruncationGrid grid) {
        double h = 1 / model.size(), x0 = model.initialX()[0];
        double a = Math.max(grid.lo(), x0 - h / 2), b = Math.min(grid.hi(), x0 + h / 2);
        if (!(b > a)) throw new SolverException("the initial state lies outside the grid");
        double[] p = new double[grid.cells()];
        int first = (int) Math.floor((a - grid.lo()) / grid.dx()), last = Math.min(grid.cells() - 1, (int) Math.floor((b - grid.lo()) / grid.dx()));
        for (int i = Math.max(0, first); i <= last; i++) {
            double lo = grid.lo() + i * grid.dx(), overlap = Math.min(b, lo + grid.dx()) - Math.max(a, lo);
            if (overlap > 0) p[i] = overlap / ((b - a) * grid.dx());
        }
        return p;
    }

    private void checkBounded(TruncationStepper stepper, double t, TruncationGrid grid, Model model) {
        double total = stepper.absoluteMass();
        if (total <= BLOWN_UP) return;
        throw new SolverException(String.format(Locale.ROOT,
                "%s: the order-%d truncation blew up at t = %.3g (∫|P|dx reached %.3g) on cells %.2f lattice steps wide: it is unstable on this grid; "
                        + "Pawula: no truncation beyond order 2 is a probability equation",
                id(), order, t, total, grid.latticeStepsPerCell()));
    }

    /**
     * The most cells per lattice step on a grid the solver chooses for orders 3 and 4: on finer
     * cells the dispersive third-order term makes the density ring from cell to cell, at first
     * everywhere (pair births, Ω = 2: for t ≲ 1 on 16 cells per step) and at Ω = 1 for good; on 2
     * per step it does not, and the distance to the master equation is the same to a few per cent.
     */
    static final int MAX_CELLS_PER_STEP_ODD = 2;

    /** Consecutive cells whose density goes up, down, up… before the zigzag counts as noise. */
    static final int ZIGZAG_CELLS = 8;
    /** The least jump between neighbours, relative to the highest density, that counts in a zigzag. */
    static final double ZIGZAG_SIZE = 0.02;

    /**
     * Refuses a density that zigzags from cell to cell: a structure one cell wide is not resolved
     * by the grid, so it is the scheme's noise, not the truncated equation's solution (the order-3
     * term is purely dispersive and on cells much finer than a lattice step it can outweigh the
     * diffusion's damping of the shortest waves). Saying so beats drawing it.
     */
    private void checkResolved(Density1D d, double t, TruncationGrid grid, Model model) {
        if (d == null) return;
        double top = 0;
        for (int i = 0; i < d.size(); i++) top = Math.max(top, Math.abs(d.density(i)));
        int run = 0, worst = 0, at = 0;
        for (int i = 1; i + 1 < d.size(); i++) {
            double a = d.density(i) - d.density(i - 1), b = d.density(i + 1) - d.density(i);
            boolean zig = a * b < 0 && Math.min(Math.abs(a), Math.abs(b)) > ZIGZAG_SIZE * top;
            run = zig ? run + 1 : 0;
            if (run > worst) { worst = run; at = i; }
        }
        if (worst < ZIGZAG_CELLS) return;
        int suggested = (int) Math.max(8, Math.round(grid.cells() * grid.latticeStepsPerCell()));   // about one cell per lattice step
        throw new SolverException(String.format(Locale.ROOT,
                "%s: the order-%d truncation zigzags from cell to cell near x = %.3g at t = %.3g on this grid (%d cells, %.2f lattice steps wide): "
                        + "that is the scheme's noise, not the truncation's solution, so it is not drawn; set FP cells (--fp-cells) to about %d "
                        + "(one cell per lattice step)",
                id(), order, d.x(at), t, grid.cells(), grid.latticeStepsPerCell(), suggested));
    }

    @Override public String toString() { return "KramersMoyalTruncation[" + ORDINALS[order] + " order]"; }
}
