package org.kmlab.chart;

/**
 * Resolves the look of a series from what it means ({@link SeriesKey}): implemented by each
 * window theme ({@link ChartStyle}) and by the publication style of figures.
 */
public interface Looks {
    SeriesLook lookOf(SeriesKey key);

    /** Dashes of distinct rhythm, in units of the line width, for series that share a colour family. */
    float[] SOLID = null, DASHED = {4f, 2f}, DOTTED = {1f, 1.6f}, DASH_DOT = {5f, 1.6f, 1f, 1.6f}, LONG_DASH = {8f, 2.5f};
}
