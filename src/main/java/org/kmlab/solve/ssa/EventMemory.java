package org.kmlab.solve.ssa;

/**
 * What an ensemble member carries between output times besides its counts when the model has
 * events: its values of the parameters events change, and each trigger's last value (an event
 * fires only when its trigger goes from false to true). Member i owns its slots, so workers on
 * disjoint members share nothing and the result does not depend on the thread count.
 */
final class EventMemory {
    private final int parameters;
    private final int events;
    private final double[] values;
    private final boolean[] triggers;

    /** Every member starts from the model's parameter values and the triggers' initial values. */
    EventMemory(EventProgram program, double[] environment, int members) {
        this.parameters = program.parameterSlots.length;
        this.events = program.count;
        this.values = new double[Math.multiplyExact(members, parameters)];
        this.triggers = new boolean[Math.multiplyExact(members, events)];
        for (int i = 0; i < members; i++) {
            for (int p = 0; p < parameters; p++) values[i * parameters + p] = environment[program.parameterSlots[p]];
            System.arraycopy(program.initial, 0, triggers, i * events, events);
        }
    }

    /** Member i's parameter values into their environment slots and its trigger values into {@code last}. */
    void load(int i, int[] slots, double[] env, boolean[] last) {
        for (int p = 0; p < parameters; p++) env[slots[p]] = values[i * parameters + p];
        System.arraycopy(triggers, i * events, last, 0, events);
    }

    void store(int i, int[] slots, double[] env, boolean[] last) {
        for (int p = 0; p < parameters; p++) values[i * parameters + p] = env[slots[p]];
        System.arraycopy(last, 0, triggers, i * events, events);
    }
}
