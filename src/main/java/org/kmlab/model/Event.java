package org.kmlab.model;

import java.util.List;
import java.util.Objects;

/**
 * A discontinuity in a run, as SBML Level 3 defines events without delays: when {@code trigger}
 * (a condition of counts, parameters, {@code Omega}, {@code h} and {@code time}) goes from false
 * to true, the event fires at that very moment and sets each variable (a species count or a
 * parameter) to its formula. All the formulas are evaluated before any variable changes, so
 * {@code X := Y, Y := X} swaps.
 *
 * <p>{@code initialValue}: the trigger's value just before the start, so a trigger true at t = 0
 * fires then only when this is false. {@code persistent}: when false, an event that became due at
 * the same moment as others is dropped if their assignments make its trigger false before its
 * turn. {@code useValuesFromTriggerTime}: when several events fire at one moment, whether an
 * event's formulas read the values at the moment it became due (true) or when its turn comes
 * (false, i.e. after the events before it). Events due at one moment fire in the model's order.
 * Validated by {@link Model}.
 */
public record Event(String id, Formula trigger, boolean initialValue, boolean persistent, boolean useValuesFromTriggerTime,
                    List<Assignment> assignments) {
    /** {@code variable := value} at the moment the event fires. */
    public record Assignment(String variable, Formula value) {
        public Assignment {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
        }

        @Override public String toString() { return variable + " = " + value.text(); }
    }

    public Event {
        Objects.requireNonNull(trigger, "trigger");
        assignments = List.copyOf(assignments);
    }

    /** An event with SBML's usual flags: initial value false, persistent, values from the trigger time. */
    public static Event of(String id, Formula trigger, List<Assignment> assignments) {
        return new Event(id, trigger, false, true, true, assignments);
    }
}
