package org.kmlab.ui;

/**
 * How a slider's position (0 to {@link #STEPS}) maps to a value and back, landing on round values:
 * over a range of two decades or more that starts above zero (the system size Ω) the scale is
 * logarithmic and snaps to 1–2–5 steps (1, 2, 5, 10, 20, 50…); otherwise it is linear and snaps
 * to a 1–2–5 step about a hundredth of the range (0.05, 0.1, 0.2, 1, 5…), or to whole numbers.
 * The field beside it still takes any exact value.
 */
final class SliderScale {
    static final int STEPS = 1000;

    private final double min, max;
    private final boolean log, whole;
    private final double step;

    SliderScale(double min, double max, boolean whole) {
        this.min = min;
        this.max = max;
        this.whole = whole;
        this.log = min > 0 && max / min >= 100;
        double s = nice((max - min) / 100);
        this.step = whole ? Math.max(1, Math.rint(s)) : s;
    }

    boolean isLogarithmic() { return log; }

    /** The round value a position stands for. */
    double value(double position) {
        double f = Math.max(0, Math.min(1, position / STEPS));
        if (log) return clamp(nearest125(min * Math.pow(max / min, f)));
        double v = min + f * (max - min);
        return clamp(Math.rint(v / step) * step);
    }

    /** Where a value sits on the slider. */
    double position(double value) {
        double v = Math.max(min, Math.min(max, value));
        double f = log ? Math.log(v / min) / Math.log(max / min) : (max > min ? (v - min) / (max - min) : 0);
        return f * STEPS;
    }

    private double clamp(double v) {
        double c = Math.max(min, Math.min(max, v));
        // rounding the step can print 0.30000000000000004: keep the digits a person would type
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", c));
    }

    /** The 1–2–5 number (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …) nearest x on a log scale. */
    static double nearest125(double x) {
        double decade = Math.pow(10, Math.floor(Math.log10(x)));
        double best = decade, gap = Double.POSITIVE_INFINITY;
        for (double m : new double[] {1, 2, 5, 10}) {
            double g = Math.abs(Math.log(x / (m * decade)));
            if (g < gap) { gap = g; best = m * decade; }
        }
        return best;
    }

    /** A 1–2–5 step no larger than x. */
    static double nice(double x) {
        if (!(x > 0)) return 1;
        double decade = Math.pow(10, Math.floor(Math.log10(x)));
        double m = x / decade;
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * decade;
    }
}
