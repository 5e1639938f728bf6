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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a {@link SessionFile} against the program before the window applies it: finds its model
 * (the file it came from if that is still there, else the model text it carries, else the
 * built-in preset) and checks every value, solver, pane and option, so a bad session changes
 * nothing. {@link IllegalArgumentException} says what is wrong.
 */
record SessionRestore(Preset preset, String file) {
    static SessionRestore check(SessionFile s, ModelLibrary library, SolverRegistry solvers) {
        Preset p;
        String file = null;
        if (s.presetFile != null && Files.isRegularFile(Path.of(s.presetFile))) {
            p = library.read(Path.of(s.presetFile));
            file = s.presetFile;
        } else if (s.modelText != null) {
            String id = s.preset == null || s.preset.isBlank() ? ModelEditorViewModel.ID : s.preset;
            ModelText.Result r = ModelText.read(s.modelText, id);
            if (!r.ok()) {
                ModelText.Problem first = r.problems().get(0);
                throw new IllegalArgumentException("its model text, line " + first.line() + ": " + first.message());
            }
            p = r.preset();
        } else if (s.presetFile != null) {
            throw new IllegalArgumentException("its model file " + s.presetFile + " is gone (and the session carries no model text)");
        } else if (library.names().contains(s.preset)) {
            p = library.load(s.preset);
        } else {
            String hint = ModelText.suggestion(s.preset, library.names());
            throw new IllegalArgumentException("unknown preset '" + s.preset + "'" + (hint.isEmpty() ? "" : hint));
        }

        Model m = p.model();
        for (var e : s.values.entrySet()) {
            String name = e.getKey();
            Double v = e.getValue();
            if (v == null || !Double.isFinite(v)) throw new IllegalArgumentException("\"values\": " + name + " is not a number");
            if (!m.settableNames().contains(name)) {
                throw new IllegalArgumentException("\"values\": unknown parameter '" + name + "' of " + p.id() + ModelText.suggestion(name, m.settableNames()));
            }
            try {
                m = m.with(name, v);
            } catch (ModelException x) {
                throw new IllegalArgumentException("\"values\": " + name + " = " + ParameterViewModel.format(v) + ": " + FieldMessages.refusal(x.getMessage()));
            }
        }
        run(SessionViewModel.T_END, s.tEnd);
        run(SessionViewModel.TRAJECTORIES, s.trajectories == null ? null : s.trajectories.doubleValue());
        run(SessionViewModel.SEED, s.seed == null ? null : s.seed.doubleValue());
        run(SessionViewModel.FP_CELLS, s.fpCells == null ? null : s.fpCells.doubleValue());
        for (String id : s.solvers) {
            if (!solvers.ids().contains(id)) throw new IllegalArgumentException("\"solvers\": unknown solver '" + id + "'" + ModelText.suggestion(id, solvers.ids()));
        }
        Set<String> options = new HashSet<>(), panes = new HashSet<>();
        for (PaneKind k : Panes.all()) {
            panes.add(k.id());
            for (PaneOption o : k.options()) options.add(o.id());
        }
        for (String id : s.options) if (!options.contains(id)) throw new IllegalArgumentException("\"options\": unknown pane option '" + id + "'" + ModelText.suggestion(id, options));
        for (String id : s.panes) if (!panes.contains(id)) throw new IllegalArgumentException("\"panes\": unknown pane '" + id + "'" + ModelText.suggestion(id, panes));
        return new SessionRestore(p, file);
    }

    private static void run(String name, Double v) {
        if (v == null) return;
        String problem = SessionViewModel.runSettingProblem(name, v);
        if (!problem.isEmpty()) throw new IllegalArgumentException("\"" + name + "\" = " + ParameterViewModel.format(v) + ": " + problem);
    }
}
