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
        java.util.Arrays.fill(drift, 0);
        java.util.Arrays.fill(diffusion, 0);
        double w = omega * omega;
        for (int r = 0; r < directionOf.length; r++) {
            double a = propensities.propensity(r, env);
            if (!(a > 0)) continue;     // as KramersMoyal: continuous x may leave a formula's domain
            if (a == Double.POSITIVE_INFINITY) {
                throw new SolverException("fp: the propensity of '" + model.reactions().get(r).name() + "' is infinite at "
                        + model.species().get(0).name() + " = " + env[0] + ", " + model.species().get(1).name() + " = " + env[1]);
            }
            int d = directionOf[r], m = multiple[r];
            drift[d] += m * a / omega;
            diffusion[d] += m * m * a / w;
        }
    }
}
