package org.kmlab.run.km;

import java.util.Arrays;
import java.util.Locale;

/**
 * The increments of one value column of a {@link TimeSeries} over ℓ·Δt (ℓ = 1..{@value IncrementSums#LAGS}),
 * filed by starting point as {@link EnsembleIncrements} files an ensemble's. For each lag the
 * series is walked from its start: from sample i, the sample j whose time is nearest to
 * t_i + ℓΔt ends the increment, and the next one starts at j, so increments of one lag never
 * overlap. A pair is used only if its span is within half a sampling step of ℓΔt; its own span is
 * kept (Στ), so irregular sampling is handled by dividing by the time actually spanned.
 *
 * <p>On a regular series Δt is rounded to a whole number of sampling steps (at least one), since
 * only those spans exist; {@link #effectiveDt} says what was used.
 */
public final class SeriesIncrements {
    private SeriesIncrements() {}

    /**
     * @param column the value column (0-based)
     * @param dt     Δt, or NaN for the series' own (median) sampling step
     */
    public static IncrementTable of(TimeSeries series, int column, double dt) {
        double[] t = series.timesView(), x = series.columnView(column);
        double step = series.medianStep();
        double use = effectiveDt(series, dt);
        CellGrid grid = gridFor(x);
        IncrementSums sums = new IncrementSums(grid);
        double tolerance = 0.5 * step;
        int n = t.length;
        for (int lag = 0; lag < IncrementSums.LAGS; lag++) {
            double tau = (lag + 1) * use;
            int j = 0;   // the last index with t_j − t_i ≤ τ, moving forward only
            for (int i = 0; i < n - 1; ) {
                if (j < i) j = i;
                while (j + 1 < n && t[j + 1] - t[i] <= tau) j++;
                int end = j;
                if (j + 1 < n && (j == i || (t[j + 1] - t[i]) - tau < tau - (t[j] - t[i]))) end = j + 1;
                double span = t[end] - t[i];
                if (end > i && Math.abs(span - tau) <= tolerance) {
                    sums.add(lag, x[i], span, x[end] - x[i]);
                    i = end;
                } else {
                    i++;   // a gap in the sampling: no partner for this start
                }
            }
        }
        String what = String.format(Locale.ROOT, "%s, column %s: %,d samples%s", series.name(), series.columns().get(column), n,
                series.isRegular() ? String.format(Locale.ROOT, " every %.4g", step) : String.format(Locale.ROOT, ", irregular (median step %.4g)", step));
        return sums.snapshot(use, what);
    }

    /** The Δt used for {@code dt}: on a regular series a whole number (≥ 1) of sampling steps; NaN means one step. */
    public static double effectiveDt(TimeSeries series, double dt) {
        double step = series.medianStep();
        if (Double.isNaN(dt)) return step;
        if (!(dt > 0) || Double.isInfinite(dt)) throw new IllegalArgumentException("Δt must be a number > 0, got " + dt);
        double span = series.time(series.size() - 1) - series.time(0);
        if (dt * IncrementSums.LAGS > span) {
            throw new SeriesException(String.format(Locale.ROOT, "%s: Δt = %.4g is too long for a series %.4g long (%d·Δt must fit)", series.name(), dt, span, IncrementSums.LAGS));
        }
        if (series.isRegular()) return Math.max(1, Math.round(dt / step)) * step;
        return Math.max(dt, step);
    }

    /**
     * Cells over the values' range; for values on a lattice (few distinct values, all a whole
     * number of the smallest gap apart, like counts) cells that keep the lattice points whole.
     */
    static CellGrid gridFor(double[] x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : x) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double gap = latticeGap(x, lo, hi);
        return gap > 0 ? CellGrid.lattice(lo, hi, gap) : CellGrid.continuous(lo, hi);
    }

    /** The lattice spacing if the values sit on one (integers, or n/Ω), else 0. */
    static double latticeGap(double[] x, double lo, double hi) {
        if (!(hi > lo)) return 0;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double gap = Double.POSITIVE_INFINITY;
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            double d = sorted[i] - sorted[i - 1];
            if (d > 0) { distinct++; gap = Math.min(gap, d); }
        }
        if (distinct > Math.max(16, sorted.length / 20)) return 0;   // mostly distinct values: continuous data
        for (int i = 0; i < sorted.length; i += Math.max(1, sorted.length / 1000)) {
            double m = (sorted[i] - lo) / gap;
            if (Math.abs(m - Math.rint(m)) > 1e-6 * Math.max(1, Math.abs(m))) return 0;
        }
        return gap;
    }
}
