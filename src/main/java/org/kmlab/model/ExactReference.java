package org.kmlab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exact densities a preset may declare, per species, as formulas of {@code x} (the species in x
 * units, x = n/Ω), {@code t} (time), {@code x0} (the species' initial x), the parameters,
 * {@code Omega} and {@code h}: the {@code stationary} law (t → ∞, must not read {@code t}) and the
 * {@code transition} law from the initial state (valid for t &gt; 0). A formula need not be
 * normalised: whoever draws or compares it normalises it over the run's x range (see
 * {@code run.ExactLaw}). Preset section:
 * <pre>
 * "exact": {"stationary": {"X": "(1 + (x/L)^2)^(alpha - 1) * step(1 - abs(x))"},
 *           "transition": {"X": "exp(-(x - x0 - v*t)^2/(2*D*t))"}}
 * </pre>
 * Compiled against {@link #environment}; checked against its model when the model is built.
 *
 * <p>A stationary law no formula can write (a product over n) may instead be named in
 * {@code "detailedBalance": ["X"]}: the stationary law of a one-step process (one species, every
 * jump ±1), P_(n+1)/P_n = W+(n)/W−(n+1), computed from the model's own propensities (see
 * {@code run.OneStepLaw}); the Schlögl model's, for instance.
 */
public record ExactReference(Map<String, Formula> stationary, Map<String, Formula> transition, List<String> detailedBalance) {
    /** The variable names a formula may read besides the parameters, Omega and h. */
    public static final List<String> VARIABLES = List.of("x", "t", "x0");
    public static final ExactReference NONE = new ExactReference(Map.of(), Map.of());

    public ExactReference {
        stationary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stationary));
        transition = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(transition));
        detailedBalance = List.copyOf(detailedBalance);
    }

    /** Formula laws only. */
    public ExactReference(Map<String, Formula> stationary, Map<String, Formula> transition) { this(stationary, transition, List.of()); }

    public boolean isEmpty() { return stationary.isEmpty() && transition.isEmpty() && detailedBalance.isEmpty(); }

    /** True when species {@code name} has a reference of either kind. */
    public boolean covers(String name) { return stationary.containsKey(name) || transition.containsKey(name) || detailedBalance.contains(name); }

    /** True when species {@code name}'s stationary law is the one-step detailed-balance law computed from the rates (no formula). */
    public boolean isDetailedBalance(String name) { return detailedBalance.contains(name); }

    /**
     * The formula valid at time t for the species: the transition law for t &gt; 0 when there is
     * one, else the stationary law (its distance to a solver shows the relaxation), else none.
     */
    public Optional<Formula> at(String species, double t) {
        if (t > 0 && transition.containsKey(species)) return Optional.of(transition.get(species));
        return Optional.ofNullable(stationary.get(species));
    }

    /** Which kind {@link #at} picks: "transition", "stationary" (a formula or {@link #isDetailedBalance detailed balance}) or null. */
    public String kindAt(String species, double t) {
        if (t > 0 && transition.containsKey(species)) return "transition";
        return stationary.containsKey(species) || detailedBalance.contains(species) ? "stationary" : null;
    }

    /** Slots: x, t, x0, then the model's parameters, Omega, h (see {@link Environment}). */
    public static Environment environment(Model m) {
        List<String> parameters = new ArrayList<>();
        for (Parameter p : m.parameters()) parameters.add(p.name());
        return new Environment(VARIABLES, parameters);
    }

    /** An environment array for species s of m at time t: parameters, Ω, h, t and x0 filled in. */
    public static double[] values(Model m, int s, double t) {
        Environment env = environment(m);
        double[] v = new double[env.size()];
        v[1] = t;
        v[2] = m.initialX()[s];
        for (int p = 0; p < m.parameters().size(); p++) v[env.parameterSlot(p)] = m.parameters().get(p).value();
        v[env.omegaSlot()] = m.size();
        v[env.hSlot()] = 1 / m.size();
        return v;
    }

    /** Checks the species names and that every formula compiles; messages name the key, e.g. {@code exact.stationary.X: unknown name 'X' …}. */
    void check(Model m) {
        Environment env = environment(m);
        for (String v : VARIABLES) {
            if (env.names().indexOf(v) != env.names().lastIndexOf(v)) throw new ModelException("exact: a parameter may not be called '" + v + "' in a preset with exact references (x, t and x0 are its variables)");
        }
        check(m, env, "stationary", stationary);
        check(m, env, "transition", transition);
        checkDetailedBalance(m);
    }

    /** Each name a species with no stationary formula too, in a one-step model: one species, every reaction jumping it by ±1. */
    private void checkDetailedBalance(Model m) {
        for (String name : detailedBalance) {
            String path = "exact.detailedBalance";
            if (m.species().stream().noneMatch(s -> s.name().equals(name))) {
                throw new ModelException(path + ": unknown species '" + name + "' (the model has " + String.join(", ", m.species().stream().map(Species::name).toList()) + ")");
            }
            if (stationary.containsKey(name)) throw new ModelException(path + ": '" + name + "' also has exact.stationary." + name + "; give one stationary law");
            if (m.speciesCount() != 1) throw new ModelException(path + ": the detailed-balance law is for one-step processes of one species; this model has " + m.speciesCount());
            for (int r = 0; r < m.reactionCount(); r++) {
                int jump = m.jump(r)[0];
                if (Math.abs(jump) != 1) throw new ModelException(path + ": the model must be a one-step process (every jump ±1), but reaction '" + m.reactions().get(r).name() + "' jumps by " + jump);
            }
        }
    }

    private static void check(Model m, Environment env, String kind, Map<String, Formula> laws) {
        for (Map.Entry<String, Formula> e : laws.entrySet()) {
            String path = "exact." + kind + "." + e.getKey();
            if (m.species().stream().noneMatch(s -> s.name().equals(e.getKey()))) {
                throw new ModelException(path + ": unknown species '" + e.getKey() + "' (the model has " + String.join(", ", m.species().stream().map(Species::name).toList()) + ")");
            }
            Expression compiled;
            try {
                compiled = e.getValue().compile(env);
            } catch (FormulaException ex) {
                throw new ModelException(path + ": " + ex.getMessage() + " (names: x, t, x0, the parameters, Omega, h)");
            }
            if (kind.equals("stationary") && compiled.uses(1)) throw new ModelException(path + ": a stationary law may not depend on t");
        }
    }

    /** Compiles one formula for {@link #values} arrays (slot 0 is x). */
    public static Expression compile(Model m, Formula f) { return f.compile(environment(m)); }

    /** The two maps in the order written, for writers. */
    public Map<String, Map<String, Formula>> sections() {
        Map<String, Map<String, Formula>> out = new LinkedHashMap<>();
        if (!stationary.isEmpty()) out.put("stationary", stationary);
        if (!transition.isEmpty()) out.put("transition", transition);
        return out;
    }
}
