package org.kmlab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One transition: its reactants and products (species name → coefficient) and either a
 * mass-action {@code rate} (a formula of parameters) or a whole {@code propensity} (a formula of
 * counts and parameters); exactly one of the two is non-null. The jump vector is products −
 * reactants. A preset writes the stoichiometry as an equation such as {@code "X + Y -> 2 Y"}
 * ({@link #equation()}, {@link #parse}); an importer gives the maps directly.
 */
public record Reaction(String name, Map<String, Integer> reactants, Map<String, Integer> products, Formula rate, Formula propensity) {
    public Reaction {
        reactants = Collections.unmodifiableMap(new LinkedHashMap<>(reactants));
        products = Collections.unmodifiableMap(new LinkedHashMap<>(products));
        for (Map<String, Integer> side : List.of(reactants, products)) {
            side.forEach((species, n) -> {
                if (n == null || n < 0) throw new ModelException("reaction '" + name + "': the coefficient of " + species + " must be ≥ 0, got " + n);
            });
        }
    }

    /** A reaction from an equation and formula texts, as a preset writes it (either formula may be null). */
    public Reaction(String name, String equation, String rate, String propensity) {
        this(name, Stoichiometry.side(Stoichiometry.split(equation)[0], equation), Stoichiometry.side(Stoichiometry.split(equation)[1], equation),
                rate == null ? null : Formula.parse(rate), propensity == null ? null : Formula.parse(propensity));
    }

    public static Reaction massAction(String name, Map<String, Integer> reactants, Map<String, Integer> products, Formula rate) {
        return new Reaction(name, reactants, products, Objects.requireNonNull(rate), null);
    }

    public static Reaction withPropensity(String name, Map<String, Integer> reactants, Map<String, Integer> products, Formula propensity) {
        return new Reaction(name, reactants, products, null, Objects.requireNonNull(propensity));
    }

    public boolean isMassAction() { return rate != null; }

    /** The formula of this reaction: its rate or its propensity. */
    public Formula formula() { return rate != null ? rate : propensity; }

    /** The stoichiometry as an equation, e.g. {@code "X + Y -> 2 Y"} ({@code 0} for nothing). */
    public String equation() { return side(reactants) + " -> " + side(products); }

    private static String side(Map<String, Integer> counts) {
        List<String> terms = new ArrayList<>();
        counts.forEach((s, n) -> {
            if (n > 0) terms.add(n == 1 ? s : n + " " + s);
        });
        return terms.isEmpty() ? "0" : String.join(" + ", terms);
    }
}
