package org.kmlab.ui;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * One settable value (a parameter, Ω, an initial count, tEnd, trajectories or seed): its slider
 * range, its current value and, when the last text typed was refused, the reason. A refused
 * value is never applied: the last valid one stays.
 */
public final class ParameterViewModel {
    private final SessionViewModel session;
    private final String name, label, description;
    private final double min, max;
    private final boolean whole;
    private final SimpleDoubleProperty value = new SimpleDoubleProperty();
    private final SimpleStringProperty error = new SimpleStringProperty("");

    public ParameterViewModel(SessionViewModel session, String name, String label, String description,
                              double min, double max, boolean whole) {
        this.session = session;
        this.name = name;
        this.label = label;
        this.description = description;
        this.min = min;
        this.max = max;
        this.whole = whole;
        value.set(session.valueOf(name));
    }

    public String name() { return name; }
    public String label() { return label; }
    public String description() { return description; }
    public double min() { return min; }
    public double max() { return max; }
    public boolean isWhole() { return whole; }
    public boolean hasSlider() { return max > min; }
    public ReadOnlyDoubleProperty valueProperty() { return value; }
    public ReadOnlyStringProperty errorProperty() { return error; }
    public double value() { return value.get(); }

    /** Text typed in the field: applied when it is a valid value, otherwise the reason is shown. */
    public boolean commitText(String text) {
        double v;
        try {
            v = Double.parseDouble(text.strip().replace('−', '-'));
        } catch (NumberFormatException e) {
            error.set(FieldMessages.notANumber(text));
            return false;
        }
        if (!Double.isFinite(v)) { error.set("must be a finite number"); return false; }
        return apply(v);
    }

    /** A slider position (rounded for whole-number values). */
    public boolean commitSlider(double v) { return apply(whole ? Math.rint(v) : v); }

    private boolean apply(double v) {
        if (v == value.get() && error.get().isEmpty()) return true;
        String problem = session.set(name, v);
        if (!problem.isEmpty()) {
            error.set(problem);
            return false;
        }
        error.set("");
        value.set(v);
        return true;
    }

    /** Takes the session's value when it was set from elsewhere (a lesson step, a session, reset); clears a stale refusal. */
    void follow() {
        double v;
        try {
            v = session.valueOf(name);
        } catch (org.kmlab.model.ModelException e) {
            return;   // another model came in; the panel is rebuilt for it next
        }
        if (v != value.get()) {
            error.set("");
            value.set(v);
        }
    }

    /** The value as the field shows it. */
    public String text() { return format(value.get()); }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e") || !s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
