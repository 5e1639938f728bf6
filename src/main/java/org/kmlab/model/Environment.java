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

    private final List<String> species;
    private final List<String> parameters;

    public Environment(List<String> species, List<String> parameters) {
        this.species = List.copyOf(species);
        this.parameters = List.copyOf(parameters);
    }

    public int size() { return species.size() + parameters.size() + 2; }

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
        return -1;
    }

    /** True when the slot holds a species count. */
    public boolean isSpeciesSlot(int slot) { return slot < species.size(); }

    public List<String> names() {
        var all = new java.util.ArrayList<String>(species);
        all.addAll(parameters);
        all.add(OMEGA);
        all.add(H);
        return all;
    }
}
