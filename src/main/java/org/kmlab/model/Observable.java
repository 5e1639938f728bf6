package org.kmlab.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named linear combination of species with integer coefficients, e.g. the free substrate
 * S = S_T − C of the enzyme model: a quantity a preset wants shown (marginal, mean ± sd) that is
 * not one of its species. Integer coefficients keep it on the lattice (a count), so the master
 * equation's and the SSA's laws of it are exact sums over states. Preset section:
 * <pre>"observables": [{"name": "S", "of": {"S_T": 1, "C": -1}}]</pre>
 * Checked against its model when the model is built ({@link #check}).
 *
 * @param name         a name (letters, digits, _), not a species' or a parameter's
 * @param coefficients species name → coefficient, in the order written
 */
public record Observable(String name, Map<String, Integer> coefficients) {
    public Observable {
        coefficients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
    }

    /** The coefficient of each species of m, by species index. */
    public int[] weights(Model m) {
        int[] w = new int[m.speciesCount()];
        for (int s = 0; s < w.length; s++) w[s] = coefficients.getOrDefault(m.species().get(s).name(), 0);
        return w;
    }

    /** As a person reads it, e.g. "S = S_T − C" or "D = 2 A − B": the name, then the combination as written in the preset. */
    public String label() {
        StringBuilder b = new StringBuilder(name).append(" =");
        boolean first = true;
        for (var e : coefficients.entrySet()) {
            int c = e.getValue();
            if (c == 0) continue;
            b.append(c < 0 ? (first ? " −" : " − ") : (first ? " " : " + "));
            if (Math.abs(c) != 1) b.append(Math.abs(c)).append(' ');
            b.append(e.getKey());
            first = false;
        }
        return b.toString();
    }

    /** Σ c_s·x_s. */
    public static double value(int[] weights, double[] x) {
        double v = 0;
        for (int s = 0; s < weights.length; s++) v += weights[s] * x[s];
        return v;
    }

    /** Σ_ab c_a c_b Σ_ab: the variance of the combination given the species' covariance. */
    public static double variance(int[] weights, double[][] covariance) {
        double v = 0;
        for (int a = 0; a < weights.length; a++) for (int b = 0; b < weights.length; b++) v += weights[a] * weights[b] * covariance[a][b];
        return v;
    }

    /** Messages name the place, e.g. {@code observables[0].of: unknown species 'Q' (the model has S_T, C)}. */
    void check(Model m, int index, java.util.List<String> taken) {
        String path = "observables[" + index + "]";
        if (!Names.isIdentifier(name)) throw new ModelException(path + ".name: must be a name (letters, digits, _), got '" + name + "'");
        if (taken.contains(name) || Environment.OMEGA.equals(name) || Environment.H.equals(name)) throw new ModelException(path + ".name: '" + name + "' is already used");
        if (coefficients.isEmpty()) throw new ModelException(path + ".of: name at least one species and its coefficient");
        for (var e : coefficients.entrySet()) {
            if (m.species().stream().noneMatch(s -> s.name().equals(e.getKey()))) {
                throw new ModelException(path + ".of: unknown species '" + e.getKey() + "' (the model has " + String.join(", ", m.species().stream().map(Species::name).toList()) + ")");
            }
        }
        if (Arrays.stream(weights(m)).allMatch(w -> w == 0)) throw new ModelException(path + ".of: all coefficients are 0");
    }
}
