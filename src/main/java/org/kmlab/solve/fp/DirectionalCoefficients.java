package org.kmlab.solve.fp;

import org.kmlab.model.Model;
import org.kmlab.model.Propensities;
import org.kmlab.solve.SolverException;

import java.util.ArrayList;
import java.util.List;

/**
 * The drift vector A = Σ ν a/Ω and diffusion matrix B = Σ ν νᵀ a/Ω² of a 2-species model (the
 * first two Kramers–Moyal moments, x = n/Ω units), split by jump direction. Every jump is
 * ν = m·v with v a primitive grid step (gcd 1, pointing up or right: (1,0), (0,1), (1,1), (−1,1),
 * (−2,1)…); the reaction puts drift m·a/Ω and diffusion m²·a/Ω² on the lines of cells along v
 * (line coordinate: one cell per h), which is exactly its share of A and of B = Σ ν νᵀ a/Ω², the
 * off-diagonal B_xy included. So the mixed derivative never appears as such: it is diffusion along
 * the lines of the jumps that cause it, and each line keeps its drift with its own noise.
 */
final class DirectionalCoefficients {
    private final Model model;
    private final Propensities propensities;
    private final double[] env;
    private final double omega;
    private final int[] directionOf, multiple;
    private final double[] driftScale, diffusionScale;      // m/Ω and m²/Ω² per reaction
    private final List<int[]> directions = new ArrayList<>();

    /** Drift and diffusion along each direction's line coordinate at the last point evaluated. */
    final double[] drift, diffusion;

    DirectionalCoefficients(Model model) {
        this.model = model;
        propensities = model.propensities();
        env = propensities.newEnvironment();
        omega = model.size();
        int r = propensities.size();
        directionOf = new int[r];
        multiple = new int[r];
        for (int k = 0; k < r; k++) {
            int n1 = propensities.jump(k, 0), n2 = propensities.jump(k, 1);
            int g = gcd(Math.abs(n1), Math.abs(n2));
            int di = n1 / g, dj = n2 / g, m = g;
            if (dj < 0 || (dj == 0 && di < 0)) { di = -di; dj = -dj; m = -m; }
            directionOf[k] = indexOf(di, dj);
            multiple[k] = m;
        }
        drift = new double[directions.size()];
        diffusion = new double[directions.size()];
        driftScale = new double[r];
        diffusionScale = new double[r];
        for (int k = 0; k < r; k++) {
            driftScale[k] = multiple[k] / omega;
            diffusionScale[k] = (double) multiple[k] * multiple[k] / (omega * omega);
        }
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    private int indexOf(int di, int dj) {
        for (int d = 0; d < directions.size(); d++) {
            if (directions.get(d)[0] == di && directions.get(d)[1] == dj) return d;
        }
        directions.add(new int[] {di, dj});
        return directions.size() - 1;
    }

    int directionCount() { return directions.size(); }

    /** The primitive step {di, dj} of direction d. */
    int[] direction(int d) { return directions.get(d).clone(); }

    /** Evaluates the split at the point (x, y). */
    void at(double x, double y) {
        env[0] = x * omega;
        env[1] = y * omega;
        for (int d = 0; d < drift.length; d++) {
            drift[d] = 0;
            diffusion[d] = 0;
        }
        for (int r = 0; r < directionOf.length; r++) {
            double a = rate(r);
            if (a == 0) continue;
            int d = directionOf[r];
            drift[d] += driftScale[r] * a;
            diffusion[d] += diffusionScale[r] * a;
        }
    }

    /** a_r at the counts in env: 0 outside a formula's domain (as KramersMoyal), an error where infinite. */
    private double rate(int r) {
        double a = propensities.propensity(r, env);
        if (!(a > 0)) return 0;
        if (a == Double.POSITIVE_INFINITY) {
            throw new SolverException("fp: the propensity of '" + model.reactions().get(r).name() + "' is infinite at "
                    + model.species().get(0).name() + " = " + env[0] + ", " + model.species().get(1).name() + " = " + env[1]);
        }
        return a;
    }

    private double[][] fx = new double[0][], gy = fx;   // a mass-action reaction's factors along x and y

    /**
     * The split at the centres {@code (x0 + (i + ½)h, y0 + (j + ½)h)} of an nx × ny grid, minus the
     * frame's share of each direction: {@code drift[d][j·nx + i]}, {@code diffusion[d][j·nx + i]}
     * for d &lt; {@code directions} (directions past the model's get only −share). A mass-action
     * propensity is a product of one factor per species, so it is evaluated on the two axes and
     * multiplied out (nx + ny evaluations instead of nx·ny); formulas are evaluated per cell.
     */
    void onGrid(double x0, double y0, double h, int nx, int ny, double[] shares, int directions, double[][] drift, double[][] diffusion) {
        if (fx.length < directionOf.length) {
            fx = new double[directionOf.length][0];
            gy = new double[directionOf.length][0];
        }
        for (int r = 0; r < directionOf.length; r++) {
            if (!propensities.isMassAction(r)) continue;
            // a(x, y) = a(x, Y)·a(X, y)/a(X, Y) with (X, Y) a state where every factor is positive
            if (fx[r].length < nx) fx[r] = new double[Math.max(nx, 2 * fx[r].length)];
            if (gy[r].length < ny) gy[r] = new double[Math.max(ny, 2 * gy[r].length)];
            env[0] = env[1] = 1e6;
            double reference = propensities.propensity(r, env);
            if (!(reference > 0)) {   // a rate constant of 0 (a slider at its end): the reaction moves nothing, not 0/0
                java.util.Arrays.fill(gy[r], 0, ny, 0);
                continue;
            }
            env[1] = 1e6;
            for (int i = 0; i < nx; i++) { env[0] = (x0 + (i + 0.5) * h) * omega; fx[r][i] = propensities.propensity(r, env); }
            env[0] = 1e6;
            for (int j = 0; j < ny; j++) { env[1] = (y0 + (j + 0.5) * h) * omega; gy[r][j] = propensities.propensity(r, env) / reference; }
        }
        for (int j = 0; j < ny; j++) {   // row by row: every reaction adds to the row while it is in cache
            int from = j * nx;
            for (int d = 0; d < directions; d++) {
                java.util.Arrays.fill(drift[d], from, from + nx, -shares[d]);
                java.util.Arrays.fill(diffusion[d], from, from + nx, 0);
            }
            for (int r = 0; r < directionOf.length; r++) {
                double[] dr = drift[directionOf[r]], df = diffusion[directionOf[r]];
                double ds = driftScale[r], bs = diffusionScale[r];
                if (propensities.isMassAction(r)) {
                    double g = gy[r][j];
                    if (g == 0) continue;
                    double[] f = fx[r];
                    for (int i = 0, c = from; i < nx; i++, c++) {
                        double a = f[i] * g;
                        dr[c] += ds * a;
                        df[c] += bs * a;
                    }
                } else {
                    env[1] = (y0 + (j + 0.5) * h) * omega;
                    for (int i = 0, c = from; i < nx; i++, c++) {
                        env[0] = (x0 + (i + 0.5) * h) * omega;
                        double a = rate(r);
                        dr[c] += ds * a;
                        df[c] += bs * a;
                    }
                }
            }
        }
    }
}
