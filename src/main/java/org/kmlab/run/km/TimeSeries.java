package org.kmlab.run.km;

import java.util.Arrays;
import java.util.List;

/**
 * A user's time series: increasing times and one or two value columns, as read from a CSV
 * ({@link SeriesCsv}). Values are taken as they are, in the units of the file (x for the estimator).
 */
public final class TimeSeries {
    private final String name;
    private final double[] t;
    private final double[][] values;
    private final List<String> columns;
    /** Computed once: a sort of all spacings, which several callers need. */
    private final double medianStep;
    private final boolean regular;

    /**
     * @param name    where it came from (a file name), for messages
     * @param t       strictly increasing times
     * @param values  {@code values[c][i]}: column c at time t[i]
     * @param columns the value columns' names
     */
    public TimeSeries(String name, double[] t, double[][] values, List<String> columns) {
        if (values.length != columns.size() || values.length == 0) throw new IllegalArgumentException("one name per value column");
        for (double[] v : values) if (v.length != t.length) throw new IllegalArgumentException("every column as long as the times");
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) throw new IllegalArgumentException("times must increase: t[" + i + "] = " + t[i] + " after " + t[i - 1]);
        }
        this.name = name;
        this.t = t.clone();
        this.values = new double[values.length][];
        for (int c = 0; c < values.length; c++) this.values[c] = values[c].clone();
        this.columns = List.copyOf(columns);
        this.medianStep = median(this.t);
        this.regular = regular(this.t, medianStep);
    }

    public String name() { return name; }

    public int size() { return t.length; }

    public double time(int i) { return t[i]; }

    public double[] times() { return t.clone(); }

    public List<String> columns() { return columns; }

    /** Column c's values (a copy). */
    public double[] column(int c) { return values[c].clone(); }

    double[] columnView(int c) { return values[c]; }

    double[] timesView() { return t; }

    /** The index of a value column by name, or −1. */
    public int columnIndex(String column) { return columns.indexOf(column); }

    /** The median spacing of the times. */
    public double medianStep() { return medianStep; }

    /** True when every spacing equals the median to within 1 % (times written with few digits still count as regular). */
    public boolean isRegular() { return regular; }

    private static double median(double[] t) {
        if (t.length < 2) return Double.NaN;
        double[] d = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) d[i - 1] = t[i] - t[i - 1];
        Arrays.sort(d);
        return d[d.length / 2];
    }

    private static boolean regular(double[] t, double step) {
        for (int i = 1; i < t.length; i++) if (Math.abs(t[i] - t[i - 1] - step) > 0.01 * step) return false;
        return true;
    }
}
