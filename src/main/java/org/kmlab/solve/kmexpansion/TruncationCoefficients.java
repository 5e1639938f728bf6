package org.kmlab.solve.kmexpansion;

import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.solve.SolverException;

/**
 * The Kramers–Moyal coefficients {@code D_n(x) = M_n(x)/n!}, n = 1..order, at given points, in
 * x = n/Ω units (M_n from {@link KramersMoyal}, per unit time). A count is evaluated at
 * max(x, 0): the cell of n = 0 reaches to −1/(2Ω), where a formula of counts may not be defined.
 */
final class TruncationCoefficients {
    private TruncationCoefficients() {}

    /** {@code d[n][i]} = D_n at {@code x[i]} for n = 1..order ({@code d[0]} unused). */
    static double[][] at(Model model, int order, double[] x) {
        KramersMoyal km = new KramersMoyal(model);
        boolean count = !model.species().get(0).signed();
        double[][] d = new double[order + 1][x.length];
        double factorial = 1;
        for (int n = 1; n <= order; n++) {
            factorial *= n;
            for (int i = 0; i < x.length; i++) {
                double at = count ? Math.max(0, x[i]) : x[i];
                double m = km.moment(n, at);
                if (!Double.isFinite(m)) {
                    throw new SolverException("M" + n + "(x) is not finite at " + model.species().get(0).name() + " = " + at * model.size());
                }
                d[n][i] = m / factorial;
            }
        }
        return d;
    }
}
