package org.kmlab.run;

import org.kmlab.model.KramersMoyal;
import org.kmlab.model.LatticeWalls;
import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;

/**
 * Curves the window draws beside the solvers, derived from the model alone: Kramers–Moyal
 * coefficients over an x range and the deterministic (macroscopic) path dx/dt = A(x). All in
 * x = n/Ω units.
 */
public final class ModelCurves {
    private ModelCurves() {}

    /**
     * Kramers–Moyal coefficients D_k(x) = M_k(x)/k! for k = 1..maxOrder at {@code points} x values
     * from xMin to xMax, along species {@code axis} with the other species held at {@code at}
     * (ignored in 1-D). Row 0 is x; row k is D_k. Note D_1 = A and D_2 = B/2 (the seed's form uses
     * A and B: callers wanting B multiply row 2 by 2).
     */
    /**
     * {@link #kramersMoyal(Model, int, double[], double, double, int, int)} over the part of
     * [xMin, xMax] between the lattice walls of a one-species model ({@link LatticeWalls}), read
     * {@link LatticeWalls#INSIDE} inside them as the Fokker–Planck equation reads them: past them
     * no walker goes, and at them the rates' cut-off (such as {@code step(Omega - X)}) would show
     * as a drift nothing feels.
     */
    public static double[][] kramersMoyal(Model model, LatticeWalls walls, int axis, double[] at, double xMin, double xMax, int points, int maxOrder) {
        boolean countFloor = walls.lo() == 0 && !model.species().get(axis).signed();   // a count's 0 is no cut-off: A(0), B(0) are the rates there
        double lo = walls.hasLow() ? Math.max(xMin, (walls.lo() + (countFloor ? 0 : LatticeWalls.INSIDE)) / model.size()) : xMin;
        double hi = walls.hasHigh() ? Math.min(xMax, (walls.hi() - LatticeWalls.INSIDE) / model.size()) : xMax;
        return hi > lo ? kramersMoyal(model, axis, at, lo, hi, points, maxOrder) : kramersMoyal(model, axis, at, xMin, xMax, points, maxOrder);
    }

    public static double[][] kramersMoyal(Model model, int axis, double[] at, double xMin, double xMax, int points, int maxOrder) {
        if (points < 2) throw new IllegalArgumentException("points must be ≥ 2, got " + points);
        KramersMoyal km = new KramersMoyal(model);
        int dim = model.speciesCount();
        double[][] out = new double[maxOrder + 1][points];
        double[] x = new double[dim];
        for (int s = 0; s < dim; s++) x[s] = at != null && s < at.length ? at[s] : 0;
        int[] orders = new int[dim];
        for (int i = 0; i < points; i++) {
            double xi = xMin + (xMax - xMin) * i / (points - 1);
            out[0][i] = xi;
            x[axis] = xi;
            double factorial = 1;
            for (int k = 1; k <= maxOrder; k++) {
                factorial *= k;
                orders[axis] = k;
                out[k][i] = km.moment(orders, x) / factorial;
            }
            orders[axis] = 0;
        }
        return out;
    }

    /**
     * The deterministic path: the rate equation dx/dt = A(x) from the initial state (the mean of
     * the linear noise approximation, {@link LinearNoisePath}). Returns {@code path[i][s]} at
     * t = tEnd·i/steps, species s in x units; NaN from where the path blows up (e.g. X + X → 3X).
     */
    public static double[][] deterministicPath(Model model, double tEnd, int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        int d = model.speciesCount();
        double reach = tEnd;
        LinearNoisePath lna;
        try {
            lna = LinearNoisePath.of(model, model.initialX(), new double[d][d], tEnd, 1e-10, () -> {});
        } catch (LinearNoisePath.Diverges e) {
            reach = 0.99 * e.time();
            lna = LinearNoisePath.of(model, model.initialX(), new double[d][d], reach, 1e-10, () -> {});
        }
        double[][] path = new double[steps + 1][];
        for (int i = 0; i <= steps; i++) {
            double t = i == steps ? tEnd : tEnd * i / steps;
            if (t <= reach) {
                path[i] = lna.mean(t);
            } else {
                path[i] = new double[d];
                java.util.Arrays.fill(path[i], Double.NaN);
            }
        }
        return path;
    }
}
