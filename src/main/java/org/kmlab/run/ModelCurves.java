package org.kmlab.run;

import org.kmlab.model.KramersMoyal;
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
     * The deterministic path: the rate equation dx/dt = A(x) from the initial state, by classical
     * fourth-order Runge–Kutta with {@code steps} equal steps to tEnd. Returns {@code path[i][s]}
     * at t = tEnd·i/steps, species s in x units.
     */
    public static double[][] deterministicPath(Model model, double tEnd, int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        KramersMoyal km = new KramersMoyal(model);
        int d = model.speciesCount();
        double h = tEnd / steps;
        double[][] path = new double[steps + 1][];
        double[] x = model.initialX();
        double[] k1 = new double[d], k2 = new double[d], k3 = new double[d], k4 = new double[d], y = new double[d];
        path[0] = x.clone();
        for (int i = 1; i <= steps; i++) {
            km.drift(x, k1);
            for (int s = 0; s < d; s++) y[s] = x[s] + 0.5 * h * k1[s];
            km.drift(y, k2);
            for (int s = 0; s < d; s++) y[s] = x[s] + 0.5 * h * k2[s];
            km.drift(y, k3);
            for (int s = 0; s < d; s++) y[s] = x[s] + h * k3[s];
            km.drift(y, k4);
            for (int s = 0; s < d; s++) x[s] += h / 6 * (k1[s] + 2 * k2[s] + 2 * k3[s] + k4[s]);
            path[i] = x.clone();
        }
        return path;
    }
}
