package org.kmlab.solve.ssa;

import org.kmlab.model.Event;
import org.kmlab.model.Expression;
import org.kmlab.model.Model;
import org.kmlab.model.Propensities;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's {@link Event}s compiled for the {@link DirectMethodStepper} (immutable, shared by its
 * workers): triggers and assignments as flat arrays of {@link Expression}s over the stepper's
 * environment (whose {@code time} slot the stepper keeps current), which triggers read time,
 * which parameter slots events change (each member keeps its own values of those, see
 * {@link EventMemory}), and which mass-action constants read them.
 */
final class EventProgram {
    final int count;
    final String[] ids;
    final Expression[] triggers;
    final boolean[] readsTime;
    /** Per trigger, its parts that read time ({@link Expression#conditionsOn}); empty when it does not. */
    final Expression[][] timeParts;
    /** The most parts of one trigger (the stepper's scratch size). */
    final int mostTimeParts;
    final boolean[] initial, persistent, fromTriggerTime;
    final int[][] slots;
    final Expression[][] values;
    /** The largest number of assignments of one event (the stepper's scratch size). */
    final int widest;
    /** Parameter slots some event assigns: per-member state. */
    final int[] parameterSlots;
    /** Mass-action reactions whose constant reads one of {@link #parameterSlots}. */
    final int[] constantReaders;
    final boolean anyTimed;
    final int timeSlot;

    /** @return null for a model without events */
    static EventProgram of(Model model, Propensities propensities) {
        return model.hasEvents() ? new EventProgram(model, propensities) : null;
    }

    private EventProgram(Model model, Propensities propensities) {
        List<Event> events = model.events();
        count = events.size();
        timeSlot = model.environment().timeSlot();
        ids = new String[count];
        triggers = new Expression[count];
        readsTime = new boolean[count];
        timeParts = new Expression[count][];
        int most = 0;
        initial = new boolean[count];
        persistent = new boolean[count];
        fromTriggerTime = new boolean[count];
        slots = new int[count][];
        values = new Expression[count][];
        List<Integer> parameters = new ArrayList<>();
        boolean timed = false;
        int wide = 0;
        for (int e = 0; e < count; e++) {
            Event ev = events.get(e);
            ids[e] = ev.id();
            triggers[e] = model.trigger(e);
            readsTime[e] = triggers[e].uses(timeSlot);
            timeParts[e] = triggers[e].conditionsOn(timeSlot).toArray(new Expression[0]);
            most = Math.max(most, timeParts[e].length);
            timed |= readsTime[e];
            initial[e] = ev.initialValue();
            persistent[e] = ev.persistent();
            fromTriggerTime[e] = ev.useValuesFromTriggerTime();
            int a = ev.assignments().size();
            wide = Math.max(wide, a);
            slots[e] = new int[a];
            values[e] = new Expression[a];
            for (int k = 0; k < a; k++) {
                slots[e][k] = model.assignmentSlot(e, k);
                values[e][k] = model.assignmentValue(e, k);
                if (!model.environment().isSpeciesSlot(slots[e][k]) && !parameters.contains(slots[e][k])) parameters.add(slots[e][k]);
            }
        }
        anyTimed = timed;
        mostTimeParts = most;
        widest = wide;
        parameterSlots = parameters.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> readers = new ArrayList<>();
        for (int r = 0; r < model.reactionCount(); r++) {
            if (!propensities.isMassAction(r)) continue;
            for (int slot : parameterSlots) {
                if (propensities.readsSlot(r, slot)) {
                    readers.add(r);
                    break;
                }
            }
        }
        constantReaders = readers.stream().mapToInt(Integer::intValue).toArray();
    }
}
