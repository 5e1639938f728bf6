package org.kmlab.chart;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 log axis labelled at whole powers of ten (1, 2, 3… decades apart, never at 3.981E-4),
 * with the other multiples as minor ticks. Over less than two decades a single power of ten
 * would be the only label (a passage-time sweep from T ≈ 7 to 83 showed just "10"), so there the
 * 2 and 5 multiples are labelled too, as decimals: 10, 20, 50.
 */
final class DecadeAxis extends LogAxis {
    /** Below this ratio of the upper to the lower bound, 2× and 5× a power of ten are labelled too. */
    static final double NARROW = 100;

    DecadeAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
        setNumberFormatOverride(POWERS);
        TickUnits decades = new TickUnits();
        for (int n : new int[] {1, 2, 3, 4, 5, 10, 20, 50}) decades.add(new NumberTickUnit(n, POWERS));
        setStandardTickUnits(decades);
        setMinorTickCount(9);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        double lo = getLowerBound(), hi = getUpperBound();
        if (!(lo > 0) || !(hi / lo < NARROW)) return super.refreshTicks(g2, state, dataArea, edge);
        return narrowTicks(lo, hi, edge);
    }

    /** 1, 2 and 5 times each power of ten in [lo, hi] with labels, the other multiples as minor ticks. */
    static List<ValueTick> narrowTicks(double lo, double hi, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List<ValueTick> ticks = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int m = 1; m <= 9; m++) {
                double v = new BigDecimal(m).scaleByPowerOfTen(e).doubleValue();   // exactly the decimal m·10^e
                if (v < lo || v > hi) continue;
                boolean labelled = m == 1 || m == 2 || m == 5;
                ticks.add(new NumberTick(labelled ? TickType.MAJOR : TickType.MINOR, v, labelled ? narrowLabel(m, e) : "", anchor, anchor, 0));
            }
        }
        return ticks;
    }

    /** Whole powers of ten as labels: 10⁻⁴ (1, 10 and 100 as they are). */
    static final NumberFormat POWERS = new NumberFormat() {
        @Override public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            if (!(v > 0) || Double.isInfinite(v)) return to.append(v);
            long e = Math.round(Math.log10(v));
            if (Math.abs(v / Math.pow(10, e) - 1) > 1e-6) return to.append(new DecimalFormat("0.###E0").format(v));
            if (e >= 0 && e <= 2) return to.append((long) Math.pow(10, e));
            return power(1, e, to);
        }

        @Override public StringBuffer format(long v, StringBuffer to, FieldPosition pos) { return format((double) v, to, pos); }

        @Override public Number parse(String source, ParsePosition pos) { return null; }
    };

    /** A narrow axis's label for m·10^e: as a decimal from 0.001 to 9000 (0.02, 0.5, 20, 500), else 2×10⁻⁴. */
    static String narrowLabel(int m, int e) {
        if (e >= -3 && e <= 3) return new BigDecimal(m).scaleByPowerOfTen(e).toPlainString();
        return power(m, e, new StringBuffer()).toString();
    }

    private static StringBuffer power(long m, long e, StringBuffer to) {
        if (m != 1) to.append(m).append('×');
        to.append("10");
        if (e < 0) to.append('⁻');
        for (char c : Long.toString(Math.abs(e)).toCharArray()) to.append(SUPERSCRIPTS.charAt(c - '0'));
        return to;
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
}
