package org.kmlab.run.km;

import java.util.Objects;

/**
 * A user's time series analysed: the Kramers–Moyal estimate of its first value column and the
 * Fokker–Planck model built from the estimate against the data's histogram ({@link FpFromData}).
 * What the window's Kramers–Moyal and series panes draw once a CSV is opened. Immutable.
 *
 * @param series   the series (kept to estimate again with other settings)
 * @param column   the value column estimated (0-based)
 * @param estimate its estimate, with the Fokker–Planck check (or the reason there is none)
 */
public record SeriesAnalysis(TimeSeries series, int column, KmEstimate estimate) {
    public SeriesAnalysis {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(estimate, "estimate");
    }

    /**
     * Estimates column {@code column} of {@code series} with {@code settings} (NaN Δt: the sampling
     * step) and checks the stationary Fokker–Planck density of the estimate against its histogram.
     *
     * @throws SeriesException or IllegalArgumentException when the series cannot give an estimate at this Δt
     */
    public static SeriesAnalysis of(TimeSeries series, int column, KmSettings settings) {
        IncrementTable table = SeriesIncrements.of(series, column, settings.dt());
        KmEstimate e = KmAnalysis.estimate(table, settings.withDt(table.dt()));
        return new SeriesAnalysis(series, column, KmAnalysis.checkedAgainstSeries(e, series.column(column)));
    }

    /** The same series estimated with other settings. */
    public SeriesAnalysis with(KmSettings settings) { return of(series, column, settings); }

    /** The file's name and the column, for legends, e.g. "ou.csv (x)". */
    public String label() { return series.name() + " (" + series.columns().get(column) + ")"; }
}
