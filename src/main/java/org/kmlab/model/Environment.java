package org.kmlab.model;

import java.util.List;

/**
 * The slots a formula may read: species counts first, then parameters, then {@code Omega} and
 * {@code h = 1/Omega}. Solvers allocate one {@code double[]} of {@link #size()} per thread and
 * write the current counts into its first slots.
 */
public final class Environment {
    public static final String OMEGA = "Omega";
    public static final String H = "h";
    /** The model time, readable only by event triggers and assignments ({@link #withTime()}). */
    public static final String TIME = "time";

    private final List<String> species;
    private final List<String> parameters;
    private final boolean timed;

    public Environment(List<String> species, List<String> parameters) {
        this(species, parameters, false);
    }

    private Environment(List<String> species, List<String> parameters, boolean timed) {
        this.species = List.copyOf(species);
        this.parameters = List.copyOf(parameters);
        this.timed = timed;
    }

    /**
     * The same slots and one more after {@code h}, {@link #timeSlot()}, holding the model time:
     * what event formulas compile against (propensities never read time, so that the state is
     * constant between reactions).
     */
    public Environment withTime() { return new Environment(species, parameters, true); }

    public int size() { return species.size() + parameters.size() + (timed ? 3 : 2); }

    /** The slot of {@code time}: right after {@code h} (valid for every environment, filled only by event code). */
    public int timeSlot() { return hSlot() + 1; }

    public int omegaSlot() { return species.size() + parameters.size(); }

    public int hSlot() { return omegaSlot() + 1; }

    public int parameterSlot(int p) { return species.size() + p; }

    public int speciesCount() { return species.size(); }

    /** Slot of {@code name}, or -1 when it names nothing. */
    public int slotOf(String name) {
        int s = species.indexOf(name);
        if (s >= 0) return s;
        int p = parameters.indexOf(name);
        if (p >= 0) return parameterSlot(p);
        if (OMEGA.equals(name)) return omegaSlot();
        if (H.equals(name)) return hSlot();
        if (timed && TIME.equals(name)) return timeSlot();
        return -1;
    }

    /** True when the slot holds a species count. */
    public boolean isSpeciesSlot(int slot) { return slot < species.size(); }

    public List<String> names() {
        var all = new java.util.ArrayList<String>(species);
        all.addAll(parameters);
        all.add(OMEGA);
        all.add(H);
        if (timed) all.add(TIME);
        return all;
    }
}
