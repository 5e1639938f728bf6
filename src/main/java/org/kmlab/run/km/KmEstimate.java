package org.kmlab.run.km;

import java.util.List;

/**
 * One estimate of the Kramers–Moyal coefficients, everything the pane, the window's estimate view
 * and {@code kmlab km} show, immutable (made by {@link KmAnalysis}).
 *
 * @param settings    how it was made
 * @param source      what the increments came from, for people
 * @param dt          the Δt used (a series may round it to whole sampling steps)
 * @param estimator   the shown estimator, for people (e.g. "binned, 30 bins")
 * @param bandwidth   the kernel's bandwidth used, NaN for bins
 * @param lags        the shown estimator at Δt, 2Δt, 3Δt, 4Δt
 * @param zero        the same extrapolated to Δt → 0
 * @param binnedLags  binned estimates at each lag (Pawula's test and the drift slope use bins, whose errors are independent)
 * @param binnedZero  their extrapolation
 * @param driftSlope  {@code driftSlope[l] = {τ, slope, se}}: the weighted straight-line slope of M₁ over the bins at each lag, and at τ = 0 (last)
 * @param pawula      Pawula's test
 * @param outside     the share of increments whose starting point lay outside the estimation range (left out)
 * @param increments  increments at Δt behind the estimate
 * @param fp          the Fokker–Planck model built from the estimates against the data, or null
 * @param fpProblem   why there is none, or ""
 */
public record KmEstimate(KmSettings settings, String source, double dt, String estimator, double bandwidth,
                         List<MomentEstimates> lags, MomentEstimates zero, List<MomentEstimates> binnedLags, MomentEstimates binnedZero,
                         double[][] driftSlope, PawulaTest pawula, double outside, double increments, FpFromData fp, String fpProblem) {
    public KmEstimate {
        lags = List.copyOf(lags);
        binnedLags = List.copyOf(binnedLags);
        double[][] copy = new double[driftSlope.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = driftSlope[i].clone();
        driftSlope = copy;
        fpProblem = fpProblem == null ? "" : fpProblem;
    }

    @Override public double[][] driftSlope() {
        double[][] copy = new double[driftSlope.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = driftSlope[i].clone();
        return copy;
    }

    /** What the pane and km.csv show: the extrapolation when the correction is on, else the estimate at Δt. */
    public MomentEstimates shown() { return settings.correction() ? zero : lags.get(0); }

    /** The same estimate with the Fokker–Planck check (or the reason it could not be made). */
    public KmEstimate withFp(FpFromData check, String problem) {
        return new KmEstimate(settings, source, dt, estimator, bandwidth, lags, zero, binnedLags, binnedZero, driftSlope, pawula, outside, increments, check, problem);
    }

    /** "M_k" or "M_k (Δt → 0)": what the shown values are. */
    public String shownLabel() { return settings.correction() ? "extrapolated to Δt → 0" : String.format(java.util.Locale.ROOT, "at Δt = %.3g", dt); }
}
