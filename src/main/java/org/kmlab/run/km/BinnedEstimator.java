package org.kmlab.run.km;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conditional moments by bins (Friedrich &amp; Peinke 1997; Siegert et al. 1998): the populated
 * range is cut into bins of whole cells, and in each bin M_k = ΣΔ^k/Στ over the increments that
 * started there, at the bins' mean starting point x̄. The standard error is the sample standard
 * deviation of Δ^k over √n (divided by the mean span): increments of one lag do not overlap, so
 * given their starting points they are independent for a Markov process. A bin wide enough for
 * M_k to change across it adds that change to the spread, so the error is then if anything too
 * large; the bias of a wide bin (M_k at x̄ versus the bin average) is not in it.
 */
public final class BinnedEstimator implements Estimator {
    public static final int DEFAULT_BINS = 30;
    private final int bins;

    public BinnedEstimator(int bins) {
        if (bins < 1 || bins > CellGrid.MAX_CELLS) throw new IllegalArgumentException("bins must be from 1 to " + CellGrid.MAX_CELLS + ", got " + bins);
        this.bins = bins;
    }

    public int bins() { return bins; }

    @Override public String describe(IncrementTable table) {
        return String.format(Locale.ROOT, "binned, %d bins", edges(table).size() - 1);
    }

    /** Bin edges as cell indices: bin b holds cells [e_b, e_{b+1}). */
    List<Integer> edges(IncrementTable table) {
        int[] range = Estimator.populated(table);
        List<Integer> e = new ArrayList<>();
        if (range == null) return e;
        int width = range[1] - range[0] + 1, n = Math.min(bins, width);
        for (int b = 0; b <= n; b++) e.add(range[0] + (int) Math.round((double) b * width / n));
        return e;
    }

    @Override public List<MomentEstimates> estimate(IncrementTable table) {
        List<Integer> edges = edges(table);
        int nb = Math.max(0, edges.size() - 1);
        List<MomentEstimates> out = new ArrayList<>();
        int maxPower = IncrementSums.MAX_POWER;
        IncrementStatistics stats = new IncrementStatistics();
        double[] s = new double[maxPower + 1];
        for (int lag = 0; lag < table.lags(); lag++) {
            double[] samples = new double[nb], x = new double[nb];
            double[][] m = MomentEstimates.blank(nb), se = MomentEstimates.blank(nb), k = MomentEstimates.blank(nb), kse = MomentEstimates.blank(nb);
            for (int b = 0; b < nb; b++) {
                java.util.Arrays.fill(s, 0);
                double n = 0, span = 0, sx = 0;
                for (int c = edges.get(b); c < edges.get(b + 1); c++) {
                    n += table.count(lag, c);
                    sx += table.sumX(lag, c);
                    span += table.sumTau(lag, c);
                    for (int p = 1; p <= maxPower; p++) s[p] += table.sumPower(lag, c, p);
                }
                samples[b] = n;
                // each lag at its own mean starting point: lags take different starts (j ≡ 0 mod ℓ)
                x[b] = n > 0 ? sx / n : table.grid().centre((edges.get(b) + edges.get(b + 1) - 1) / 2);
                if (n < MIN_SAMPLES) continue;
                stats.compute(n, n * n / (n - 1), span, s);   // n²/(n − 1): the unbiased sample variance
                MomentEstimates.store(stats, b, m, se, k, kse);
            }
            out.add(new MomentEstimates(table.tau(lag), x, samples, m, se, k, kse));
        }
        return out;
    }
}
