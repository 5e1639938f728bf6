package org.kmlab.chart;

import org.kmlab.solve.Density1D;

/** Small array helpers shared by the chart builders. */
final class Series {
    private Series() {}

    static double[] xs(Density1D d) {
        double[] x = new double[d.size()];
        for (int i = 0; i < x.length; i++) x[i] = d.x(i);
        return x;
    }

    /** The part of d where the density exceeds {@code fraction} of its maximum, as {lo, hi}; null if d is all zero. */
    static double[] support(Density1D d, double fraction) {
        double max = 0;
        for (int i = 0; i < d.size(); i++) max = Math.max(max, d.density(i));
        if (!(max > 0)) return null;
        int a = -1, b = -1;
        for (int i = 0; i < d.size(); i++) {
            if (d.density(i) > fraction * max) { if (a < 0) a = i; b = i; }
        }
        return new double[] {d.x(a) - d.dx(), d.x(b) + d.dx()};
    }
}
