package org.kmlab.model;

import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AlgebraicRule;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLReader;
import org.sbml.jsbml.SpeciesReference;

import javax.xml.stream.XMLStreamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an SBML Level 2 or 3 core model into a kmlab {@link Model} whose propensities are the
 * SBML kinetic laws exactly, in molecules per unit time (the convention of the SBML stochastic
 * test suite: a kinetic law is the propensity of its reaction).
 *
 * <p>The mapping: Ω = 1 unless the model has a constant global parameter {@code Omega} (what
 * {@link SbmlExport} writes), so x = n is the copy number. Every reaction becomes a kmlab
 * reaction with a whole {@code propensity}: its kinetic law, with a species symbol replaced by its
 * amount (a count) when the species has only substance units or lives in a 0-dimensional
 * compartment, else by amount / compartment size (the concentration SBML means). Species that
 * are boundary conditions or constant become parameters holding their amount (reactions never
 * change them). Compartments, global parameters and local parameters (as
 * {@code reaction_parameter}) become parameters; parameters and species with assignment rules are
 * replaced by their rule, function definitions are inlined, and initial assignments are evaluated
 * once at t = 0. An initial amount must be a whole number of molecules. A species whose rule is a
 * whole-number combination of counts is also an {@link Observable}; a piecewise whose values are
 * numbers becomes a sum of step indicators.
 *
 * <p>Events become kmlab {@link Event}s (only the SSA runs them): the trigger (relations, and, or,
 * not, time) with its {@code initialValue} and {@code persistent} (Level 2 has neither: both true,
 * the Level 2 semantics), {@code useValuesFromTriggerTime} (true when unset), and assignments to
 * species (an amount, or a concentration times the compartment size) and to non-constant
 * parameters or boundary species. Events due at one moment fire in document order.
 *
 * <p>Refused by name (a {@link ModelException}): events with a delay or a priority, event
 * assignments to compartments or constants, rate rules, algebraic rules, delays, fast
 * reactions, kinetic laws or rules that read time, stoichiometry given by math, and any MathML the
 * kmlab {@link Formula} cannot express (a piecewise of formulas, trigonometry, floor, …).
 */
public final class SbmlImport {
    /** The value of SBML Level 3's avogadro csymbol. */
    static final double AVOGADRO = 6.02214179e23;
    /** Marks kmlab's own annotations (a signed species) in the files {@link SbmlExport} writes. */
    static final String KMLAB_NS = "https://kmlab.org/sbml/1";

    private final SBMLDocument doc;
    private final org.sbml.jsbml.Model sm;
    private final String id;
    private final Map<String, ASTNode> assignmentRules = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();          // SBML id → kmlab name
    private final Set<String> taken = new HashSet<>();
    private final Set<String> stateSpecies = new LinkedHashSet<>();
    private final Set<String> fixedSpecies = new LinkedHashSet<>();
    private final Set<String> ruleSpecies = new LinkedHashSet<>();   // species set by an assignment rule

    private SbmlImport(SBMLDocument doc, String id) {
        this.doc = doc;
        this.sm = doc.getModel();
        this.id = id;
    }

    /**
     * The model in an SBML document's text.
     *
     * @throws ModelException not SBML, or a part kmlab cannot simulate exactly (named)
     */
    public static Preset read(String text, String id) {
        if (text.isBlank()) throw new ModelException("not readable as SBML: the file is empty");
        SBMLDocument doc;
        try {
            doc = SBMLReader.read(text);
        } catch (XMLStreamException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
            throw new ModelException("not readable as SBML: " + (text.contains("<sbml") ? m : "no <sbml> element (" + m + ")"));
        }
        if (doc == null || !doc.isSetModel()) throw new ModelException("no <model> in the SBML document");
        return new SbmlImport(doc, id).convert();
    }

    private Preset convert() {
        refuseWhatCannotBeSimulated();
        classifySpecies();
        Map<String, Double> initial = initialValues();

        // kmlab names: species first, then parameters (which must not hide "X0" names)
        for (String s : stateSpecies) names.put(s, fresh(s));
        for (String s : stateSpecies) taken.add(names.get(s) + "0");
        boolean hasOmega = sm.getParameter(Environment.OMEGA) != null && !assignmentRules.containsKey(Environment.OMEGA);
        if (hasOmega) names.put(Environment.OMEGA, Environment.OMEGA);
        for (String s : fixedSpecies) names.put(s, fresh(s));
        for (Compartment c : sm.getListOfCompartments()) if (!assignmentRules.containsKey(c.getId())) names.put(c.getId(), fresh(c.getId()));
        for (org.sbml.jsbml.Parameter p : sm.getListOfParameters()) {
            if (!assignmentRules.containsKey(p.getId()) && !p.getId().equals(Environment.OMEGA)) names.put(p.getId(), fresh(p.getId()));
        }

        String modelName = sm.isSetName() && !sm.getName().isBlank() ? sm.getName() : sm.isSetId() ? sm.getId() : id;
        ModelBuilder b = ModelBuilder.named(modelName)
                .description("Imported from SBML Level " + doc.getLevel() + " Version " + doc.getVersion()
                        + "; propensities are the kinetic laws in molecules per unit time.");
        for (String s : stateSpecies) {
            org.sbml.jsbml.Species sp = sm.getSpecies(s);
            double v = initial.get(s);
            long n = Math.round(v);
            if (!Double.isFinite(v) || Math.abs(v - n) > 1e-9 * Math.max(1, Math.abs(v)) || Math.abs(v) > 1e15) {
                throw new ModelException("species '" + s + "': the initial amount " + Names.format(v) + " is not a whole number of molecules");
            }
            if (n < 0 || signedByAnnotation(sp)) b.signedSpecies(names.get(s), n);
            else b.species(names.get(s), n);
        }

        List<Reaction> reactions = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (org.sbml.jsbml.Reaction r : sm.getListOfReactions()) {
            Reaction rx = reaction(r, b);
            if (rx != null) {
                reactions.add(rx);
                used.addAll(rx.propensity().names());
            }
        }
        List<Event> events = events();
        for (Event e : events) {
            used.addAll(e.trigger().names());
            for (Event.Assignment a : e.assignments()) {
                used.add(a.variable());
                used.addAll(a.value().names());
            }
        }
        if (hasOmega) {
            double omega = initial.get(Environment.OMEGA);
            b.omega(omega, Math.min(1, omega), Math.max(1000, omega));
        }
        // global parameters always (they are the model's knobs); compartments and boundary species when read
        for (String s : fixedSpecies) if (used.contains(names.get(s))) b.parameter(names.get(s), initial.get(s));
        for (Compartment c : sm.getListOfCompartments()) {
            String n = names.get(c.getId());
            if (n != null && used.contains(n)) b.parameter(n, finite(initial.get(c.getId()), "compartment '" + c.getId() + "': size"));
        }
        for (org.sbml.jsbml.Parameter p : sm.getListOfParameters()) {
            String n = names.get(p.getId());
            if (n == null || n.equals(Environment.OMEGA)) continue;
            double v = initial.get(p.getId());
            if (Double.isNaN(v) && !used.contains(n)) continue;   // an unset, unused parameter
            b.parameter(n, finite(v, "parameter '" + p.getId() + "': value"));
        }
        for (Map.Entry<String, Double> local : localParameters.entrySet()) {
            if (used.contains(local.getKey())) b.parameter(local.getKey(), local.getValue());
        }
        for (Reaction rx : reactions) b.propensity(rx.name(), rx.reactants(), rx.products(), rx.propensity());
        if (reactions.isEmpty()) throw new ModelException("no reaction changes a species (boundary and constant species stay fixed)");
        for (Event e : events) b.event(e);
        for (Observable o : ruleObservables(initial)) b.observable(o);
        Model model = b.build();
        List<String> solvers = model.hasEvents() ? List.of("ssa")   // only the SSA runs events
                : model.speciesCount() <= 2 ? List.of("ssa", "cme", "fp") : List.of("ssa", "cle", "lna");
        return new Preset(id, model, RunSettings.defaults().withSolvers(solvers));
    }

    private final Map<String, Double> localParameters = new LinkedHashMap<>();

    private static double finite(double v, String what) {
        if (!Double.isFinite(v)) throw new ModelException(what + " is not set (or not finite)");
        return v;
    }

    private String fresh(String sbmlId) {
        String n = sbmlId;
        while (taken.contains(n) || Environment.OMEGA.equals(n) || Environment.H.equals(n) || Environment.TIME.equals(n)) n = n + "_";
        taken.add(n);
        return n;
    }

    private void refuseWhatCannotBeSimulated() {
        for (int k = 0; k < sm.getEventCount(); k++) {
            org.sbml.jsbml.Event ev = sm.getEvent(k);
            String where = "event '" + eventId(ev, k) + "'";
            if (ev.isSetDelay()) throw new ModelException(where + ": delays are not supported (kmlab fires events at the moment the trigger turns true)");
            if (ev.isSetPriority()) throw new ModelException(where + ": priorities are not supported (events due at one moment fire in document order)");
        }
        for (Rule rule : sm.getListOfRules()) {
            if (rule instanceof AlgebraicRule) throw new ModelException("algebraic rules are not supported (" + label(rule.getMetaId()) + ")");
            if (rule instanceof RateRule rr) throw new ModelException("rate rule on " + kindOf(rr.getVariable()) + " '" + rr.getVariable() + "' is not supported");
            if (rule instanceof AssignmentRule ar) {
                if (!ar.isSetMath()) throw new ModelException("assignment rule on '" + ar.getVariable() + "' has no math");
                assignmentRules.put(ar.getVariable(), ar.getMath());
            }
        }
        for (org.sbml.jsbml.Reaction r : sm.getListOfReactions()) {
            if (r.isSetFast() && r.getFast()) throw new ModelException("reaction '" + r.getId() + "': fast reactions are not supported");
        }
    }

    private static String label(String s) { return s == null || s.isEmpty() ? "unnamed" : s; }

    private String kindOf(String sbmlId) {
        if (sm.getSpecies(sbmlId) != null) return "species";
        if (sm.getCompartment(sbmlId) != null) return "compartment";
        if (sm.getParameter(sbmlId) != null) return "parameter";
        return "symbol";
    }

    private void classifySpecies() {
        Set<String> changed = new HashSet<>();
        for (org.sbml.jsbml.Reaction r : sm.getListOfReactions()) {
            for (SpeciesReference ref : r.getListOfReactants()) changed.add(ref.getSpecies());
            for (SpeciesReference ref : r.getListOfProducts()) changed.add(ref.getSpecies());
        }
        for (org.sbml.jsbml.Species s : sm.getListOfSpecies()) {
            String sid = s.getId();
            if (!s.isSetCompartment() || s.getCompartment().isBlank()) throw new ModelException("species '" + sid + "' has no compartment");
            if (sm.getCompartment(s.getCompartment()) == null) throw new ModelException("species '" + sid + "': compartment '" + s.getCompartment() + "' does not exist");
            boolean fixed = s.getBoundaryCondition() || s.getConstant();
            if (assignmentRules.containsKey(sid)) {
                if (!fixed && changed.contains(sid)) throw new ModelException("species '" + sid + "': an assignment rule on a species that reactions change is not supported");
                ruleSpecies.add(sid);
                continue;
            }
            (fixed ? fixedSpecies : stateSpecies).add(sid);
        }
        if (stateSpecies.isEmpty()) throw new ModelException("no species that reactions change");
    }

    /** True when a species symbol in math means amount / compartment size. */
    private boolean byConcentration(org.sbml.jsbml.Species s) {
        return !s.getHasOnlySubstanceUnits() && sm.getCompartment(s.getCompartment()).getSpatialDimensions() != 0;
    }

    private static boolean signedByAnnotation(org.sbml.jsbml.Species s) {
        if (!s.isSetAnnotation() || !s.getAnnotation().isSetNonRDFannotation()) return false;
        String a = s.getAnnotation().getNonRDFannotationAsString();
        return a.contains(KMLAB_NS) && a.contains("signed=\"true\"");
    }

    // ---- species set by assignment rules -------------------------------------------------------

    /**
     * A species whose assignment rule is, in amounts, a whole-number combination of the simulated
     * species (e.g. DSMTS 00019's y = 2·X) becomes an {@link Observable} of the same name, so its
     * law is shown and written like a species'; other rule species are only read by the laws.
     */
    private List<Observable> ruleObservables(Map<String, Double> initial) {
        Map<String, Double> constants = new HashMap<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (!stateSpecies.contains(e.getKey()) && initial.containsKey(e.getKey())) constants.put(e.getValue(), initial.get(e.getKey()));
        }
        Set<String> state = new HashSet<>();
        for (String s : stateSpecies) state.add(names.get(s));
        List<Observable> out = new ArrayList<>();
        for (String sid : ruleSpecies) {
            org.sbml.jsbml.Species sp = sm.getSpecies(sid);
            String where = "assignment rule on '" + sid + "'";
            Formula value = runtimeSymbol(sid, where, new HashSet<>());
            if (byConcentration(sp)) value = Formula.apply("*", value, runtimeSymbol(sp.getCompartment(), where, new HashSet<>()));
            Map<String, Double> linear = linear(value, state, constants);
            if (linear == null || Math.abs(linear.getOrDefault("", 0.0)) > 1e-9) continue;
            Map<String, Integer> coefficients = new LinkedHashMap<>();
            boolean whole = true;
            for (String s : stateSpecies) {
                double c = linear.getOrDefault(names.get(s), 0.0);
                long n = Math.round(c);
                if (Math.abs(c - n) > 1e-9 * Math.max(1, Math.abs(c)) || Math.abs(n) > 1_000_000) whole = false;
                else if (n != 0) coefficients.put(names.get(s), (int) n);
            }
            if (whole && !coefficients.isEmpty()) out.add(new Observable(fresh(sid), coefficients));
        }
        return out;
    }

    /**
     * A formula as Σ c_i·name_i + c ("" holds c) when it is linear in the names of {@code state}
     * with every other name a constant of {@code constants}; null otherwise.
     */
    private static Map<String, Double> linear(Formula f, Set<String> state, Map<String, Double> constants) {
        Formula.Node n = f.tree();
        Map<String, Double> out = new HashMap<>();
        if (java.util.Collections.disjoint(f.names(), state)) {
            if (!constants.keySet().containsAll(f.names())) return null;
            out.put("", evaluate(f, constants));
            return out;
        }
        if (n.isName()) {
            out.put(n.name(), 1.0);
            return out;
        }
        List<Map<String, Double>> a = new ArrayList<>();
        for (Formula.Node c : n.args()) {
            Map<String, Double> l = linear(c.f(), state, constants);
            if (l == null) return null;
            a.add(l);
        }
        switch (n.name()) {
            case "+", "-" -> {
                double sign = n.name().equals("-") ? -1 : 1;
                out.putAll(a.get(0));
                a.get(1).forEach((k, v) -> out.merge(k, sign * v, Double::sum));
            }
            case "neg" -> a.get(0).forEach((k, v) -> out.put(k, -v));
            case "*" -> {
                Map<String, Double> x = a.get(0), y = a.get(1);
                if (x.keySet().equals(Set.of(""))) y.forEach((k, v) -> out.put(k, x.get("") * v));
                else if (y.keySet().equals(Set.of(""))) x.forEach((k, v) -> out.put(k, y.get("") * v));
                else return null;
            }
            case "/" -> {
                if (!a.get(1).keySet().equals(Set.of(""))) return null;
                a.get(0).forEach((k, v) -> out.put(k, v / a.get(1).get("")));
            }
            default -> { return null; }
        }
        return out;
    }

    // ---- events ---------------------------------------------------------------------------------

    private static String eventId(org.sbml.jsbml.Event ev, int k) {
        return ev.isSetId() && !ev.getId().isBlank() ? ev.getId() : "event" + (k + 1);
    }

    /** The SBML events as kmlab events, in document order. */
    private List<Event> events() {
        List<Event> out = new ArrayList<>();
        for (int k = 0; k < sm.getEventCount(); k++) {
            org.sbml.jsbml.Event ev = sm.getEvent(k);
            String eid = eventId(ev, k);
            String where = "event '" + eid + "'";
            if (!ev.isSetTrigger() || !ev.getTrigger().isSetMath()) throw new ModelException(where + " has no trigger");
            org.sbml.jsbml.Trigger tr = ev.getTrigger();
            Function<String, Formula> symbol = s -> runtimeSymbol(s, where, new HashSet<>());
            Formula trigger = eventMath(tr.getMath(), symbol, where + ": trigger");
            if (!trigger.isCondition()) trigger = Formula.apply("!=", trigger, Formula.number(0));
            // Level 2 has neither attribute: its events behave as initialValue = persistent = true
            boolean initial = !tr.isSetInitialValue() || tr.getInitialValue();
            boolean persistent = !tr.isSetPersistent() || tr.getPersistent();
            boolean fromTriggerTime = !ev.isSetUseValuesFromTriggerTime() || ev.getUseValuesFromTriggerTime();
            List<Event.Assignment> assignments = new ArrayList<>();
            for (org.sbml.jsbml.EventAssignment ea : ev.getListOfEventAssignments()) {
                String v = ea.getVariable();
                String what = where + ": assignment to '" + v + "'";
                if (!ea.isSetMath()) throw new ModelException(what + " has no math");
                Formula value = eventMath(ea.getMath(), symbol, what);
                assignments.add(new Event.Assignment(eventTarget(v, what), amountAt(v, value, where)));
            }
            if (assignments.isEmpty()) throw new ModelException(where + " assigns nothing");
            out.add(new Event(eid, trigger, initial, persistent, fromTriggerTime, assignments));
        }
        return out;
    }

    private Formula eventMath(ASTNode math, Function<String, Formula> symbol, String where) {
        timeIsSymbol = true;
        try {
            return convert(math, symbol, Map.of(), where, false);
        } finally {
            timeIsSymbol = false;
        }
    }

    /** The kmlab name an event may set: a species' count, a non-constant parameter or boundary species. */
    private String eventTarget(String v, String what) {
        if (assignmentRules.containsKey(v)) throw new ModelException(what + ": it has an assignment rule");
        org.sbml.jsbml.Species sp = sm.getSpecies(v);
        if (sp != null) {
            if (sp.getConstant()) throw new ModelException(what + ": the species is constant");
            return names.get(v);
        }
        if (sm.getCompartment(v) != null) throw new ModelException(what + ": changing a compartment's size is not supported");
        org.sbml.jsbml.Parameter p = sm.getParameter(v);
        if (p != null) {
            if (v.equals(Environment.OMEGA)) throw new ModelException(what + ": the system size Omega cannot change during a run");
            if (p.getConstant()) throw new ModelException(what + ": the parameter is constant");
            return names.get(v);
        }
        if (isSpeciesReference(v)) throw new ModelException(what + ": changing a stoichiometry is not supported");
        throw new ModelException(what + ": no species or parameter has this id");
    }

    /** A species set by concentration gets amount = concentration · compartment size. */
    private Formula amountAt(String v, Formula value, String where) {
        org.sbml.jsbml.Species sp = sm.getSpecies(v);
        if (sp == null || !byConcentration(sp)) return value;
        return Formula.apply("*", value, runtimeSymbol(sp.getCompartment(), where, new HashSet<>()));
    }

    /** True while converting an event's math: {@code time} is then the symbol {@link Environment#TIME}. */
    private boolean timeIsSymbol;

    // ---- values at t = 0 ----------------------------------------------------------------------

    /**
     * Every compartment size, parameter value and species amount at t = 0 by SBML id, after the
     * initial assignments and assignment rules (evaluated in the order their inputs allow).
     */
    private Map<String, Double> initialValues() {
        Map<String, Double> values = new HashMap<>();
        Map<String, Formula> pending = new LinkedHashMap<>();   // amount-valued formulas of SBML ids
        for (Compartment c : sm.getListOfCompartments()) {
            values.put(c.getId(), c.isSetSize() ? c.getSize() : doc.getLevel() < 3 ? 1.0 : Double.NaN);
        }
        for (org.sbml.jsbml.Parameter p : sm.getListOfParameters()) values.put(p.getId(), p.isSetValue() ? p.getValue() : Double.NaN);
        for (org.sbml.jsbml.Reaction r : sm.getListOfReactions()) {
            for (SpeciesReference ref : r.getListOfReactants()) if (ref.isSetId()) values.put(ref.getId(), stoichiometryOf(r, ref));
            for (SpeciesReference ref : r.getListOfProducts()) if (ref.isSetId()) values.put(ref.getId(), stoichiometryOf(r, ref));
        }
        Function<String, Formula> symbol = this::initialSymbol;
        for (org.sbml.jsbml.Species s : sm.getListOfSpecies()) {
            if (s.isSetInitialAmount()) values.put(s.getId(), s.getInitialAmount());
            else if (s.isSetInitialConcentration()) pending.put(s.getId(), Formula.apply("*", Formula.number(s.getInitialConcentration()), Formula.name(s.getCompartment())));
            else values.put(s.getId(), Double.NaN);
        }
        for (InitialAssignment ia : sm.getListOfInitialAssignments()) {
            String v = ia.getVariable();
            values.remove(v);
            pending.put(v, amountOf(v, convert(ia.getMath(), symbol, Map.of(), "initial assignment to '" + v + "'", true)));
        }
        for (Map.Entry<String, ASTNode> rule : assignmentRules.entrySet()) {
            String v = rule.getKey();
            values.remove(v);
            pending.put(v, amountOf(v, convert(rule.getValue(), symbol, Map.of(), "assignment rule on '" + v + "'", true)));
        }
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!values.keySet().containsAll(e.getValue().names())) continue;
                values.put(e.getKey(), evaluate(e.getValue(), values));
                it.remove();
                progress = true;
            }
            if (!progress) {
                var e = pending.entrySet().iterator().next();
                Set<String> missing = new LinkedHashSet<>(e.getValue().names());
                missing.removeAll(values.keySet());
                throw new ModelException("the initial value of '" + e.getKey() + "' depends on " + String.join(", ", missing)
                        + (pending.keySet().containsAll(missing) ? " (a cycle of assignments)" : ", which is not defined"));
            }
        }
        return values;
    }

    /** The amount of a species given a formula of its concentration; other symbols unchanged. */
    private Formula amountOf(String sbmlId, Formula value) {
        org.sbml.jsbml.Species s = sm.getSpecies(sbmlId);
        return s != null && byConcentration(s) ? Formula.apply("*", value, Formula.name(s.getCompartment())) : value;
    }

    /** At t = 0 a symbol is its SBML id (species as amounts) or a species' concentration. */
    private Formula initialSymbol(String sbmlId) {
        org.sbml.jsbml.Species s = sm.getSpecies(sbmlId);
        if (s != null) return byConcentration(s) ? Formula.apply("/", Formula.name(sbmlId), Formula.name(s.getCompartment())) : Formula.name(sbmlId);
        if (sm.getCompartment(sbmlId) != null || sm.getParameter(sbmlId) != null || isSpeciesReference(sbmlId)) return Formula.name(sbmlId);
        throw new ModelException("unknown symbol '" + sbmlId + "'");
    }

    private boolean isSpeciesReference(String sbmlId) {
        for (org.sbml.jsbml.Reaction r : sm.getListOfReactions()) {
            for (SpeciesReference ref : r.getListOfReactants()) if (sbmlId.equals(ref.getId())) return true;
            for (SpeciesReference ref : r.getListOfProducts()) if (sbmlId.equals(ref.getId())) return true;
        }
        return false;
    }

    /** The value of a formula whose names are all in {@code values}. */
    static double evaluate(Formula f, Map<String, Double> values) {
        Formula.Node n = f.tree();
        if (n.isNumber()) return n.value();
        if (n.isName()) return values.get(n.name());
        List<Double> a = new ArrayList<>();
        for (Formula.Node c : n.args()) a.add(evaluate(c.f(), values));
        return switch (n.name()) {
            case "+" -> a.get(0) + a.get(1);
            case "-" -> a.get(0) - a.get(1);
            case "*" -> a.get(0) * a.get(1);
            case "/" -> a.get(0) / a.get(1);
            case "^" -> Math.pow(a.get(0), a.get(1));
            case "neg" -> -a.get(0);
            case "min" -> Math.min(a.get(0), a.get(1));
            case "max" -> Math.max(a.get(0), a.get(1));
            case "abs" -> Math.abs(a.get(0));
            case "exp" -> Math.exp(a.get(0));
            case "log" -> Math.log(a.get(0));
            case "sqrt" -> Math.sqrt(a.get(0));
            case "<" -> a.get(0) < a.get(1) ? 1 : 0;
            case "<=" -> a.get(0) <= a.get(1) ? 1 : 0;
            case ">" -> a.get(0) > a.get(1) ? 1 : 0;
            case ">=" -> a.get(0) >= a.get(1) ? 1 : 0;
            case "==" -> a.get(0).doubleValue() == a.get(1).doubleValue() ? 1 : 0;
            case "!=" -> a.get(0).doubleValue() != a.get(1).doubleValue() ? 1 : 0;
            case "&&" -> Expression.isTrue(a.get(0)) && Expression.isTrue(a.get(1)) ? 1 : 0;
            case "||" -> Expression.isTrue(a.get(0)) || Expression.isTrue(a.get(1)) ? 1 : 0;
            case "!" -> Expression.isTrue(a.get(0)) ? 0 : 1;
            default -> throw new IllegalStateException(n.name());
        };
    }

    // ---- reactions ------------------------------------------------------------------------------

    /** The kmlab reaction, or null when it changes no species that reactions may change. */
    private Reaction reaction(org.sbml.jsbml.Reaction r, ModelBuilder b) {
        String rid = r.getId();
        String where = "reaction '" + rid + "'";
        if (!r.isSetKineticLaw() || !r.getKineticLaw().isSetMath()) throw new ModelException(where + " has no kinetic law");
        Map<String, Integer> reactants = side(r, r.getListOfReactants(), where);
        Map<String, Integer> products = side(r, r.getListOfProducts(), where);
        boolean moves = false;
        for (String s : stateSpecies) moves |= !reactants.getOrDefault(names.get(s), 0).equals(products.getOrDefault(names.get(s), 0));
        if (!moves) return null;

        KineticLaw law = r.getKineticLaw();
        Map<String, Formula> locals = new HashMap<>();
        for (LocalParameter lp : law.getListOfLocalParameters()) {
            String n = fresh(rid + "_" + lp.getId());
            if (!lp.isSetValue()) throw new ModelException(where + ": local parameter '" + lp.getId() + "' has no value");
            localParameters.put(n, lp.getValue());
            locals.put(lp.getId(), Formula.name(n));
        }
        Formula propensity = convert(law.getMath(), s -> locals.containsKey(s) ? locals.get(s) : runtimeSymbol(s, where, new HashSet<>()), Map.of(), where + ": kinetic law", false);
        if (propensity.hasCondition()) throw new ModelException(where + ": kinetic law: relations and logic (gt, and, …) are supported only in event triggers");
        String name = r.isSetName() && !r.getName().isBlank() ? r.getName() : rid;
        return Reaction.withPropensity(name, reactants, products, propensity);
    }

    private Map<String, Integer> side(org.sbml.jsbml.Reaction r, List<SpeciesReference> refs, String where) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SpeciesReference ref : refs) {
            String s = ref.getSpecies();
            if (sm.getSpecies(s) == null) throw new ModelException(where + ": species '" + s + "' does not exist");
            if (!stateSpecies.contains(s)) continue;   // boundary, constant: held fixed
            double v = stoichiometryOf(r, ref);
            if (v != Math.rint(v) || v < 0 || v > 1e6) throw new ModelException(where + ": the stoichiometry of '" + s + "' must be a whole number ≥ 0, got " + Names.format(v));
            out.merge(names.get(s), (int) v, Integer::sum);
        }
        return out;
    }

    private double stoichiometryOf(org.sbml.jsbml.Reaction r, SpeciesReference ref) {
        if (ref.isSetStoichiometryMath()) throw new ModelException("reaction '" + r.getId() + "': stoichiometry given by math is not supported ('" + ref.getSpecies() + "')");
        if (ref.isSetId() && (assignmentRules.containsKey(ref.getId()) || hasInitialAssignment(ref.getId()))) {
            throw new ModelException("reaction '" + r.getId() + "': a stoichiometry set by a rule or assignment is not supported ('" + ref.getId() + "')");
        }
        return ref.isSetStoichiometry() ? ref.getStoichiometry() : 1;
    }

    private boolean hasInitialAssignment(String sbmlId) {
        for (InitialAssignment ia : sm.getListOfInitialAssignments()) if (sbmlId.equals(ia.getVariable())) return true;
        return false;
    }

    /** During a run: a rule's variable is its rule; a species its count (or count / size); others their kmlab name. */
    private Formula runtimeSymbol(String sbmlId, String where, Set<String> expanding) {
        ASTNode rule = assignmentRules.get(sbmlId);
        if (rule != null) {
            if (!expanding.add(sbmlId)) throw new ModelException("assignment rules form a cycle through '" + sbmlId + "'");
            Formula f = convert(rule, s -> runtimeSymbol(s, where, expanding), Map.of(), "assignment rule on '" + sbmlId + "'", false);
            expanding.remove(sbmlId);
            return f;
        }
        org.sbml.jsbml.Species sp = sm.getSpecies(sbmlId);
        if (sp != null) {
            Formula amount = Formula.name(names.get(sbmlId));
            return byConcentration(sp) ? Formula.apply("/", amount, runtimeSymbol(sp.getCompartment(), where, expanding)) : amount;
        }
        String n = names.get(sbmlId);
        if (n != null) return Formula.name(n);
        if (isSpeciesReference(sbmlId)) throw new ModelException(where + ": reads the species reference '" + sbmlId + "', which is not supported");
        throw new ModelException(where + ": unknown symbol '" + sbmlId + "'");
    }

    // ---- MathML → Formula -------------------------------------------------------------------

    /**
     * A MathML tree as a kmlab formula. Names go through {@code symbol} unless bound by an
     * enclosing function definition's arguments ({@code bound}).
     */
    private Formula convert(ASTNode node, Function<String, Formula> symbol, Map<String, Formula> bound, String where, boolean atStart) {
        List<Formula> in = new ArrayList<>();
        ASTNode.Type type = node.getType();
        // the outermost construct kmlab lacks is the one to name (a piecewise, not the relation inside it)
        if (type == ASTNode.Type.FUNCTION_DELAY) throw new ModelException(where + ": delays are not supported");
        if (type == ASTNode.Type.FUNCTION_PIECEWISE) return piecewise(node, symbol, bound, where, atStart);
        if (!SUPPORTED.contains(type)) {
            throw new ModelException(where + ": the MathML '" + mathName(type) + "' is not supported (kmlab formulas have + − × ÷ ^, exp, ln, log, root, abs, min, max)");
        }
        if (type != ASTNode.Type.FUNCTION) {
            for (ASTNode c : node.getChildren()) in.add(convert(c, symbol, bound, where, atStart));
        }
        switch (type) {
            case INTEGER: return Formula.number(node.getInteger());
            case REAL: case REAL_E: {
                double v = node.getReal();
                if (!Double.isFinite(v)) throw new ModelException(where + ": the number " + v + " is not supported");
                return Formula.number(v);
            }
            case RATIONAL: return Formula.number((double) node.getNumerator() / node.getDenominator());
            case CONSTANT_PI: return Formula.number(Math.PI);
            case CONSTANT_E: return Formula.number(Math.E);
            case NAME_AVOGADRO: return Formula.number(AVOGADRO);
            case NAME_TIME:
                if (atStart) return Formula.number(0);
                if (timeIsSymbol) return Formula.name(Environment.TIME);
                throw new ModelException(where + " depends on time, which kmlab cannot simulate exactly");
            case NAME: {
                String n = node.getName().strip();
                Formula b = bound.get(n);
                return b != null ? b : symbol.apply(n);
            }
            case PLUS: return fold("+", in, 0);
            case TIMES: return fold("*", in, 1);
            case MINUS:
                if (in.size() == 1) return Formula.apply("neg", in.get(0));
                return Formula.apply("-", arity(in, 2, "minus", where));
            case DIVIDE: return Formula.apply("/", arity(in, 2, "divide", where));
            case POWER: case FUNCTION_POWER: return Formula.apply("^", arity(in, 2, "power", where));
            case FUNCTION_EXP: return Formula.apply("exp", arity(in, 1, "exp", where));
            case FUNCTION_LN: return Formula.apply("log", arity(in, 1, "ln", where));
            case FUNCTION_ABS: return Formula.apply("abs", arity(in, 1, "abs", where));
            case FUNCTION_LOG: {
                // log(x) is base 10; JSBML puts an explicit logbase first
                Formula base = in.size() == 2 ? in.get(0) : Formula.number(10);
                Formula x = in.get(in.size() - 1);
                return Formula.apply("/", Formula.apply("log", x), Formula.apply("log", base));
            }
            case FUNCTION_ROOT: {
                Formula x = in.get(in.size() - 1);
                if (in.size() == 1 || in.get(0).equals(Formula.number(2))) return Formula.apply("sqrt", x);
                return Formula.apply("^", x, Formula.apply("/", Formula.number(1), in.get(0)));
            }
            case CONSTANT_TRUE: return Formula.number(1);
            case CONSTANT_FALSE: return Formula.number(0);
            case RELATIONAL_EQ: return chain("==", in, where);
            case RELATIONAL_NEQ: return Formula.apply("!=", arity(in, 2, "neq", where));
            case RELATIONAL_GT: return chain(">", in, where);
            case RELATIONAL_GEQ: return chain(">=", in, where);
            case RELATIONAL_LT: return chain("<", in, where);
            case RELATIONAL_LEQ: return chain("<=", in, where);
            case LOGICAL_AND: return fold("&&", in, 1);
            case LOGICAL_OR: return fold("||", in, 0);
            case LOGICAL_NOT: return Formula.apply("!", arity(in, 1, "not", where));
            case FUNCTION_MIN: return fold("min", in, Double.NaN);
            case FUNCTION_MAX: return fold("max", in, Double.NaN);
            case FUNCTION: {
                String fid = node.getName();
                FunctionDefinition fd = sm.getFunctionDefinition(fid);
                if (fd == null || !fd.isSetMath()) throw new ModelException(where + ": unknown function '" + fid + "'");
                if (fd.getArgumentCount() != node.getChildCount()) {
                    throw new ModelException(where + ": function '" + fid + "' takes " + fd.getArgumentCount() + " arguments, got " + node.getChildCount());
                }
                Map<String, Formula> args = new HashMap<>();
                for (int i = 0; i < node.getChildCount(); i++) {
                    args.put(fd.getArgument(i).getName().strip(), convert(node.getChild(i), symbol, bound, where, atStart));
                }
                // a function body sees only its arguments (and other functions)
                return convert(fd.getBody(), s -> { throw new ModelException("function '" + fid + "': unknown symbol '" + s + "'"); }, args, where, atStart);
            }
            default:
                throw new ModelException(where + ": the MathML '" + mathName(type) + "' is not supported (kmlab formulas have + − × ÷ ^, exp, ln, log, root, abs, min, max)");
        }
    }

    /**
     * A piecewise whose values are numbers, e.g. {@code piecewise(1, x > 0, 0)} (how
     * {@link SbmlExport} writes step): the sum of each value times the indicator that its piece is
     * the first to hold, with the indicators made of step, exact at every state. Values that are
     * formulas are refused: v·indicator would be NaN where v is undefined but not chosen.
     */
    private Formula piecewise(ASTNode node, Function<String, Formula> symbol, Map<String, Formula> bound, String where, boolean atStart) {
        int n = node.getChildCount();
        if (n % 2 == 0) throw new ModelException(where + ": a 'piecewise' without 'otherwise' is not supported (undefined where no piece holds)");
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            Formula v = convert(node.getChild(i), symbol, bound, where, atStart);
            if (!v.tree().isNumber()) throw new ModelException(where + ": the MathML 'piecewise' is not supported unless its values are numbers");
            values.add(v.tree().value());
        }
        Formula result = Formula.number(values.get(values.size() - 1));
        for (int i = n - 3; i >= 0; i -= 2) {
            Formula holds = indicator(convert(node.getChild(i + 1), symbol, bound, where, atStart), where);
            double v = values.get(i / 2);
            Formula chosen = v == 1 ? holds : Formula.apply("*", Formula.number(v), holds);
            result = result.tree().isNumber() && result.tree().value() == 0 ? chosen
                    : Formula.apply("+", chosen, Formula.apply("*", Formula.apply("-", Formula.number(1), holds), result));
        }
        return result;
    }

    /** 1 where a condition holds, else 0, written with step (step(x) = 1 for x &gt; 0). */
    private static Formula indicator(Formula c, String where) {
        Formula.Node n = c.tree();
        if (n.isNumber()) return Formula.number(Expression.isTrue(n.value()) ? 1 : 0);
        if (!c.isCondition()) throw new ModelException(where + ": a 'piecewise' condition must be a relation or logic");
        List<Formula> a = n.args().stream().map(Formula.Node::f).toList();
        Formula one = Formula.number(1);
        return switch (n.name()) {
            case ">" -> Formula.apply("step", Formula.apply("-", a.get(0), a.get(1)));
            case "<" -> Formula.apply("step", Formula.apply("-", a.get(1), a.get(0)));
            case ">=" -> Formula.apply("-", one, Formula.apply("step", Formula.apply("-", a.get(1), a.get(0))));
            case "<=" -> Formula.apply("-", one, Formula.apply("step", Formula.apply("-", a.get(0), a.get(1))));
            case "==" -> Formula.apply("*", indicator(Formula.apply(">=", a.get(0), a.get(1)), where), indicator(Formula.apply("<=", a.get(0), a.get(1)), where));
            case "!=" -> Formula.apply("-", one, indicator(Formula.apply("==", a.get(0), a.get(1)), where));
            case "&&" -> Formula.apply("*", indicator(a.get(0), where), indicator(a.get(1), where));
            case "||" -> Formula.apply("max", indicator(a.get(0), where), indicator(a.get(1), where));
            case "!" -> Formula.apply("-", one, indicator(a.get(0), where));
            default -> throw new ModelException(where + ": a 'piecewise' condition must be a relation or logic, got '" + n.name() + "'");
        };
    }

    private static final Set<ASTNode.Type> SUPPORTED = java.util.EnumSet.of(ASTNode.Type.INTEGER, ASTNode.Type.REAL, ASTNode.Type.REAL_E,
            ASTNode.Type.RATIONAL, ASTNode.Type.CONSTANT_PI, ASTNode.Type.CONSTANT_E, ASTNode.Type.NAME_AVOGADRO, ASTNode.Type.NAME_TIME,
            ASTNode.Type.NAME, ASTNode.Type.PLUS, ASTNode.Type.TIMES, ASTNode.Type.MINUS, ASTNode.Type.DIVIDE, ASTNode.Type.POWER,
            ASTNode.Type.FUNCTION_POWER, ASTNode.Type.FUNCTION_EXP, ASTNode.Type.FUNCTION_LN, ASTNode.Type.FUNCTION_ABS,
            ASTNode.Type.FUNCTION_LOG, ASTNode.Type.FUNCTION_ROOT, ASTNode.Type.FUNCTION_MIN, ASTNode.Type.FUNCTION_MAX, ASTNode.Type.FUNCTION,
            ASTNode.Type.CONSTANT_TRUE, ASTNode.Type.CONSTANT_FALSE, ASTNode.Type.RELATIONAL_EQ, ASTNode.Type.RELATIONAL_NEQ,
            ASTNode.Type.RELATIONAL_GT, ASTNode.Type.RELATIONAL_GEQ, ASTNode.Type.RELATIONAL_LT, ASTNode.Type.RELATIONAL_LEQ,
            ASTNode.Type.LOGICAL_AND, ASTNode.Type.LOGICAL_OR, ASTNode.Type.LOGICAL_NOT);

    private static String mathName(ASTNode.Type type) {
        String n = type.name().toLowerCase(java.util.Locale.ROOT);
        for (String prefix : List.of("function_", "relational_", "logical_", "constructor_", "constant_", "name_")) {
            if (n.startsWith(prefix)) return n.substring(prefix.length());
        }
        return n;
    }

    private static Formula[] arity(List<Formula> in, int n, String what, String where) {
        if (in.size() != n) throw new ModelException(where + ": '" + what + "' with " + in.size() + " arguments");
        return in.toArray(new Formula[0]);
    }

    /** An n-ary relation (MathML allows a &lt; b &lt; c) as the conjunction of neighbouring pairs. */
    private static Formula chain(String op, List<Formula> in, String where) {
        if (in.size() < 2) throw new ModelException(where + ": '" + op + "' needs two arguments, got " + in.size());
        Formula f = Formula.apply(op, in.get(0), in.get(1));
        for (int i = 2; i < in.size(); i++) f = Formula.apply("&&", f, Formula.apply(op, in.get(i - 1), in.get(i)));
        return f;
    }

    private static Formula fold(String op, List<Formula> in, double empty) {
        if (in.isEmpty()) {
            if (Double.isNaN(empty)) throw new ModelException(op + " of nothing");
            return Formula.number(empty);
        }
        Formula f = in.get(0);
        for (int i = 1; i < in.size(); i++) f = Formula.apply(op, f, in.get(i));
        return f;
    }
}
