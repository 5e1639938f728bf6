package org.kmlab.model;

/**
 * A species: a copy number {@code n ≥ 0}, or, when {@code signed}, a lattice coordinate that may
 * go negative (the OU walker's position). {@code initial} is the count at t = 0.
 */
public record Species(String name, long initial, boolean signed) {
    public Species {
        if (name == null || !Names.isIdentifier(name)) throw new ModelException("species name must be an identifier, got '" + name + "'");
    }

    /** The name by which the initial count is addressed in {@code --set} and the UI ("X0"). */
    public String initialName() { return name + "0"; }
}
