package org.kmlab.export;

import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Tick labels with a true minus sign (U+2212 "−", as set in mathematics and in the figures' own
 * labels) instead of the hyphen-minus "-", which is shorter and sits lower. JFreeChart picks a
 * tick unit, and with it a format, while drawing: so the axis gets a tick unit source whose units
 * write their usual label with the minus sign. Apply it to a figure's copy only.
 */
final class MinusSignTicks {
    static final char MINUS = '\u2212';

    private MinusSignTicks() {}

    /** Gives a number axis minus signs in its tick labels; other axes are left as they are. */
    static void apply(Axis axis) {
        if (!(axis instanceof NumberAxis n)) return;
        if (n.getNumberFormatOverride() != null) n.setNumberFormatOverride(withMinusSign(n.getNumberFormatOverride()));
        TickUnitSource source = n.getStandardTickUnits();
        if (source != null && !(source instanceof Source)) n.setStandardTickUnits(new Source(source));
        if (!n.isAutoTickUnitSelection()) n.setTickUnit(withMinusSign(n.getTickUnit()), false, false);
    }

    /** A decimal format with U+2212 as its minus sign; any other format, its labels with "-" swapped. */
    static NumberFormat withMinusSign(NumberFormat format) {
        if (format instanceof DecimalFormat d) {
            DecimalFormat copy = (DecimalFormat) d.clone();
            DecimalFormatSymbols symbols = copy.getDecimalFormatSymbols();
            symbols.setMinusSign(MINUS);
            copy.setDecimalFormatSymbols(symbols);
            return copy;
        }
        return format instanceof UnitLabels ? format : new Swapped(format::format);
    }

    static NumberTickUnit withMinusSign(NumberTickUnit unit) {
        return new NumberTickUnit(unit.getSize(), new UnitLabels(unit), unit.getMinorTickCount());
    }

    /** The base source's units, labelled with minus signs. */
    private record Source(TickUnitSource base) implements TickUnitSource, java.io.Serializable {
        @Override public TickUnit getLargerTickUnit(TickUnit unit) { return convert(base.getLargerTickUnit(unit)); }
        @Override public TickUnit getCeilingTickUnit(TickUnit unit) { return convert(base.getCeilingTickUnit(unit)); }
        @Override public TickUnit getCeilingTickUnit(double size) { return convert(base.getCeilingTickUnit(size)); }

        private static TickUnit convert(TickUnit u) { return u instanceof NumberTickUnit n ? withMinusSign(n) : u; }
    }

    /** A unit's own label (its decimals chosen by JFreeChart for its size), with minus signs. */
    private static final class UnitLabels extends Swapped {
        UnitLabels(NumberTickUnit unit) { super(unit::valueToString); }
    }

    /** Labels written by a function, "-" replaced by U+2212; format only (ticks are never parsed). */
    private static class Swapped extends NumberFormat {
        private final java.util.function.DoubleFunction<String> label;

        Swapped(java.util.function.DoubleFunction<String> label) { this.label = label; }

        @Override public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(label.apply(number).replace('-', MINUS));
        }

        @Override public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }
}
