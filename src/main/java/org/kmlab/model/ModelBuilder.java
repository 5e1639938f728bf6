package org.kmlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Model} from parts, for importers and tests: species, parameters, the system
 * size, and reactions given as stoichiometry (species name → coefficient) with a mass-action rate
 * or a whole propensity as a {@link Formula} (parsed from text or built as a tree). {@link #build}
 * validates everything, as reading a preset does.
 */
public final class ModelBuilder {
    private final String name;
    private String description = "";
    private final List<Species> species = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private SystemSize omega = new SystemSize(1, 1, 1);
    private final List<Reaction> reactions = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Observable> observables = new ArrayList<>();
    private AbsorbingSet absorbing = AbsorbingSet.NONE;

    private ModelBuilder(String name) { this.name = name; }

    public static ModelBuilder named(String name) { return new ModelBuilder(name); }

    public ModelBuilder description(String text) {
        description = text;
        return this;
    }

    /** A count (≥ 0) starting at {@code initial}. */
    public ModelBuilder species(String n, long initial) {
        species.add(new Species(n, initial, false));
        return this;
    }

    /** A lattice coordinate that may go below zero (a walker's position). */
    public ModelBuilder signedSpecies(String n, long initial) {
        species.add(new Species(n, initial, true));
        return this;
    }

    public ModelBuilder parameter(String n, double value) {
        return parameter(n, value, Math.min(0, value), Math.max(1, 10 * Math.abs(value)), "");
    }

    public ModelBuilder parameter(String n, double value, double min, double max, String text) {
        parameters.add(new Parameter(n, value, min, max, text));
        return this;
    }

    public ModelBuilder omega(double value, double min, double max) {
        omega = new SystemSize(value, min, max);
        return this;
    }

    /** A mass-action reaction (DESIGN.md's Ω convention) with this rate constant. */
    public ModelBuilder massAction(String n, Map<String, Integer> reactants, Map<String, Integer> products, Formula rate) {
        reactions.add(Reaction.massAction(n, reactants, products, rate));
        return this;
    }

    /** A reaction with a whole propensity, a formula of counts, parameters, Omega and h. */
    public ModelBuilder propensity(String n, Map<String, Integer> reactants, Map<String, Integer> products, Formula propensity) {
        reactions.add(Reaction.withPropensity(n, reactants, products, propensity));
        return this;
    }

    /** An event (see {@link Event}); events due at one moment fire in the order they were added. */
    public ModelBuilder event(Event e) {
        events.add(e);
        return this;
    }

    /** A quantity shown beside the species (see {@link Observable}). */
    public ModelBuilder observable(Observable o) {
        observables.add(o);
        return this;
    }

    /** The states where trajectories stop (see {@link AbsorbingSet}). */
    public ModelBuilder absorbing(AbsorbingSet set) {
        absorbing = set;
        return this;
    }

    /** @throws ModelException a part is invalid (the message names it) */
    public Model build() { return new Model(name, description, species, parameters, omega, reactions, new Model.Extras(ExactReference.NONE, events, observables, absorbing)); }
}
