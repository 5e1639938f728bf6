package org.kmlab.model;

import java.util.Map;

/**
 * Whether a model is a first-order (linear) network: every reaction is mass action with at most
 * one reactant molecule (0 → X, X → Y, X → 0, X → X + Y …) and a rate that reads no species. Its
 * propensities are then affine in the counts, so ⟨a(n)⟩ = a(⟨n⟩) and the {@link MomentEquations}
 * close: they are the master equation's own exact mean and covariance, not an approximation
 * (van Kampen, ch. X; Gadgil, Lee &amp; Othmer, Bull. Math. Biol. 67 (2005) 901). A reaction
 * written with a {@code propensity} formula is not taken as linear, even when it happens to be:
 * the check is on the form, never on sample points.
 */
public final class FirstOrderNetwork {
    private FirstOrderNetwork() {}

    public static boolean is(Model m) { return reasonNot(m).isEmpty(); }

    /** Why m is not a first-order network, in words (e.g. "reaction 'dimerise' has 2 reactant molecules"), or "". */
    public static String reasonNot(Model m) {
        if (m.hasEvents()) return "it has events";
        for (Reaction r : m.reactions()) {
            if (!r.isMassAction()) return "reaction '" + r.name() + "' has a propensity formula, not a mass-action rate";
            int order = 0;
            for (Map.Entry<String, Integer> e : r.reactants().entrySet()) order += e.getValue();
            if (order > 1) return "reaction '" + r.name() + "' has " + order + " reactant molecules";
            for (Species s : m.species()) {
                if (r.rate().names().contains(s.name())) return "the rate of reaction '" + r.name() + "' reads the species " + s.name();
            }
        }
        return "";
    }
}
