package org.kmlab.chart;

import org.jfree.data.Range;

/**
 * An axis range that only grows during a run, so the axes stand still while the cloud spreads
 * instead of jumping with every frame. {@link #reset()} when the model or its parameters change.
 */
final class StickyRange {
    private double lo = Double.NaN, hi = Double.NaN;

    void reset() { lo = hi = Double.NaN; }

    void include(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) return;
        if (Double.isNaN(lo)) { lo = Math.min(a, b); hi = Math.max(a, b); return; }
        lo = Math.min(lo, Math.min(a, b));
        hi = Math.max(hi, Math.max(a, b));
    }

    boolean isEmpty() { return Double.isNaN(lo); }

    /** The range with a small margin, at least {@code minWidth} wide. */
    Range padded(double fraction, double minWidth) {
        double w = Math.max(hi - lo, minWidth);
        double mid = (lo + hi) / 2;
        double half = w / 2 * (1 + 2 * fraction);
        return new Range(mid - half, mid + half);
    }
}
