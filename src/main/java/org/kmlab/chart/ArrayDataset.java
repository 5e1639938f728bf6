package org.kmlab.chart;

import org.jfree.data.xy.AbstractIntervalXYDataset;

import java.util.ArrayList;
import java.util.List;

/**
 * An XY dataset backed by plain arrays, refilled whole each frame and announced with one
 * {@link #changed()} (RECIPES.md: never {@code XYSeries.add} with notification on). Each series has
 * x and y, and optionally an x interval (histogram bars) or a y interval (a ±1 s.d. band).
 * The series list is fixed at construction so colours and legend entries never move; series keys
 * say what each series means ({@link SeriesKey}), and looks are resolved from them.
 */
public final class ArrayDataset extends AbstractIntervalXYDataset {
    private static final double[] NONE = new double[0];

    private final List<SeriesKey> keys;
    private final double[][] x, y, xLo, xHi, yLo, yHi;

    public ArrayDataset(List<SeriesKey> keys) {
        this.keys = new ArrayList<>(keys);
        int n = keys.size();
        x = new double[n][];
        y = new double[n][];
        xLo = new double[n][];
        xHi = new double[n][];
        yLo = new double[n][];
        yHi = new double[n][];
        for (int i = 0; i < n; i++) clear(i);
    }

    /** Sets series i to these points (arrays are kept, not copied: pass fresh arrays). */
    public void set(int series, double[] xs, double[] ys) {
        if (xs.length != ys.length) throw new IllegalArgumentException("x and y differ in length");
        x[series] = xs;
        y[series] = ys;
        xLo[series] = xHi[series] = xs;
        yLo[series] = yHi[series] = ys;
    }

    /** Points with a half-width in x each (histogram bars of width 2·halfWidth). */
    public void setBars(int series, double[] xs, double[] ys, double halfWidth) {
        set(series, xs, ys);
        double[] lo = new double[xs.length], hi = new double[xs.length];
        for (int i = 0; i < xs.length; i++) { lo[i] = xs[i] - halfWidth; hi[i] = xs[i] + halfWidth; }
        xLo[series] = lo;
        xHi[series] = hi;
    }

    /** Points with a y interval each (a band from lo to hi). */
    public void setBand(int series, double[] xs, double[] ys, double[] lo, double[] hi) {
        set(series, xs, ys);
        yLo[series] = lo;
        yHi[series] = hi;
    }

    public void clear(int series) {
        x[series] = y[series] = xLo[series] = xHi[series] = yLo[series] = yHi[series] = NONE;
    }

    public void clearAll() {
        for (int i = 0; i < keys.size(); i++) clear(i);
    }

    /** One change event for everything set since the last one. */
    public void changed() { fireDatasetChanged(); }

    public boolean hasData(int series) { return x[series].length > 0; }

    @Override public int getSeriesCount() { return keys.size(); }
    @Override public Comparable<?> getSeriesKey(int series) { return keys.get(series); }
    @Override public int getItemCount(int series) { return x[series].length; }
    @Override public Number getX(int s, int i) { return x[s][i]; }
    @Override public double getXValue(int s, int i) { return x[s][i]; }
    @Override public Number getY(int s, int i) { return y[s][i]; }
    @Override public double getYValue(int s, int i) { return y[s][i]; }
    @Override public Number getStartX(int s, int i) { return xLo[s][i]; }
    @Override public double getStartXValue(int s, int i) { return xLo[s][i]; }
    @Override public Number getEndX(int s, int i) { return xHi[s][i]; }
    @Override public double getEndXValue(int s, int i) { return xHi[s][i]; }
    @Override public Number getStartY(int s, int i) { return yLo[s][i]; }
    @Override public double getStartYValue(int s, int i) { return yLo[s][i]; }
    @Override public Number getEndY(int s, int i) { return yHi[s][i]; }
    @Override public double getEndYValue(int s, int i) { return yHi[s][i]; }
}
