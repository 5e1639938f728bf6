package org.kmlab.run.sweep;

import java.util.Arrays;

/**
 * How the Kramers–Moyal coefficients at the fixed point scale with the swept parameter, from one
 * source (the model's analytic coefficients now; estimates from trajectories later): for each
 * order k, the size |M_k(x*)/k!| in x = n/Ω units per unit time at each value, its log–log slope,
 * and the slope theory expects (1 − k against Ω: M_k = Ω^(1−k)·Σ ν^k a(x)/Ω; NaN for another
 * parameter). In more than one species the size is the largest diagonal one, |M_(k e_s)|/k!.
 *
 * @param source   who measured: "analytic", or an estimator's id
 * @param label    for legends, e.g. "analytic"
 * @param orders   the orders k
 * @param sizes    {@code sizes[j][i]} for order {@code orders[j]} at value i; NaN where the source
 *                 has no number, or where the coefficient vanishes by cancellation (odd orders of
 *                 symmetric jumps at a fixed point: see {@code notes})
 * @param fits     the slope of each order
 * @param expected the slope theory expects for each order
 * @param notes    {@code notes[j]}: why order {@code orders[j]} has no slope, or ""
 */
public record CoefficientScaling(String source, String label, int[] orders, double[][] sizes, LogLogFit[] fits, double[] expected,
                                 String[] notes) {
    public CoefficientScaling {
        orders = orders.clone();
        sizes = deepCopy(sizes);
        fits = fits.clone();
        expected = expected.clone();
        notes = notes.clone();
    }

    @Override public int[] orders() { return orders.clone(); }
    @Override public double[][] sizes() { return deepCopy(sizes); }
    @Override public LogLogFit[] fits() { return fits.clone(); }
    @Override public double[] expected() { return expected.clone(); }
    @Override public String[] notes() { return notes.clone(); }

    /** Index of order k in {@link #orders()}, or −1. */
    public int indexOf(int k) {
        for (int j = 0; j < orders.length; j++) if (orders[j] == k) return j;
        return -1;
    }

    /** The sizes of order k over the values (a copy), or null. */
    public double[] sizesOf(int k) {
        int j = indexOf(k);
        return j < 0 ? null : sizes[j].clone();
    }

    /** The fit of order k, or {@link LogLogFit#NONE}. */
    public LogLogFit fitOf(int k) {
        int j = indexOf(k);
        return j < 0 ? LogLogFit.NONE : fits[j];
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
