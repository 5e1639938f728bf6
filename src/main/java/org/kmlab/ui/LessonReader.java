package org.kmlab.ui;

import org.kmlab.chart.PaneKind;
import org.kmlab.chart.PaneOption;
import org.kmlab.chart.Panes;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.ModelText;
import org.kmlab.model.Preset;
import org.kmlab.run.ModelLibrary;
import org.kmlab.run.SolverRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a lesson file ({@value #FORMAT}), a plain text a teacher writes in any editor:
 * <pre>
 * kmlab-lesson/1
 * title: Drift and diffusion from jumps
 * about: Twelve minutes. …
 *
 * step: A walker with a bias
 * preset: random-walk
 * set: v = 0.5, D = 1, Omega = 10, tEnd = 2
 * solvers: ssa, cme, fp
 * panes: distribution, timecourse
 * options: timecourse.density
 * text: The walker steps left and right …
 *   an indented line continues the one above
 * question: How fast does the cloud move?
 * look: the mean path in the time course
 * </pre>
 * Everything is checked against the program itself (the presets, their parameters and ranges, the
 * solvers, panes and pane options), so a lesson that loads can be played to its end; anything
 * else is refused with its line and, for a misspelt name, the nearest known one.
 */
public final class LessonReader {
    public static final String FORMAT = "kmlab-lesson/1";
    private static final Set<String> HEADER_KEYS = Set.of("title", "about");
    private static final List<String> STEP_KEYS = List.of("step", "preset", "set", "solvers", "panes", "options", "text", "question", "look");

    private final ModelLibrary library;
    private final SolverRegistry solvers;

    public LessonReader(ModelLibrary library, SolverRegistry solvers) {
        this.library = library;
        this.solvers = solvers;
    }

    /** The lesson in this text; {@link LessonException} naming the line when it cannot be used. */
    public Lesson read(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, Entry> header = new LinkedHashMap<>();
        List<Map<String, Entry>> steps = new ArrayList<>();
        Map<String, Entry> current = header;
        Entry last = null;
        boolean formatSeen = false;
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String raw = lines[i].stripTrailing();
            if (i == 0 && raw.startsWith("\uFEFF")) raw = raw.substring(1);
            if (raw.isBlank() || raw.strip().startsWith("#")) continue;
            if (!formatSeen) {
                if (!raw.strip().equals(FORMAT)) throw new LessonException(n, "a lesson file starts with the line '" + FORMAT + "'");
                formatSeen = true;
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0))) {
                if (last == null) throw new LessonException(n, "an indented line continues the one above, but there is none to continue");
                last.value = last.value.isEmpty() ? raw.strip() : last.value + " " + raw.strip();
                continue;
            }
            int colon = raw.indexOf(':');
            if (colon <= 0) throw new LessonException(n, "expected 'key: value' (e.g. 'preset: birth-death'), found '" + raw.strip() + "'");
            String key = raw.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = raw.substring(colon + 1).strip();
            if (key.equals("step")) {
                current = new LinkedHashMap<>();
                steps.add(current);
            } else if (current == header && !HEADER_KEYS.contains(key)) {
                throw new LessonException(n, STEP_KEYS.contains(key) ? "'" + key + "' belongs to a step: start one with 'step: its title' first"
                        : unknownKey(key, HEADER_KEYS));
            } else if (current != header && !STEP_KEYS.contains(key)) {
                throw new LessonException(n, unknownKey(key, STEP_KEYS));
            }
            if (current.containsKey(key)) throw new LessonException(n, "'" + key + "' is given twice (first on line " + current.get(key).line + ")");
            last = new Entry(n, value);
            current.put(key, last);
        }
        int end = Math.max(1, lines.length);
        if (!formatSeen) throw new LessonException(1, "the file is empty: a lesson file starts with the line '" + FORMAT + "'");
        String title = required(header, "title", 1, "the lesson has no 'title:'");
        if (steps.isEmpty()) throw new LessonException(end, "the lesson has no steps (each starts with 'step: its title')");
        List<Lesson.Step> out = new ArrayList<>();
        for (Map<String, Entry> s : steps) out.add(step(s));
        return new Lesson(title, header.containsKey("about") ? header.get("about").value : "", out);
    }

    private Lesson.Step step(Map<String, Entry> s) {
        Entry head = s.get("step");
        String title = required(s, "step", head.line, "a step needs a title ('step: its title')");
        String name = "step '" + title + "'";
        String presetName = required(s, "preset", head.line, name + " has no 'preset:'");
        String text = required(s, "text", head.line, name + " has no 'text:'");
        Preset preset = preset(presetName, s.get("preset").line);
        Model m = preset.model();

        Map<String, Double> values = new LinkedHashMap<>();
        if (s.containsKey("set")) m = values(s.get("set"), preset, values);
        List<String> solverIds = s.containsKey("solvers") ? solvers(s.get("solvers"), m) : null;
        List<String> panes = s.containsKey("panes") ? panes(s.get("panes"), m, preset.id()) : List.of();
        List<String> options = s.containsKey("options") ? options(s.get("options"), panes) : List.of();
        return new Lesson.Step(head.line, title, preset.id(), values, solverIds, panes, options, text,
                s.containsKey("question") ? s.get("question").value : "", s.containsKey("look") ? s.get("look").value : "");
    }

    private Preset preset(String name, int line) {
        Set<String> known = library.names();
        if (!known.contains(name)) {
            String hint = ModelText.suggestion(name, known);
            throw new LessonException(line, "unknown preset '" + name + "'" + (hint.isEmpty() ? " (known: " + String.join(", ", known) + ")" : hint));
        }
        try {
            return library.load(name);
        } catch (ModelException e) {
            throw new LessonException(line, "preset '" + name + "' cannot be read: " + e.getMessage());
        }
    }

    /** "name = value, …" applied in order to the preset's model (so its own checks apply); the run's names checked as the window checks them. */
    private Model values(Entry e, Preset preset, Map<String, Double> out) {
        Model m = preset.model();
        Set<String> known = new TreeSet<>(m.settableNames());
        known.addAll(List.of(SessionViewModel.T_END, SessionViewModel.TRAJECTORIES, SessionViewModel.SEED, SessionViewModel.FP_CELLS));
        for (String item : items(e)) {
            int eq = item.indexOf('=');
            if (eq <= 0) throw new LessonException(e.line, "expected 'name = value' in 'set:', found '" + item + "'");
            String name = item.substring(0, eq).strip();
            String number = item.substring(eq + 1).strip();
            if (!known.contains(name)) {
                String hint = ModelText.suggestion(name, known);
                throw new LessonException(e.line, "unknown parameter '" + name + "' of " + preset.id()
                        + (hint.isEmpty() ? " (known: " + String.join(", ", known) + ")" : hint));
            }
            double v;
            try {
                v = Double.parseDouble(number.replace('−', '-'));
            } catch (NumberFormatException x) {
                throw new LessonException(e.line, name + " = '" + number + "' is not a number");
            }
            if (!Double.isFinite(v)) throw new LessonException(e.line, name + " must be a finite number");
            if (out.containsKey(name)) throw new LessonException(e.line, name + " is set twice");
            if (SessionViewModel.isRunSetting(name)) {
                String problem = SessionViewModel.runSettingProblem(name, v);
                if (!problem.isEmpty()) throw new LessonException(e.line, name + " = " + number + ": " + problem);
            } else {
                try {
                    m = m.with(name, v);
                } catch (ModelException x) {
                    throw new LessonException(e.line, name + " = " + number + ": " + FieldMessages.refusal(x.getMessage()));
                }
            }
            out.put(name, v);
        }
        return m;
    }

    private List<String> solvers(Entry e, Model m) {
        List<String> out = new ArrayList<>();
        for (String id : items(e)) {
            if (!solvers.ids().contains(id)) {
                String hint = ModelText.suggestion(id, solvers.ids());
                throw new LessonException(e.line, "unknown solver '" + id + "'" + (hint.isEmpty() ? " (known: " + String.join(", ", solvers.ids()) + ")" : hint));
            }
            String reason = solvers.byId(id).unsupportedReason(m);
            if (reason != null) throw new LessonException(e.line, "solver '" + id + "' cannot run this model: " + reason);
            out.add(id);
        }
        return out;
    }

    private static List<String> panes(Entry e, Model m, String presetId) {
        List<String> ids = Panes.all().stream().map(PaneKind::id).toList();
        List<String> out = new ArrayList<>();
        for (String id : items(e)) {
            if (!ids.contains(id)) {
                String hint = ModelText.suggestion(id, ids);
                throw new LessonException(e.line, "unknown pane '" + id + "'" + (hint.isEmpty() ? " (known: " + String.join(", ", ids) + ")" : hint));
            }
            PaneKind k = Panes.named(id);
            if (!k.appliesTo(m)) throw new LessonException(e.line, k.notAvailableReason(m, presetId));
            out.add(id);
        }
        return out;
    }

    private static List<String> options(Entry e, List<String> panes) {
        Map<String, PaneKind> owner = new LinkedHashMap<>();
        for (PaneKind k : Panes.all()) for (PaneOption o : k.options()) owner.put(o.id(), k);
        List<String> out = new ArrayList<>();
        for (String id : items(e)) {
            PaneKind k = owner.get(id);
            if (k == null) {
                String hint = ModelText.suggestion(id, owner.keySet());
                throw new LessonException(e.line, "unknown pane option '" + id + "'" + (hint.isEmpty() ? " (known: " + String.join(", ", owner.keySet()) + ")" : hint));
            }
            if (!panes.isEmpty() && !panes.contains(k.id())) {
                throw new LessonException(e.line, "option '" + id + "' belongs to the " + k.id() + " pane, which this step's 'panes:' leaves out");
            }
            out.add(id);
        }
        return out;
    }

    private static List<String> items(Entry e) {
        List<String> out = new ArrayList<>();
        for (String s : e.value.split(",")) {
            if (s.isBlank()) throw new LessonException(e.line, "an empty item in a comma-separated list");
            out.add(s.strip());
        }
        return out;
    }

    private static String required(Map<String, Entry> m, String key, int line, String missing) {
        Entry e = m.get(key);
        if (e == null) throw new LessonException(line, missing);
        if (e.value.isBlank()) throw new LessonException(e.line, "'" + key + ":' is empty");
        return e.value;
    }

    private static String unknownKey(String key, java.util.Collection<String> known) {
        String hint = ModelText.suggestion(key, known);
        return "unknown key '" + key + "'" + (hint.isEmpty() ? " (known: " + String.join(", ", new TreeSet<>(known)) + ")" : hint);
    }

    /** A key's value and the line it started on. */
    private static final class Entry {
        final int line;
        String value;

        Entry(int line, String value) {
            this.line = line;
            this.value = value;
        }
    }
}
