package org.kmlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A jump process: species, parameters, system size Ω and transitions. Immutable and validated on
 * construction; every solver derives from {@link #propensities()} and {@link #jump(int)}.
 *
 * <p>Propensity convention (DESIGN.md): a mass-action reaction with reactant coefficients s_i has
 * {@code a(n) = Ω·k·Π_i (n_i)_(s_i) / Ω^(s_i)} with (n)_s the falling factorial, so
 * {@code 0→X} fires at k·Ω, {@code X→…} at k·n, {@code X+Y→…} at k·n_X·n_Y/Ω and
 * {@code 2X→…} at k·n(n−1)/Ω.
 *
 * <p>A model may carry {@link Event}s (from SBML): only the SSA simulates them; the other
 * solvers refuse such a model ({@link #hasEvents()}). Their formulas compile against
 * {@link Environment#withTime()}; propensities never read time.
 */
public final class Model {
    private final String name;
    private final String description;
    private final List<Species> species;
    private final List<Parameter> parameters;
    private final SystemSize omega;
    private final List<Reaction> reactions;
    private final Extras extras;
    private final AbsorbingSet absorbing;

    private final Environment environment;
    private final int[][] reactants;
    private final int[][] jumps;
    private final Expression[] formulas;
    private final Expression[] triggers;
    private final Expression[][] assignmentValues;
    private final int[][] assignmentSlots;

    public Model(String name, String description, List<Species> species, List<Parameter> parameters,
                 SystemSize omega, List<Reaction> reactions) {
        this(name, description, species, parameters, omega, reactions, Extras.NONE);
    }

    /**
     * What a preset may add to its network: exact reference densities (its {@code exact} section),
     * events (see {@link Event}), observables (its {@code observables}) and an absorbing set (its
     * {@code absorbing} list). The model checks each against itself.
     */
    public record Extras(ExactReference exact, List<Event> events, List<Observable> observables, AbsorbingSet absorbing) {
        public static final Extras NONE = new Extras(ExactReference.NONE, List.of(), List.of(), AbsorbingSet.NONE);

        public Extras {
            Objects.requireNonNull(exact);
            events = List.copyOf(events);
            observables = List.copyOf(observables);
            Objects.requireNonNull(absorbing);
        }

        public Extras withExact(ExactReference e) { return new Extras(e, events, observables, absorbing); }
        public Extras withObservables(List<Observable> o) { return new Extras(exact, events, o, absorbing); }
        public Extras withAbsorbing(AbsorbingSet a) { return new Extras(exact, events, observables, a); }
    }

    /** A network with its extras; everything is validated (the message names the part). */
    public Model(String name, String description, List<Species> species, List<Parameter> parameters,
                 SystemSize omega, List<Reaction> reactions, Extras extras) {
        this.extras = Objects.requireNonNull(extras);
        AbsorbingSet absorbing = extras.absorbing();
        List<Event> events = extras.events();
        List<Observable> observables = extras.observables();
        this.name = Objects.requireNonNull(name);
        this.description = description == null ? "" : description;
        this.species = List.copyOf(species);
        this.parameters = List.copyOf(parameters);
        this.omega = Objects.requireNonNull(omega);
        this.reactions = List.copyOf(reactions);

        if (this.species.isEmpty()) throw new ModelException("species: at least one species is needed");
        if (this.reactions.isEmpty()) throw new ModelException("reactions: at least one reaction is needed");
        List<String> speciesNames = new ArrayList<>();
        for (int i = 0; i < this.species.size(); i++) {
            Species s = this.species.get(i);
            checkNewName(s.name(), speciesNames, "species[" + i + "].name");
            if (!s.signed() && s.initial() < 0) throw new ModelException("species[" + i + "].initial: must be ≥ 0, got " + s.initial());
            speciesNames.add(s.name());
        }
        List<String> parameterNames = new ArrayList<>();
        List<String> taken = new ArrayList<>(speciesNames);
        for (Species s : this.species) taken.add(s.initialName());   // "X0" addresses X's initial count
        for (int i = 0; i < this.parameters.size(); i++) {
            Parameter p = this.parameters.get(i);
            String path = "parameters[" + i + "]";
            checkNewName(p.name(), taken, path + ".name");
            requireFinite(p.value(), path + ".value");
            requireFinite(p.min(), path + ".min");
            requireFinite(p.max(), path + ".max");
            if (!(p.min() <= p.max())) throw new ModelException(path + ".min: must be ≤ max, got " + Names.format(p.min()) + " > " + Names.format(p.max()));
            taken.add(p.name());
            parameterNames.add(p.name());
        }
        if (!(omega.value() > 0) || Double.isInfinite(omega.value())) throw new ModelException("omega.value: must be a finite number > 0, got " + Names.format(omega.value()));
        if (!(omega.min() > 0 && omega.min() <= omega.max()) || Double.isInfinite(omega.max())) throw new ModelException("omega: need 0 < min ≤ max, got min " + Names.format(omega.min()) + ", max " + Names.format(omega.max()));

        environment = new Environment(speciesNames, parameterNames);
        int r = this.reactions.size();
        reactants = new int[r][];
        jumps = new int[r][];
        formulas = new Expression[r];
        double[] env = baseEnvironment();
        for (int i = 0; i < this.species.size(); i++) env[i] = this.species.get(i).initial();
        for (int j = 0; j < r; j++) {
            Reaction rx = this.reactions.get(j);
            String path = "reactions[" + j + "]";
            if (rx.name() == null || rx.name().isBlank()) throw new ModelException(path + ".name: missing");
            reactants[j] = counts(rx.reactants(), speciesNames, path, rx);
            int[] products = counts(rx.products(), speciesNames, path, rx);
            jumps[j] = new int[speciesNames.size()];
            boolean moves = false;
            for (int s = 0; s < jumps[j].length; s++) {
                jumps[j][s] = products[s] - reactants[j][s];
                moves |= jumps[j][s] != 0;
            }
            if (!moves) throw new ModelException(path + ".equation: '" + rx.equation() + "' changes nothing");
            if ((rx.rate() == null) == (rx.propensity() == null)) throw new ModelException(path + ": give exactly one of 'rate' or 'propensity'");
            String key = rx.rate() != null ? "rate" : "propensity";
            if (rx.formula().hasCondition()) throw new ModelException(path + "." + key + ": a relation (<, >=, &&, …) belongs in an event's trigger, not in a " + key);
            try {
                formulas[j] = rx.formula().compile(environment);
            } catch (FormulaException e) {
                throw new ModelException(path + "." + key + ": " + e.getMessage());
            }
            double v = formulas[j].eval(env);
            if (rx.rate() != null) {
                for (int s = 0; s < speciesNames.size(); s++) {
                    if (formulas[j].uses(s)) throw new ModelException(path + ".rate: a rate is a formula of parameters; use 'propensity' for one of counts ('" + speciesNames.get(s) + "')");
                }
                if (!(v >= 0) || Double.isInfinite(v)) throw new ModelException(path + ".rate: must be ≥ 0, got " + Names.format(v) + " (reaction '" + rx.name() + "')");
            } else if (!(v >= 0) || Double.isInfinite(v)) {
                throw new ModelException(path + ".propensity: must be ≥ 0 at the initial state, got " + Names.format(v) + " (reaction '" + rx.name() + "')");
            }
        }
        int e = events.size();
        triggers = new Expression[e];
        assignmentValues = new Expression[e][];
        assignmentSlots = new int[e][];
        compileEvents(speciesNames, parameterNames);
        extras.exact().check(this);
        this.absorbing = absorbing.bind(this.species);
        List<String> names = new ArrayList<>(taken);
        for (int i = 0; i < observables.size(); i++) {
            observables.get(i).check(this, i, names);
            names.add(observables.get(i).name());
        }
    }

    private void compileEvents(List<String> speciesNames, List<String> parameterNames) {
        Environment timed = environment.withTime();
        List<String> ids = new ArrayList<>();
        List<Event> events = events();
        for (int e = 0; e < events.size(); e++) {
            Event ev = events.get(e);
            String path = "events[" + e + "]";
            if (ev.id() == null || !Names.isIdentifier(ev.id())) throw new ModelException(path + ".id: must be an identifier, got '" + ev.id() + "'");
            if (ids.contains(ev.id())) throw new ModelException(path + ".id: '" + ev.id() + "' is already used");
            ids.add(ev.id());
            path = "event '" + ev.id() + "'";
            if (speciesNames.contains(Environment.TIME) || parameterNames.contains(Environment.TIME)) {
                throw new ModelException(path + ": 'time' is the model time in an event; rename the species or parameter called 'time'");
            }
            try {
                triggers[e] = ev.trigger().compile(timed);
            } catch (FormulaException x) {
                throw new ModelException(path + ".trigger: " + x.getMessage());
            }
            if (ev.assignments().isEmpty()) throw new ModelException(path + ": assigns nothing");
            int a = ev.assignments().size();
            assignmentValues[e] = new Expression[a];
            assignmentSlots[e] = new int[a];
            List<String> targets = new ArrayList<>();
            for (int k = 0; k < a; k++) {
                Event.Assignment as = ev.assignments().get(k);
                String v = as.variable();
                if (targets.contains(v)) throw new ModelException(path + ": assigns '" + v + "' twice");
                targets.add(v);
                int slot = speciesNames.contains(v) || parameterNames.contains(v) ? environment.slotOf(v) : -1;
                if (slot < 0) {
                    throw new ModelException(path + ": '" + v + "' is no species or parameter"
                            + (Environment.OMEGA.equals(v) || Environment.H.equals(v) || Environment.TIME.equals(v) ? " (an event cannot change " + v + ")" : ""));
                }
                if (as.value().hasCondition()) throw new ModelException(path + ": the value of '" + v + "' is a condition, not a number");
                try {
                    assignmentValues[e][k] = as.value().compile(timed);
                } catch (FormulaException x) {
                    throw new ModelException(path + ": the value of '" + v + "': " + x.getMessage());
                }
                assignmentSlots[e][k] = slot;
            }
        }
    }

    /** Coefficients by species index; a name that is no species of the model is an error at the reaction's equation. */
    private static int[] counts(java.util.Map<String, Integer> side, List<String> species, String path, Reaction rx) {
        int[] out = new int[species.size()];
        for (var e : side.entrySet()) {
            int i = species.indexOf(e.getKey());
            if (i < 0) throw new ModelException(path + ".equation: unknown species '" + e.getKey() + "' in '" + rx.equation() + "'");
            out[i] += e.getValue();
        }
        return out;
    }

    private static void checkNewName(String n, List<String> taken, String path) {
        if (taken.contains(n)) throw new ModelException(path + ": '" + n + "' is already used");
        if (Environment.OMEGA.equals(n) || Environment.H.equals(n)) throw new ModelException(path + ": '" + n + "' is reserved");
    }

    private static void requireFinite(double v, String path) {
        if (!Double.isFinite(v)) throw new ModelException(path + ": must be a finite number, got " + v);
    }

    public String name() { return name; }
    public String description() { return description; }
    public List<Species> species() { return species; }
    public List<Parameter> parameters() { return parameters; }
    public SystemSize omega() { return omega; }
    public List<Reaction> reactions() { return reactions; }
    /** Exact reference densities declared by the preset ({@link ExactReference#NONE} if none). */
    public ExactReference exact() { return extras.exact(); }

    /** A copy with these exact references; validated. */
    public Model withExact(ExactReference e) { return new Model(name, description, species, parameters, omega, reactions, extras.withExact(e)); }

    /** The events, in the order they fire when due at one moment (empty for most models). */
    public List<Event> events() { return extras.events(); }

    public boolean hasEvents() { return !extras.events().isEmpty(); }

    /** Event e's trigger, compiled for {@link Environment#withTime()}: true when not 0 ({@link Expression#isTrue}). */
    public Expression trigger(int e) { return triggers[e]; }

    /** The value of event e's assignment k, compiled for {@link Environment#withTime()}. */
    public Expression assignmentValue(int e, int k) { return assignmentValues[e][k]; }

    /** The environment slot (a species count or a parameter) event e's assignment k sets. */
    public int assignmentSlot(int e, int k) { return assignmentSlots[e][k]; }

    /** Named linear combinations of species to show beside them ({@link Observable}); empty if none. */
    public List<Observable> observables() { return extras.observables(); }

    /** Each observable's coefficients by species index ({@code [k][s]}), for solvers. */
    public int[][] observableWeights() {
        int[][] w = new int[observables().size()][];
        for (int k = 0; k < w.length; k++) w[k] = observables().get(k).weights(this);
        return w;
    }

    /** A copy with these observables; validated. */
    public Model withObservables(List<Observable> o) { return new Model(name, description, species, parameters, omega, reactions, extras.withObservables(o)); }

    /** The states where trajectories stop ({@link AbsorbingSet#NONE} if none), its species resolved. */
    public AbsorbingSet absorbing() { return absorbing; }

    /** A copy with this absorbing set; validated. */
    public Model withAbsorbing(AbsorbingSet a) { return new Model(name, description, species, parameters, omega, reactions, extras.withAbsorbing(a)); }
    public Environment environment() { return environment; }
    public int speciesCount() { return species.size(); }
    public int reactionCount() { return reactions.size(); }

    /** Ω, the system size. */
    public double size() { return omega.value(); }

    /** Jump vector ν_r (a copy). */
    public int[] jump(int r) { return jumps[r].clone(); }

    /** Reactant coefficients of reaction r (a copy). */
    public int[] reactants(int r) { return reactants[r].clone(); }

    /** Initial counts. */
    public long[] initialCounts() {
        long[] n = new long[species.size()];
        for (int i = 0; i < n.length; i++) n[i] = species.get(i).initial();
        return n;
    }

    /** Initial state in x units (n/Ω). */
    public double[] initialX() {
        double[] x = new double[species.size()];
        for (int i = 0; i < x.length; i++) x[i] = species.get(i).initial() / size();
        return x;
    }

    public double parameter(String n) {
        for (Parameter p : parameters) if (p.name().equals(n)) return p.value();
        throw new ModelException("unknown parameter '" + n + "'");
    }

    /** A fresh environment with parameters, Ω and h filled in and counts zero. */
    public double[] baseEnvironment() {
        double[] env = new double[environment.size()];
        for (int p = 0; p < parameters.size(); p++) env[environment.parameterSlot(p)] = parameters.get(p).value();
        env[environment.omegaSlot()] = size();
        env[environment.hSlot()] = 1.0 / size();
        return env;
    }

    /** Compiled propensities for the current parameter values. */
    public Propensities propensities() {
        return new Propensities(this, reactants, jumps, formulas);
    }

    /** Names accepted by {@link #with(String, double)}: parameters, {@code Omega}, {@code X0}… */
    public List<String> settableNames() {
        List<String> names = new ArrayList<>();
        for (Parameter p : parameters) names.add(p.name());
        names.add(Environment.OMEGA);
        for (Species s : species) names.add(s.initialName());
        return names;
    }

    /** A copy with one parameter, Ω ("Omega") or an initial count ("X0") changed; validated. */
    public Model with(String settable, double value) {
        if (Double.isNaN(value)) throw new ModelException(settable + ": must be a number, got NaN");
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(settable)) {
                List<Parameter> ps = new ArrayList<>(parameters);
                ps.set(i, ps.get(i).withValue(value));
                return new Model(name, description, species, ps, omega, reactions, extras);
            }
        }
        if (Environment.OMEGA.equals(settable)) {
            return new Model(name, description, species, parameters, omega.withValue(value), reactions, extras);
        }
        for (int i = 0; i < species.size(); i++) {
            Species s = species.get(i);
            if (s.initialName().equals(settable)) {
                if (value != Math.rint(value)) throw new ModelException(settable + ": an initial count must be a whole number, got " + Names.format(value));
                if (Math.abs(value) > 1e15) throw new ModelException(settable + ": an initial count must be at most 10^15 in size, got " + Names.format(value));
                List<Species> ss = new ArrayList<>(species);
                ss.set(i, new Species(s.name(), (long) value, s.signed()));
                return new Model(name, description, ss, parameters, omega, reactions, extras);
            }
        }
        throw new ModelException("unknown parameter '" + settable + "' (known: " + String.join(", ", settableNames()) + ")");
    }

    /**
     * This model at system size {@code omega} with the same initial state in x units: every
     * initial count becomes round(x₀·Ω). The system-size expansion compares systems of one
     * macroscopic state, so a sweep over Ω starts each from the same x₀ (a count kept fixed would
     * start the logistic at x₀ = 3.3 at Ω = 3 and at 0.1 at Ω = 100).
     */
    public Model atSystemSize(double omega) {
        double[] x0 = initialX();
        Model m = with(Environment.OMEGA, omega);
        for (int i = 0; i < species.size(); i++) m = m.with(species.get(i).initialName(), Math.round(x0[i] * omega));
        return m;
    }

    /** Current value of a settable name. */
    public double valueOf(String settable) {
        for (Parameter p : parameters) if (p.name().equals(settable)) return p.value();
        if (Environment.OMEGA.equals(settable)) return size();
        for (Species s : species) if (s.initialName().equals(settable)) return s.initial();
        throw new ModelException("unknown parameter '" + settable + "'");
    }

    /** Reaction r's equation with the species in the model's order, e.g. {@code "X + Y -> 2 Y"} ({@code 0} for nothing). */
    public String equation(int r) {
        return side(reactants[r]) + " -> " + side(products(r));
    }

    private int[] products(int r) {
        int[] p = new int[jumps[r].length];
        for (int s = 0; s < p.length; s++) p[s] = reactants[r][s] + jumps[r][s];
        return p;
    }

    private String side(int[] counts) {
        List<String> terms = new ArrayList<>();
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) terms.add(counts[s] == 1 ? species.get(s).name() : counts[s] + " " + species.get(s).name());
        }
        return terms.isEmpty() ? "0" : String.join(" + ", terms);
    }

    /**
     * Reaction r written for people, e.g. {@code "birth: ∅ → X  at k1·Ω"}; a step of lattice
     * coordinates (signed species) as its jump, e.g. {@code "step right: X → X + 1  at D/(2·h²) + …"}.
     */
    public String describe(int r) {
        return reactions.get(r).name() + ": " + transition(r) + "  at " + ReactionText.propensityText(this, r);
    }

    private String transition(int r) {
        boolean walk = true;
        for (int s = 0; s < jumps[r].length; s++) if (jumps[r][s] != 0 || reactants[r][s] != 0) walk &= species.get(s).signed();
        if (!walk) return equation(r).replace("->", "→").replaceAll("(^|\\s)0(\\s|$)", "$1∅$2");
        List<String> moves = new ArrayList<>();
        for (int s = 0; s < jumps[r].length; s++) {
            int j = jumps[r][s];
            if (j == 0) continue;
            String n = species.get(s).name();
            moves.add(n + " → " + n + (j > 0 ? " + " : " − ") + Math.abs(j));
        }
        return String.join(", ", moves);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Model)) return false;
        Model m = (Model) o;
        return name.equals(m.name) && description.equals(m.description) && species.equals(m.species)
                && parameters.equals(m.parameters) && omega.equals(m.omega) && reactions.equals(m.reactions) && exact().equals(m.exact()) && events().equals(m.events())
                && observables().equals(m.observables()) && absorbing.equals(m.absorbing);
    }

    @Override public int hashCode() { return Objects.hash(name, species, parameters, omega, reactions); }

    @Override public String toString() { return "Model[" + name + "]"; }
}
