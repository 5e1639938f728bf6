package org.kmlab.run.km;

import org.kmlab.model.Model;
import org.kmlab.solve.Density1D;

import java.util.List;

/**
 * Turns filed increments into a {@link KmEstimate}: the shown estimator at every lag and its Δt → 0
 * extrapolation, the binned estimates behind Pawula's test and the drift slope, and, on request,
 * the Fokker–Planck check. Pure functions of their inputs: the window calls them off the JavaFX
 * thread on partial tables, the command line once.
 */
public final class KmAnalysis {
    private KmAnalysis() {}

    public static KmEstimate estimate(IncrementTable table, KmSettings settings) {
        Estimator shown = settings.estimator();
        List<MomentEstimates> lags = shown.estimate(table);
        MomentEstimates zero = DtExtrapolation.toZero(lags);
        List<MomentEstimates> binned;
        MomentEstimates binnedZero;
        if (shown instanceof BinnedEstimator) {
            binned = lags;
            binnedZero = zero;
        } else {
            binned = new BinnedEstimator(settings.bins()).estimate(table);
            binnedZero = DtExtrapolation.toZero(binned);
        }
        double[][] slope = new double[binned.size() + 1][];
        for (int l = 0; l < binned.size(); l++) slope[l] = driftSlope(binned.get(l));
        slope[binned.size()] = driftSlope(binnedZero);
        double bandwidth = shown instanceof KernelEstimator k ? k.bandwidth(table) : Double.NaN;
        double filed = table.total(0), outside = table.outside(0);
        return new KmEstimate(settings, table.source(), table.dt(), shown.describe(table), bandwidth, lags, zero, binned, binnedZero,
                slope, PawulaTest.of(binned, binnedZero), filed + outside > 0 ? outside / (filed + outside) : 0, filed, null, "");
    }

    /** {τ, slope, se}: M₁ against x, a straight line weighted by the errors, over the points that have M₁. */
    static double[] driftSlope(MomentEstimates m) {
        double[] x = new double[m.size()], y = new double[m.size()], s = new double[m.size()];
        int n = 0;
        for (int i = 0; i < m.size(); i++) {
            if (!m.has(1, i)) continue;
            x[n] = m.x(i);
            y[n] = m.moment(1, i);
            s[n] = m.se(1, i);
            n++;
        }
        double[] fit = DtExtrapolation.Line.fit(x, y, s, n);
        return new double[] {m.tau(), fit[2], fit[3]};
    }

    /** The estimate with the stationary Fokker–Planck density of its A, B against the series' histogram. */
    public static KmEstimate checkedAgainstSeries(KmEstimate e, double[] values) {
        try {
            return e.withFp(FpFromData.stationary(DiffusionCoefficients.of(e.shown()), values), "");
        } catch (SeriesException | IllegalArgumentException ex) {
            return e.withFp(null, ex.getMessage());
        }
    }

    /** The estimate with the Fokker–Planck solver on its A, B from the model's initial state to tEnd, against the ensemble's histogram there. */
    public static KmEstimate checkedAgainstEnsemble(KmEstimate e, Model source, double tEnd, Density1D ensemble, int trajectories) {
        try {
            return e.withFp(FpFromData.timeDependent(DiffusionCoefficients.of(e.shown()), source, tEnd, ensemble, trajectories), "");
        } catch (RuntimeException ex) {   // a solver or model refusal: said in words, the estimate stands
            return e.withFp(null, ex.getMessage() != null ? ex.getMessage() : ex.toString());
        }
    }
}
