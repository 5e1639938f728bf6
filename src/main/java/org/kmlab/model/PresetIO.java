package org.kmlab.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes preset files (format {@value Preset#FORMAT}, see README). Reading checks every
 * field and reports the first problem with its JSON path, e.g.
 * {@code reactions[1].rate: must be ≥ 0, got -3}; unknown keys are errors. Writing goes to a
 * temporary file that is then moved over the target, so a file is written whole or not at all.
 */
public final class PresetIO {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PresetIO() {}

    /** Reads a preset file (see {@link ModelSources#read}: messages start with the file name). */
    public static Preset read(Path file) { return ModelSources.read(file); }

    public static Preset parse(String text, String id) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ModelException("malformed JSON at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new ModelException("(root): expected a JSON object");
        return fromJson(root, id);
    }

    private static Preset fromJson(JsonNode root, String id) {
        allowOnly(root, "", Set.of("format", "name", "description", "species", "omega", "parameters", "reactions", "events", "exact", "observables", "absorbing", "run"));
        String format = requiredText(root, "format", "");
        if (!Preset.FORMAT.equals(format)) throw new ModelException("format: expected '" + Preset.FORMAT + "', got '" + format + "'");
        String name = requiredText(root, "name", "");
        String description = optionalText(root, "description", "", "");

        List<Species> species = new ArrayList<>();
        JsonNode sp = requiredArray(root, "species", "");
        for (int i = 0; i < sp.size(); i++) {
            String path = "species[" + i + "]";
            JsonNode s = object(sp.get(i), path);
            allowOnly(s, path, Set.of("name", "initial", "signed"));
            String sname = requiredText(s, "name", path);
            if (!Names.isIdentifier(sname)) throw new ModelException(path + ".name: must be a name (letters, digits, _), got '" + sname + "'");
            long initial = s.has("initial") ? integer(s.get("initial"), path + ".initial") : 0;
            boolean signed = s.has("signed") && bool(s.get("signed"), path + ".signed");
            species.add(new Species(sname, initial, signed));
        }

        SystemSize omega = new SystemSize(1, 1, 1);
        if (root.has("omega")) {
            JsonNode o = object(root.get("omega"), "omega");
            allowOnly(o, "omega", Set.of("value", "min", "max"));
            double v = number(o.get("value"), "omega.value");
            omega = new SystemSize(v, o.has("min") ? number(o.get("min"), "omega.min") : v, o.has("max") ? number(o.get("max"), "omega.max") : v);
        }

        List<Parameter> parameters = new ArrayList<>();
        if (root.has("parameters")) {
            JsonNode ps = root.get("parameters");
            if (!ps.isArray()) throw new ModelException("parameters: expected an array");
            for (int i = 0; i < ps.size(); i++) {
                String path = "parameters[" + i + "]";
                JsonNode p = object(ps.get(i), path);
                allowOnly(p, path, Set.of("name", "value", "min", "max", "description"));
                String pname = requiredText(p, "name", path);
                if (!Names.isIdentifier(pname)) throw new ModelException(path + ".name: must be a name (letters, digits, _), got '" + pname + "'");
                double value = number(p.get("value"), path + ".value");
                double min = p.has("min") ? number(p.get("min"), path + ".min") : Math.min(0, value);
                double max = p.has("max") ? number(p.get("max"), path + ".max") : Math.max(1, 10 * Math.abs(value));
                parameters.add(new Parameter(pname, value, min, max, optionalText(p, "description", path, "")));
            }
        }

        List<Reaction> reactions = new ArrayList<>();
        JsonNode rs = requiredArray(root, "reactions", "");
        for (int i = 0; i < rs.size(); i++) {
            String path = "reactions[" + i + "]";
            JsonNode r = object(rs.get(i), path);
            allowOnly(r, path, Set.of("name", "equation", "rate", "propensity"));
            String rname = requiredText(r, "name", path);
            String equation = requiredText(r, "equation", path);
            String[] sides;
            java.util.Map<String, Integer> reactants, products;
            try {
                sides = Stoichiometry.split(equation);
                reactants = Stoichiometry.side(sides[0], equation);
                products = Stoichiometry.side(sides[1], equation);
            } catch (ModelException e) {
                throw new ModelException(path + ".equation: " + e.getMessage());
            }
            Formula rate = r.has("rate") ? parsed(formula(r.get("rate"), path + ".rate"), path + ".rate") : null;
            Formula propensity = r.has("propensity") ? parsed(formula(r.get("propensity"), path + ".propensity"), path + ".propensity") : null;
            reactions.add(new Reaction(rname, reactants, products, rate, propensity));
        }

        Model model = new Model(name, description, species, parameters, omega, reactions,
                new Model.Extras(exact(root), events(root), observables(root), absorbing(root)));

        RunSettings run = RunSettings.defaults();
        if (root.has("run")) {
            JsonNode o = object(root.get("run"), "run");
            allowOnly(o, "run", Set.of("tEnd", "samples", "trajectories", "seed", "solvers", "fpCells"));
            double tEnd = o.has("tEnd") ? number(o.get("tEnd"), "run.tEnd") : run.tEnd();
            int samples = o.has("samples") ? intValue(o.get("samples"), "run.samples") : run.samples();
            int trajectories = o.has("trajectories") ? intValue(o.get("trajectories"), "run.trajectories") : run.trajectories();
            long seed = o.has("seed") ? integer(o.get("seed"), "run.seed") : run.seed();
            List<String> solvers = run.solvers();
            if (o.has("solvers")) {
                JsonNode a = o.get("solvers");
                if (!a.isArray()) throw new ModelException("run.solvers: expected an array of solver names");
                solvers = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    if (!a.get(i).isTextual()) throw new ModelException("run.solvers[" + i + "]: expected a solver name");
                    solvers.add(a.get(i).asText());
                }
            }
            int fpCells = o.has("fpCells") ? intValue(o.get("fpCells"), "run.fpCells") : 0;
            run = new RunSettings(tEnd, samples, trajectories, seed, solvers, fpCells);
        }
        return new Preset(id, model, run);
    }

    /** The optional {@code observables}: [{"name": "S", "of": {"S_T": 1, "C": -1}}], integer coefficients (names are checked by the model). */
    private static List<Observable> observables(JsonNode root) {
        List<Observable> out = new ArrayList<>();
        if (!root.has("observables")) return out;
        JsonNode a = root.get("observables");
        if (!a.isArray()) throw new ModelException("observables: expected an array of {\"name\": …, \"of\": {species: coefficient}}");
        for (int i = 0; i < a.size(); i++) {
            String path = "observables[" + i + "]";
            JsonNode o = object(a.get(i), path);
            allowOnly(o, path, Set.of("name", "of"));
            String oname = requiredText(o, "name", path);
            JsonNode of = object(o.get("of"), path + ".of");
            java.util.Map<String, Integer> coefficients = new java.util.LinkedHashMap<>();
            for (Iterator<String> it = of.fieldNames(); it.hasNext(); ) {
                String sp = it.next();
                long c = integer(of.get(sp), path + ".of." + sp);
                if (Math.abs(c) > 1_000_000) throw new ModelException(path + ".of." + sp + ": coefficient too large, got " + c);
                coefficients.put(sp, (int) c);
            }
            out.add(new Observable(oname, coefficients));
        }
        return out;
    }

    /** The optional {@code exact} section: {"stationary": {species: formula}, "transition": {species: formula}}. */
    /** {@code "events": [{"id", "trigger", "assign": {variable: formula}, "initialValue", "persistent", "useValuesFromTriggerTime"}]}. */
    private static List<Event> events(JsonNode root) {
        if (!root.has("events")) return List.of();
        JsonNode es = requiredArray(root, "events", "");
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < es.size(); i++) {
            String path = "events[" + i + "]";
            JsonNode e = object(es.get(i), path);
            allowOnly(e, path, Set.of("id", "trigger", "assign", "initialValue", "persistent", "useValuesFromTriggerTime"));
            String eid = requiredText(e, "id", path);
            Formula trigger = parsed(requiredText(e, "trigger", path), path + ".trigger");
            JsonNode assign = object(e.get("assign"), path + ".assign");
            List<Event.Assignment> assignments = new ArrayList<>();
            for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
                String v = it.next();
                String where = path + ".assign." + v;
                assignments.add(new Event.Assignment(v, parsed(formula(assign.get(v), where), where)));
            }
            out.add(new Event(eid, trigger, e.has("initialValue") && bool(e.get("initialValue"), path + ".initialValue"),
                    !e.has("persistent") || bool(e.get("persistent"), path + ".persistent"),
                    !e.has("useValuesFromTriggerTime") || bool(e.get("useValuesFromTriggerTime"), path + ".useValuesFromTriggerTime"), assignments));
        }
        return out;
    }

    private static ExactReference exact(JsonNode root) {
        if (!root.has("exact")) return ExactReference.NONE;
        JsonNode e = object(root.get("exact"), "exact");
        allowOnly(e, "exact", Set.of("stationary", "transition", "detailedBalance"));
        if (!e.has("stationary") && !e.has("transition") && !e.has("detailedBalance")) throw new ModelException("exact: give 'stationary', 'transition' or 'detailedBalance'");
        java.util.Map<String, java.util.Map<String, Formula>> laws = new java.util.HashMap<>();
        for (String kind : List.of("stationary", "transition")) {
            java.util.Map<String, Formula> byName = new java.util.LinkedHashMap<>();
            laws.put(kind, byName);
            if (!e.has(kind)) continue;
            String path = "exact." + kind;
            JsonNode o = object(e.get(kind), path);
            if (o.isEmpty()) throw new ModelException(path + ": name a species and give its density as a formula of x");
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String sp = it.next();
                JsonNode f = o.get(sp);
                if (!f.isTextual() || f.asText().isBlank()) throw new ModelException(path + "." + sp + ": expected a formula (string) of x" + (kind.equals("transition") ? ", t and x0" : ""));
                byName.put(sp, parsed(f.asText(), path + "." + sp));
            }
        }
        List<String> detailedBalance = new ArrayList<>();
        if (e.has("detailedBalance")) {
            JsonNode a = e.get("detailedBalance");
            if (!a.isArray() || a.isEmpty()) throw new ModelException("exact.detailedBalance: expected an array of species names, e.g. [\"X\"]");
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).isTextual()) throw new ModelException("exact.detailedBalance[" + i + "]: expected a species name");
                detailedBalance.add(a.get(i).asText());
            }
        }
        return new ExactReference(laws.get("stationary"), laws.get("transition"), detailedBalance);
    }

    /** The optional {@code absorbing} list: entries {@code "SPECIES OP INTEGER"}, their union is the set. */
    private static AbsorbingSet absorbing(JsonNode root) {
        if (!root.has("absorbing")) return AbsorbingSet.NONE;
        JsonNode a = root.get("absorbing");
        if (!a.isArray()) throw new ModelException("absorbing: expected an array of conditions such as \"X <= 0\"");
        if (a.isEmpty()) throw new ModelException("absorbing: give at least one condition such as \"X <= 0\", or leave the key out");
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) throw new ModelException("absorbing[" + i + "]: expected a condition (string) such as \"X <= 0\", got " + a.get(i));
            entries.add(a.get(i).asText());
        }
        return AbsorbingSet.parse(entries, "absorbing");
    }

    /** The preset as JSON text (the same format {@link #parse} reads). */
    public static String toJson(Preset preset) {
        Model m = preset.model();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Preset.FORMAT);
        root.put("name", m.name());
        root.put("description", m.description());
        ArrayNode sp = root.putArray("species");
        for (Species s : m.species()) {
            ObjectNode o = sp.addObject().put("name", s.name()).put("initial", s.initial());
            if (s.signed()) o.put("signed", true);
        }
        root.putObject("omega").put("value", m.omega().value()).put("min", m.omega().min()).put("max", m.omega().max());
        ArrayNode ps = root.putArray("parameters");
        for (Parameter p : m.parameters()) {
            ps.addObject().put("name", p.name()).put("value", p.value()).put("min", p.min()).put("max", p.max()).put("description", p.description());
        }
        ArrayNode rs = root.putArray("reactions");
        for (int i = 0; i < m.reactionCount(); i++) {
            Reaction r = m.reactions().get(i);
            ObjectNode o = rs.addObject().put("name", r.name()).put("equation", m.equation(i));
            if (r.rate() != null) o.put("rate", r.rate().text());
            else o.put("propensity", r.propensity().text());
        }
        if (m.hasEvents()) {
            ArrayNode es = root.putArray("events");
            for (Event e : m.events()) {
                ObjectNode o = es.addObject().put("id", e.id()).put("trigger", e.trigger().text());
                ObjectNode assign = o.putObject("assign");
                for (Event.Assignment a : e.assignments()) assign.put(a.variable(), a.value().text());
                o.put("initialValue", e.initialValue()).put("persistent", e.persistent()).put("useValuesFromTriggerTime", e.useValuesFromTriggerTime());
            }
        }
        if (!m.exact().isEmpty()) {
            ObjectNode exact = root.putObject("exact");
            m.exact().sections().forEach((kind, laws) -> {
                ObjectNode k = exact.putObject(kind);
                laws.forEach((species, f) -> k.put(species, f.text()));
            });
            if (!m.exact().detailedBalance().isEmpty()) {
                ArrayNode names = exact.putArray("detailedBalance");
                m.exact().detailedBalance().forEach(names::add);
            }
        }
        if (!m.observables().isEmpty()) {
            ArrayNode obs = root.putArray("observables");
            for (Observable ob : m.observables()) {
                ObjectNode of = obs.addObject().put("name", ob.name()).putObject("of");
                ob.coefficients().forEach(of::put);
            }
        }
        if (!m.absorbing().isEmpty()) {
            ArrayNode a = root.putArray("absorbing");
            m.absorbing().entries().forEach(a::add);
        }
        RunSettings run = preset.run();
        ObjectNode o = root.putObject("run").put("tEnd", run.tEnd()).put("samples", run.samples())
                .put("trajectories", run.trajectories()).put("seed", run.seed());
        ArrayNode solvers = o.putArray("solvers");
        run.solvers().forEach(solvers::add);
        if (run.fpCells() != 0) o.put("fpCells", run.fpCells());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the preset whole (temp file, then atomic move) or not at all. */
    public static void write(Preset preset, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(preset));
    }

    // ---- field helpers: each names the JSON path of what it checks ----

    private static void allowOnly(JsonNode node, String path, Set<String> keys) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw new ModelException(join(path, k) + ": unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
            }
        }
    }

    private static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    private static JsonNode object(JsonNode n, String path) {
        if (n == null || !n.isObject()) throw new ModelException(path + ": expected an object");
        return n;
    }

    private static JsonNode requiredArray(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null) throw new ModelException(join(path, key) + ": missing");
        if (!n.isArray()) throw new ModelException(join(path, key) + ": expected an array");
        return n;
    }

    private static String requiredText(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null) throw new ModelException(join(path, key) + ": missing");
        if (!n.isTextual()) throw new ModelException(join(path, key) + ": expected a string");
        if (n.asText().isBlank()) throw new ModelException(join(path, key) + ": must not be empty");
        return n.asText();
    }

    private static String optionalText(JsonNode parent, String key, String path, String dflt) {
        JsonNode n = parent.get(key);
        if (n == null) return dflt;
        if (!n.isTextual()) throw new ModelException(join(path, key) + ": expected a string");
        return n.asText();
    }

    /** A formula, written as a string or as a plain number (so {@code "rate": -3} is read and then rejected as negative). */
    private static String formula(JsonNode n, String path) {
        if (n.isNumber()) return Names.format(n.asDouble());
        if (n.isTextual()) return n.asText();
        throw new ModelException(path + ": expected a formula (string) or a number");
    }

    private static Formula parsed(String text, String path) {
        try {
            return Formula.parse(text);
        } catch (FormulaException e) {
            throw new ModelException(path + ": " + e.getMessage());
        }
    }

    private static double number(JsonNode n, String path) {
        if (n == null) throw new ModelException(path + ": missing");
        if (!n.isNumber()) throw new ModelException(path + ": expected a number, got " + n);
        double v = n.asDouble();
        if (!Double.isFinite(v)) throw new ModelException(path + ": must be finite, got " + v);
        return v;
    }

    private static long integer(JsonNode n, String path) {
        if (n == null || !n.isNumber() || !(n.isIntegralNumber() || n.asDouble() == Math.rint(n.asDouble()))) {
            throw new ModelException(path + ": expected a whole number, got " + n);
        }
        return n.asLong();
    }

    private static int intValue(JsonNode n, String path) {
        long v = integer(n, path);
        if (v != (int) v) throw new ModelException(path + ": too large, got " + v);
        return (int) v;
    }

    private static boolean bool(JsonNode n, String path) {
        if (!n.isBoolean()) throw new ModelException(path + ": expected true or false, got " + n);
        return n.asBoolean();
    }
}
