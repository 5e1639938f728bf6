package org.kmlab.solve.ssa;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.kmlab.solve.Density1D;

import java.util.function.IntToDoubleFunction;

/**
 * Pearson's chi-square test of an SSA histogram (Ω = 1, bins of w ≥ 1 whole counts) against an
 * exact probability mass function on n = 0, 1, 2, …: a bin expects the pmf summed over its counts,
 * neighbouring bins (and the single counts below the histogram) are pooled until each cell expects
 * at least 5, the last cell takes the whole upper tail, and no parameter is fitted.
 */
final class LatticeChiSquare {
    final double statistic;
    final int degreesOfFreedom;

    private LatticeChiSquare(double statistic, int degreesOfFreedom) {
        this.statistic = statistic;
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /** @param pmf the exact P(n); {@code trajectories} is the ensemble size N */
    static LatticeChiSquare of(Density1D histogram, int trajectories, IntToDoubleFunction pmf) {
        int width = (int) Math.round(histogram.dx());
        if (width < 1 || histogram.dx() != width) throw new IllegalArgumentException("needs Ω = 1 and whole-count bins");
        int nMin = (int) Math.round(histogram.x0() - (width - 1) / 2.0);
        if (nMin < 0) throw new IllegalArgumentException("needs counts ≥ 0");
        // units: the counts 0 … nMin−1 one by one (observed 0), then the histogram's bins, then 10 empty bins
        int units = nMin + histogram.size() + 10;
        double[] expected = new double[units + 1];       // the last unit is the upper tail
        double[] observed = new double[units + 1];
        double below = 0;
        for (int u = 0, n = 0; u < units; u++) {
            int end = u < nMin ? n + 1 : n + width;
            for (; n < end; n++) {
                double p = pmf.applyAsDouble(n);
                expected[u] += trajectories * p;
                below += p;
            }
        }
        expected[units] = trajectories * Math.max(0, 1 - below);
        for (int i = 0; i < histogram.size(); i++) observed[nMin + i] = Math.rint(histogram.density(i) * width * trajectories);
        int top = units;

        double chi2 = 0, e = 0, o = 0, lastE = 0, lastO = 0;
        int cells = 0;
        for (int n = 0; n <= top; n++) {
            e += expected[n];
            o += observed[n];
            if (e >= 5) {
                if (cells > 0) chi2 += (lastO - lastE) * (lastO - lastE) / lastE;
                lastE = e; lastO = o; cells++;
                e = 0; o = 0;
            }
        }
        lastE += e;                                          // a short remainder joins the last cell
        lastO += o;
        chi2 += (lastO - lastE) * (lastO - lastE) / lastE;
        return new LatticeChiSquare(chi2, cells - 1);
    }

    /** The statistic's critical value at significance {@code alpha}. */
    double critical(double alpha) {
        return new ChiSquaredDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - alpha);
    }

    boolean passes(double alpha) { return statistic < critical(alpha); }

    @Override public String toString() {
        return "chi² = " + statistic + " over " + degreesOfFreedom + " d.o.f. (0.1% critical " + critical(0.001) + ")";
    }
}
