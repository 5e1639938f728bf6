package org.kmlab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model written as text, one reaction per line, as one writes it on a board:
 * <pre>
 * title: Birth–death
 * k1 = 10 [0 .. 100]; k2 = 1; Omega = 20; X = 0
 * birth: 0 -> X   @ k1                 # mass action (the Ω convention of DESIGN.md)
 * death: X -> 0   @ k2
 * X -> 0          @ prop: k2*X         # any propensity formula of counts and parameters
 * signed: W                            # W is a lattice coordinate, may go below zero
 * absorbing: X <= 0                    # trajectories stop there (a union: X <= 0, X >= 40)
 * reset: at time >= 5: X = 0, k1 = k1/2  # an event (see {@link Event}): when the condition turns true
 * </pre>
 * Names on the sides of a reaction are species; an assignment to a species sets its initial count,
 * to {@code Omega} the system size, to anything else a parameter (an optional {@code [min .. max]}
 * gives the slider range). {@code #} starts a comment; {@code ;} separates assignments. Reading
 * reports every problem with its line and, for a misspelt name, the nearest known one
 * ({@link Problem}); the model is built only when there is none. An event line may end in flags
 * {@code [initialValue = true, persistent = false, useValuesFromTriggerTime = false]} (the
 * defaults are false, true, true).
 */
public final class ModelText {
    /** One thing wrong, on one line (1-based). */
    public record Problem(int line, String message) {
        @Override public String toString() { return "line " + line + ": " + message; }
    }

    /** What reading gave: the model and its run settings, or the problems (then preset is null). */
    public record Result(Preset preset, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() { return preset != null; }
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_]\\w*)\\s*=\\s*([^\\[]+?)\\s*(?:\\[\\s*([^\\]]*?)\\s*(?:\\.\\.|,)\\s*([^\\]]*?)\\s*])?");
    private static final Pattern EVENT = Pattern.compile("(?i)(?:([A-Za-z_]\\w*)\\s*:\\s*)?at\\s+([^:\\[]+?)\\s*:\\s*([^\\[]*?)\\s*(?:\\[([^\\]]*)])?");
    private static final Pattern REACTION = Pattern.compile("(?:([^:@]+?)\\s*:\\s*)?([^@]*?(?:->|→)[^@]*?)\\s*@\\s*(.*)");

    private ModelText() {}

    /** Reads a model from text; never throws for bad text (see {@link Result#problems()}). */
    public static Result read(String text, String id) {
        return new Reader(text, id).read();
    }

    /** Reads a model, or throws {@link ModelException} with the first problem ("line 4: …"). */
    public static Preset parse(String text, String id) {
        Result r = read(text, id);
        if (!r.ok()) throw new ModelException(r.problems().get(0).toString());
        return r.preset();
    }

    /** The model as text that {@link #read} reads back to the same model. */
    public static String write(Model m) {
        StringBuilder sb = new StringBuilder();
        sb.append("title: ").append(m.name()).append('\n');
        if (!m.description().isBlank()) sb.append("description: ").append(m.description().replace('\n', ' ')).append('\n');
        for (Parameter p : m.parameters()) {
            sb.append(p.name()).append(" = ").append(Names.format(p.value()))
                    .append(" [").append(Names.format(p.min())).append(" .. ").append(Names.format(p.max())).append("]");
            if (!p.description().isBlank()) sb.append("   # ").append(p.description().replace('\n', ' '));
            sb.append('\n');
        }
        SystemSize o = m.omega();
        sb.append("Omega = ").append(Names.format(o.value())).append(" [").append(Names.format(o.min())).append(" .. ").append(Names.format(o.max())).append("]\n");
        List<String> signed = new ArrayList<>();
        for (Species s : m.species()) {
            sb.append(s.name()).append(" = ").append(s.initial()).append('\n');
            if (s.signed()) signed.add(s.name());
        }
        if (!signed.isEmpty()) sb.append("signed: ").append(String.join(", ", signed)).append('\n');
        if (!m.absorbing().isEmpty()) sb.append("absorbing: ").append(String.join(", ", m.absorbing().entries())).append('\n');
        for (int r = 0; r < m.reactionCount(); r++) {
            Reaction rx = m.reactions().get(r);
            sb.append(rx.name()).append(": ").append(m.equation(r)).append("  @ ")
                    .append(rx.isMassAction() ? rx.rate().text() : "prop: " + rx.propensity().text()).append('\n');
        }
        for (Event e : m.events()) {
            List<String> parts = new ArrayList<>();
            for (Event.Assignment a : e.assignments()) parts.add(a.variable() + " = " + a.value().text());
            sb.append(e.id()).append(": at ").append(e.trigger().text()).append(": ").append(String.join(", ", parts));
            List<String> flags = new ArrayList<>();
            if (e.initialValue()) flags.add("initialValue = true");
            if (!e.persistent()) flags.add("persistent = false");
            if (!e.useValuesFromTriggerTime()) flags.add("useValuesFromTriggerTime = false");
            if (!flags.isEmpty()) sb.append(" [").append(String.join(", ", flags)).append(']');
            sb.append('\n');
        }
        return sb.toString();
    }

    private static final class Reader {
        private final String[] lines;
        private final String id;
        private final List<Problem> problems = new ArrayList<>();
        private String title, description = "";
        private final Map<String, double[]> values = new LinkedHashMap<>();      // name → value, min, max
        private final Map<String, Integer> valueLine = new LinkedHashMap<>();
        private final Map<String, String> valueDescription = new LinkedHashMap<>();
        private final Set<String> signed = new LinkedHashSet<>();
        private AbsorbingSet absorbing = AbsorbingSet.NONE;
        private final List<Parsed> reactions = new ArrayList<>();

        private record Parsed(int line, String name, Map<String, Integer> reactants, Map<String, Integer> products, Formula formula, boolean massAction) {}

        private final List<Event> events = new ArrayList<>();
        private final List<Integer> eventLines = new ArrayList<>();

        Reader(String text, String id) {
            this.lines = text.split("\\R", -1);
            this.id = id;
        }

        Result read() {
            for (int i = 0; i < lines.length; i++) {
                try {
                    line(i + 1, lines[i]);
                } catch (RuntimeException e) {   // a line must never stop the others from being read
                    problems.add(new Problem(i + 1, e.getMessage() == null ? e.toString() : e.getMessage()));
                }
            }
            if (reactions.isEmpty() && problems.isEmpty()) problems.add(new Problem(Math.max(1, lines.length), "no reaction: write one such as '0 -> X @ k'"));
            Set<String> species = species();
            checkNames(species);   // also when a line failed: every mistake is named at once
            if (!problems.isEmpty()) return new Result(null, problems);
            return build(species);
        }

        /** Names on the sides of the reactions, in order of appearance. */
        private Set<String> species() {
            Set<String> species = new LinkedHashSet<>();
            for (Parsed p : reactions) {
                species.addAll(p.reactants().keySet());
                species.addAll(p.products().keySet());
            }
            return species;
        }

        private void line(int n, String raw) {
            String comment = "";
            int hash = raw.indexOf('#');
            if (hash >= 0) {
                comment = raw.substring(hash + 1).strip();
                raw = raw.substring(0, hash);
            }
            String s = raw.strip();
            if (s.isEmpty()) return;
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("title:")) { title = s.substring(6).strip(); return; }
            if (lower.startsWith("description:")) { description = s.substring(12).strip(); return; }
            if (lower.startsWith("signed:")) {
                for (String name : s.substring(7).split("[,\\s]+")) if (!name.isBlank()) signed.add(checkedName(n, name.strip()));
                return;
            }
            if (lower.startsWith("absorbing:")) {
                if (!absorbing.isEmpty()) throw new ModelException("absorbing: given twice (also on line " + lineOf("absorbing:") + "); list the conditions on one line");
                List<String> entries = new ArrayList<>();
                for (String e : s.substring(10).split(",")) entries.add(e.strip());
                absorbing = AbsorbingSet.parse(entries, "absorbing");
                return;
            }
            if (s.contains("->") || s.contains("→")) { reaction(n, s); return; }
            if (lower.matches("(?:[a-z_]\\w*\\s*:\\s*)?at\\s[^:]*:.*")) { event(n, s); return; }
            for (String part : s.split(";")) {
                if (!part.isBlank()) assignment(n, part.strip(), comment);
            }
        }

        private String checkedName(int n, String name) {
            if (!Names.isIdentifier(name)) throw new ModelException("'" + name + "' is not a name (letters, digits and _, not starting with a digit)");
            return name;
        }

        private void assignment(int n, String part, String comment) {
            Matcher m = ASSIGNMENT.matcher(part);
            if (!m.matches()) throw new ModelException("expected 'name = value', a reaction 'A -> B @ rate', or 'title:', 'signed:'; got '" + part + "'");
            String name = m.group(1);
            if (name.equals(Environment.H)) throw new ModelException("'h' is 1/Omega: set Omega instead");
            double value = number(m.group(2), name);
            double min = m.group(3) == null ? Double.NaN : number(m.group(3), "the least value of " + name);
            double max = m.group(4) == null ? Double.NaN : number(m.group(4), "the largest value of " + name);
            if (values.containsKey(name)) throw new ModelException(name + " is set twice (also on line " + valueLine.get(name) + ")");
            values.put(name, new double[] {value, min, max});
            valueLine.put(name, n);
            valueDescription.put(name, comment);
        }

        private static double number(String text, String what) {
            try {
                double v = Double.parseDouble(text.strip().replace('−', '-'));
                if (!Double.isFinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new ModelException(what + ": '" + text.strip() + "' is not a number");
            }
        }

        private void reaction(int n, String s) {
            Matcher m = REACTION.matcher(s);
            if (!m.matches()) throw new ModelException("a reaction needs its rate after '@', e.g. 'X -> 0 @ k2' or 'X -> 0 @ prop: k2*X'");
            String name = m.group(1) == null ? "reaction " + (reactions.size() + 1) : m.group(1).strip();
            String[] sides = Stoichiometry.split(m.group(2));
            Map<String, Integer> reactants = Stoichiometry.side(sides[0], m.group(2).strip());
            Map<String, Integer> products = Stoichiometry.side(sides[1], m.group(2).strip());
            String rate = m.group(3).strip();
            boolean mass = true;
            String lower = rate.toLowerCase(Locale.ROOT);
            for (String key : List.of("propensity:", "prop:")) {
                if (lower.startsWith(key)) {
                    rate = rate.substring(key.length()).strip();
                    mass = false;
                    break;
                }
            }
            if (rate.isEmpty()) throw new ModelException("the rate after '@' is missing");
            Formula f;
            try {
                f = Formula.parse(rate);
            } catch (FormulaException e) {
                throw new ModelException((mass ? "the rate: " : "the propensity: ") + e.getMessage());
            }
            reactions.add(new Parsed(n, name, reactants, products, f, mass));
        }

        /** {@code [id:] at CONDITION: X = value, k = value [flags]}. */
        private void event(int n, String s) {
            Matcher m = EVENT.matcher(s);
            if (!m.matches()) throw new ModelException("an event is 'at CONDITION: X = value, k = value', e.g. 'at time >= 5: X = 0'");
            String eid = m.group(1) == null ? "event" + (events.size() + 1) : m.group(1);
            Formula trigger;
            try {
                trigger = Formula.parse(m.group(2));
            } catch (FormulaException e) {
                throw new ModelException("the condition: " + e.getMessage());
            }
            if (!trigger.isCondition()) throw new ModelException("the condition '" + trigger.text() + "' is no condition; write e.g. 'X >= 50' or 'time >= 5'");
            List<Event.Assignment> assignments = new ArrayList<>();
            for (String part : topLevel(m.group(3))) {
                int eq = part.indexOf('=');
                if (eq <= 0) throw new ModelException("expected 'name = value' after the condition, got '" + part.strip() + "'");
                String v = checkedName(n, part.substring(0, eq).strip());
                try {
                    assignments.add(new Event.Assignment(v, Formula.parse(part.substring(eq + 1))));
                } catch (FormulaException e) {
                    throw new ModelException("the value of " + v + ": " + e.getMessage());
                }
            }
            if (assignments.isEmpty()) throw new ModelException("the event sets nothing: add 'X = value' after the condition");
            boolean initial = false, persistent = true, fromTriggerTime = true;
            if (m.group(4) != null) {
                for (String flag : m.group(4).split(",")) {
                    String[] kv = flag.split("=");
                    String key = kv[0].strip();
                    String value = kv.length == 2 ? kv[1].strip().toLowerCase(Locale.ROOT) : "";
                    if (!value.equals("true") && !value.equals("false")) throw new ModelException("event flag '" + flag.strip() + "': write 'name = true' or 'name = false'");
                    boolean b = value.equals("true");
                    switch (key) {
                        case "initialValue" -> initial = b;
                        case "persistent" -> persistent = b;
                        case "useValuesFromTriggerTime" -> fromTriggerTime = b;
                        default -> throw new ModelException("unknown event flag '" + key + "' (known: initialValue, persistent, useValuesFromTriggerTime)");
                    }
                }
            }
            events.add(new Event(eid, trigger, initial, persistent, fromTriggerTime, assignments));
            eventLines.add(n);
        }

        /** The parts of a list split at commas outside parentheses (min(a, b) stays whole). */
        private static List<String> topLevel(String list) {
            List<String> out = new ArrayList<>();
            int depth = 0, start = 0;
            for (int i = 0; i < list.length(); i++) {
                char c = list.charAt(i);
                if (c == '(') depth++;
                else if (c == ')') depth--;
                else if (c == ',' && depth == 0) {
                    out.add(list.substring(start, i));
                    start = i + 1;
                }
            }
            if (!list.substring(start).isBlank()) out.add(list.substring(start));
            return out;
        }

        private void checkNames(Set<String> species) {
            for (String s : signed) if (!species.contains(s)) problems.add(new Problem(lineOf("signed:"), "'" + s + "' is signed but is in no reaction" + suggestion(s, species)));
            Set<String> known = new LinkedHashSet<>(species);
            for (String name : values.keySet()) if (!species.contains(name)) known.add(name);
            known.add(Environment.OMEGA);
            known.add(Environment.H);
            checkEventNames(known);
            for (Parsed p : reactions) {
                for (String used : p.formula().names()) {
                    if (!known.contains(used)) {
                        String hint = suggestion(used, known);
                        String kind = species.stream().anyMatch(sp -> hint.contains("'" + sp + "'")) ? "species" : "name";
                        problems.add(new Problem(p.line(), "unknown " + kind + " '" + used + "' in the " + (p.massAction() ? "rate" : "propensity") + hint));
                    }
                }
                if (p.massAction()) {
                    for (String used : p.formula().names()) {
                        if (species.contains(used)) problems.add(new Problem(p.line(), "a rate is a formula of parameters, but '" + used
                                + "' is a species; write '@ prop: " + p.formula().text() + "' for a propensity of counts"));
                    }
                }
            }
        }

        private void checkEventNames(Set<String> known) {
            Set<String> withTime = new LinkedHashSet<>(known);
            withTime.add(Environment.TIME);
            for (int e = 0; e < events.size(); e++) {
                Event ev = events.get(e);
                Set<String> used = new LinkedHashSet<>(ev.trigger().names());
                for (Event.Assignment a : ev.assignments()) used.addAll(a.value().names());
                for (String name : used) if (!withTime.contains(name)) problems.add(new Problem(eventLines.get(e), "unknown name '" + name + "' in event '" + ev.id() + "'" + suggestion(name, withTime)));
            }
        }

        private Result build(Set<String> species) {
            ModelBuilder b = ModelBuilder.named(title == null || title.isBlank() ? id : title).description(description);
            for (String s : species) {
                double[] v = values.get(s);
                long initial = 0;
                if (v != null) {
                    if (v[0] != Math.rint(v[0]) || Math.abs(v[0]) > 1e15) {
                        problems.add(new Problem(valueLine.get(s), "the initial count of " + s + " must be a whole number, got " + Names.format(v[0])));
                        continue;
                    }
                    initial = (long) v[0];
                }
                if (signed.contains(s)) b.signedSpecies(s, initial);
                else b.species(s, initial);
            }
            for (Map.Entry<String, double[]> e : values.entrySet()) {
                String name = e.getKey();
                double[] v = e.getValue();
                if (species.contains(name)) continue;
                double min = Double.isNaN(v[1]) ? Math.min(0, v[0]) : v[1], max = Double.isNaN(v[2]) ? Math.max(1, 10 * Math.abs(v[0])) : v[2];
                if (name.equals(Environment.OMEGA)) b.omega(v[0], Double.isNaN(v[1]) ? Math.min(1, v[0]) : v[1], Double.isNaN(v[2]) ? Math.max(v[0], 1000) : v[2]);
                else b.parameter(name, v[0], min, max, valueDescription.get(name));
            }
            for (Parsed p : reactions) {
                if (p.massAction()) b.massAction(p.name(), p.reactants(), p.products(), p.formula());
                else b.propensity(p.name(), p.reactants(), p.products(), p.formula());
            }
            b.absorbing(absorbing);
            for (Event e : events) b.event(e);
            if (!problems.isEmpty()) return new Result(null, problems);
            List<String> parameterOrder = values.keySet().stream().filter(n -> !species.contains(n) && !n.equals(Environment.OMEGA)).toList();
            try {
                return new Result(new Preset(id, b.build(), RunSettings.defaults()), List.of());
            } catch (ModelException e) {
                return new Result(null, List.of(locate(e.getMessage(), List.copyOf(species), parameterOrder)));
            }
        }

        /** A model message names a place in preset terms ("reactions[1].rate: …"): turn it into the line it came from. */
        private Problem locate(String message, List<String> species, List<String> parameters) {
            Matcher r = Pattern.compile("^reactions\\[(\\d+)](?:\\.(\\w+))?: (.*)$").matcher(message);
            if (r.matches()) return new Problem(reactions.get(Integer.parseInt(r.group(1))).line(), r.group(3));
            Matcher p = Pattern.compile("^(parameters|species)\\[(\\d+)](?:\\.(\\w+))?: (.*)$").matcher(message);
            if (p.matches()) {
                List<String> names = p.group(1).equals("species") ? species : parameters;
                String name = names.get(Integer.parseInt(p.group(2)));
                return new Problem(valueLine.getOrDefault(name, 1), name + ": " + p.group(4));
            }
            if (message.startsWith("absorbing")) return new Problem(lineOf("absorbing:"), message);
            Matcher ev = Pattern.compile("^events\\[(\\d+)](?:\\.\\w+)?: (.*)$").matcher(message);
            if (ev.matches()) return new Problem(eventLines.get(Integer.parseInt(ev.group(1))), ev.group(2));
            for (int e = 0; e < events.size(); e++) {
                if (message.startsWith("event '" + events.get(e).id() + "'")) return new Problem(eventLines.get(e), message);
            }
            if (message.startsWith("omega") && valueLine.containsKey(Environment.OMEGA)) {
                return new Problem(valueLine.get(Environment.OMEGA), message.replaceFirst("^omega(\\.\\w+)?: ", "Omega: "));
            }
            return new Problem(1, message);
        }

        private int lineOf(String prefix) {
            for (int i = 0; i < lines.length; i++) if (lines[i].strip().toLowerCase(Locale.ROOT).startsWith(prefix)) return i + 1;
            return 1;
        }
    }

    /** "; did you mean 'X'?" for the nearest known name within two edits, or "". */
    public static String suggestion(String name, java.util.Collection<String> known) {
        String best = null;
        int distance = 3;
        for (String k : known) {
            int d = editDistance(name, k);
            if (d < distance) { distance = d; best = k; }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
