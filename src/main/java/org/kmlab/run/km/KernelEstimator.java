package org.kmlab.run.km;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conditional moments by Nadaraya–Watson kernel regression (Nadaraya 1964; Watson 1964):
 * at each of {@value #POINTS} points across the populated range,
 * M_k(x) = Σ_i K((x − x_i)/h) Δ_i^k / Σ_i K((x − x_i)/h) τ_i, a locally weighted average in place of
 * a bin. Computed from the filed cells (each cell's increments at the cell's mean starting point),
 * which is exact for lattice data with one lattice point per cell and otherwise moves a starting
 * point by at most a cell, far below the bandwidth.
 *
 * <p>The standard error is that of a weighted mean: with the local variance
 * σ_k² = Ê[Δ^{2k}] − Ê[Δ^k]² (both kernel-weighted), Var M̂_k = σ_k² Σ w_i² / (Σ w_i τ_i)²; the
 * effective number of increments (Σw)²/Σw² must reach {@value Estimator#MIN_SAMPLES}. It measures
 * variance only: the smoothing bias, which grows with h, is not in it; that is the trade a
 * student sees by moving the bandwidth.
 *
 * <p>The default bandwidth is Silverman's rule of thumb (Silverman 1986, eq. 3.31),
 * h = 0.9·min(sd, IQR/1.34)·n^(−1/5) of the starting points, scaled for the kernel
 * ({@link Kernel#silvermanFactor}); the rule is made for densities and serves here as a starting
 * point. It is never below the data's resolution (the lattice spacing, or a cell), under which the
 * kernel would see single points. With n counting every increment of every trajectory, and those
 * of one trajectory being correlated in x, it errs on the narrow side.
 */
public final class KernelEstimator implements Estimator {
    /** Evaluation points across the populated range. */
    public static final int POINTS = 101;
    private final Kernel kernel;
    private final double bandwidth;

    /** @param bandwidth h in x units, or NaN for Silverman's rule */
    public KernelEstimator(Kernel kernel, double bandwidth) {
        if (!Double.isNaN(bandwidth) && !(bandwidth > 0 && bandwidth < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bandwidth must be a number > 0, got " + bandwidth);
        }
        this.kernel = kernel;
        this.bandwidth = bandwidth;
    }

    public Kernel kernel() { return kernel; }

    /** The bandwidth used on this table: the one given, or Silverman's. */
    public double bandwidth(IncrementTable table) { return Double.isNaN(bandwidth) ? silverman(table, kernel) : bandwidth; }

    @Override public String describe(IncrementTable table) {
        return String.format(Locale.ROOT, "%s kernel, h = %.3g%s", kernel.label(), bandwidth(table), Double.isNaN(bandwidth) ? " (Silverman)" : "");
    }

    /** Silverman's bandwidth for the starting points of lag 0, for this kernel, floored at the data's resolution. */
    public static double silverman(IncrementTable table, Kernel kernel) {
        CellGrid g = table.grid();
        int cells = g.cells();
        double n = table.total(0);
        if (!(n > 1)) return Math.max(g.resolution(), g.spacing());
        double mean = 0;
        for (int c = 0; c < cells; c++) mean += table.sumX(0, c);
        mean /= n;
        double var = 0;
        for (int c = 0; c < cells; c++) {
            double cnt = table.count(0, c);
            if (cnt == 0) continue;
            double d = table.sumX(0, c) / cnt - mean;
            var += cnt * d * d;
        }
        double sd = Math.sqrt(var / (n - 1));
        double iqr = quantile(table, 0.75, n) - quantile(table, 0.25, n);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        double h = 0.9 * spread * Math.pow(n, -0.2) * kernel.silvermanFactor;
        return Math.max(h, Math.max(g.resolution(), g.spacing()));
    }

    /** The q-quantile of the starting points, from the cells (a cell's points at its mean). */
    private static double quantile(IncrementTable table, double q, double n) {
        double want = q * n, run = 0;
        for (int c = 0; c < table.grid().cells(); c++) {
            double cnt = table.count(0, c);
            run += cnt;
            if (run >= want && cnt > 0) return table.sumX(0, c) / cnt;
        }
        return table.grid().hi();
    }

    private static int clampedCell(CellGrid g, double x) {
        double u = Math.floor((x - g.origin()) / g.spacing());
        return (int) Math.max(0, Math.min(g.cells() - 1, u));
    }

    @Override public List<MomentEstimates> estimate(IncrementTable table) {
        int[] range = Estimator.populated(table);
        List<MomentEstimates> out = new ArrayList<>();
        CellGrid g = table.grid();
        int points = range == null ? 0 : POINTS;
        double[] x = new double[points];
        if (range != null) {
            double lo = g.centre(range[0]), hi = g.centre(range[1]);
            for (int i = 0; i < points; i++) x[i] = lo + (hi - lo) * i / (points - 1);
        }
        double h = bandwidth(table);
        int maxPower = IncrementSums.MAX_POWER;
        double[] s = new double[maxPower + 1];
        IncrementStatistics stats = new IncrementStatistics();
        for (int lag = 0; lag < table.lags(); lag++) {
            double[] samples = new double[points];
            double[][] m = MomentEstimates.blank(points), se = MomentEstimates.blank(points), k = MomentEstimates.blank(points), kse = MomentEstimates.blank(points);
            for (int i = 0; i < points; i++) {
                java.util.Arrays.fill(s, 0);
                double wn = 0, w2n = 0, wt = 0;
                double reach = kernel.support * h + g.spacing();   // a cell's mean lies within the cell
                int from = clampedCell(g, x[i] - reach), to = clampedCell(g, x[i] + reach);
                for (int c = from; c <= to; c++) {
                    double n = table.count(lag, c);
                    if (n == 0) continue;
                    double w = kernel.weight((x[i] - table.sumX(lag, c) / n) / h);
                    if (w == 0) continue;
                    wn += w * n;
                    w2n += w * w * n;
                    wt += w * table.sumTau(lag, c);
                    for (int p = 1; p <= maxPower; p++) s[p] += w * table.sumPower(lag, c, p);
                }
                double effective = wn > 0 ? wn * wn / w2n : 0;
                samples[i] = effective;
                if (effective < MIN_SAMPLES) continue;
                stats.compute(wn, w2n, wt, s);
                MomentEstimates.store(stats, i, m, se, k, kse);
            }
            out.add(new MomentEstimates(table.tau(lag), x, samples, m, se, k, kse));
        }
        return out;
    }
}
