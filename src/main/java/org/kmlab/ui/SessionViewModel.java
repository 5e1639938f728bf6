package org.kmlab.ui;

import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.Preset;
import org.kmlab.model.RunSettings;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;

import java.util.ArrayList;
import java.util.List;

/**
 * The model being simulated and how: the chosen preset, its current parameter values, the run
 * settings and solver choice, and the commands that start, restart (debounced) and reset a run.
 * The charts, status bar and transport read the current {@link Run} from the service.
 */
public final class SessionViewModel {
    /** Settable names of run settings (beside the model's parameters, Omega and X0…). */
    public static final String T_END = "tEnd", TRAJECTORIES = "trajectories", SEED = "seed", FP_CELLS = "fpCells";
    static final Duration RESTART_DELAY = Duration.millis(250);

    private final SimulationService service;
    private final ObservableList<Preset> presets = FXCollections.observableArrayList();
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>();
    private final ObjectProperty<Model> model = new SimpleObjectProperty<>();
    private final ObjectProperty<RunSettings> settings = new SimpleObjectProperty<>();
    private final ObjectProperty<Run> run = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private final PauseTransition restart = new PauseTransition(RESTART_DELAY);
    private java.util.function.UnaryOperator<RunRequest> attach = r -> r;

    public SessionViewModel(SimulationService service) {
        this.service = service;
        restart.setOnFinished(e -> start());
    }

    public ObservableList<Preset> presets() { return presets; }
    public ReadOnlyObjectProperty<Preset> presetProperty() { return preset; }
    public ReadOnlyObjectProperty<Model> modelProperty() { return model; }
    public ReadOnlyObjectProperty<RunSettings> settingsProperty() { return settings; }
    /** The run on show (null before the first play or after reset). */
    public ReadOnlyObjectProperty<Run> runProperty() { return run; }
    /** A one-line notice for the status bar (a preset that failed to load, settings ignored…). */
    public ReadOnlyStringProperty noticeProperty() { return notice; }
    public Model model() { return model.get(); }
    public RunSettings settings() { return settings.get(); }
    public Run run() { return run.get(); }
    public SimulationService service() { return service; }

    /** How long a notice stands over a run's own status line ("Wrote …", "Copied …"). */
    static final long NOTICE_NANOS = 8_000_000_000L;
    private long noticeAt;

    public void setNotice(String text) {
        notice.set(text == null ? "" : text);
        noticeAt = System.nanoTime();
    }

    /** The notice if it was given in the last few seconds, else "". */
    public String freshNotice() { return System.nanoTime() - noticeAt < NOTICE_NANOS ? notice.get() : ""; }

    /** Shows a preset with its own defaults; stops the current run. Its values are what {@link #resetParameters} goes back to. */
    public void select(Preset p) {
        if (p == null) return;
        originals.put(p.id(), p);
        show(p);
    }

    /**
     * Shows a preset whose values were restored from the settings, while {@link #resetParameters}
     * goes back to those of {@code original}, the preset as in its file.
     */
    void selectRestored(Preset p, Preset original) {
        if (p == null) return;
        originals.put(original.id(), original);
        show(p);
    }

    /** The preset as first chosen (from its file), before any value was changed, or null. */
    public Preset original() {
        Preset p = preset.get();
        return p == null ? null : originals.get(p.id());
    }

    /**
     * Sets the parameters, Ω and the initial counts back to the preset's own values (as in its
     * file); the run settings and the solver choice stay. A running run restarts.
     */
    public void resetParameters() {
        Preset o = original();
        if (o == null) return;
        for (String name : model.get().settableNames()) {
            if (o.model().settableNames().contains(name)) set(name, o.model().valueOf(name));
        }
    }

    private final java.util.Map<String, Preset> originals = new java.util.HashMap<>();

    private void show(Preset p) {
        restart.stop();
        service.reset();
        run.set(null);
        int same = -1;
        for (int i = 0; i < presets.size(); i++) if (presets.get(i).id().equals(p.id())) same = i;
        if (same < 0) presets.add(p);
        else if (presets.get(same) != p) presets.set(same, p);   // restored values replace the defaults
        settings.set(p.run().withSolvers(service.registry().inDisplayOrder(p.run().solvers())));   // a solver this build lacks is left out
        model.set(p.model());
        preset.set(p);
    }

    /**
     * Sets a parameter, Ω, an initial count ("X0"), tEnd, trajectories or seed. Returns the reason
     * when the value is refused (nothing changes then), or empty. A running or finished run restarts
     * after a short pause, so dragging a slider restarts once, not at every pixel.
     */
    public String set(String name, double value) {
        String problem = runSettingProblem(name, value);
        if (!problem.isEmpty()) return problem;
        try {
            switch (name) {
                case T_END -> settings.set(settings.get().withTEnd(value));
                case TRAJECTORIES -> settings.set(settings.get().withTrajectories((int) value));
                case FP_CELLS -> settings.set(settings.get().withFpCells((int) value));
                case SEED -> settings.set(settings.get().withSeed((long) value));
                default -> model.set(model.get().with(name, value));
            }
        } catch (ModelException e) {
            return FieldMessages.refusal(e.getMessage());
        }
        if (run.get() != null) restart.playFromStart();
        return "";
    }

    /** True for the names of run settings (tEnd, trajectories, seed, FP cells), which are no model's. */
    public static boolean isRunSetting(String name) {
        return name.equals(T_END) || name.equals(TRAJECTORIES) || name.equals(SEED) || name.equals(FP_CELLS);
    }

    /** Why a run setting refuses this value, or "" (also "" for a model's name: the model checks those). */
    public static String runSettingProblem(String name, double value) {
        return switch (name) {
            case T_END -> !(value > 0) || Double.isInfinite(value) ? "must be a number > 0" : "";
            case TRAJECTORIES -> value != Math.rint(value) || value < 1 || value > RunSettings.MAX_TRAJECTORIES
                    ? String.format(java.util.Locale.ROOT, "must be a whole number from 1 to %,d", RunSettings.MAX_TRAJECTORIES) : "";
            case FP_CELLS -> value != Math.rint(value) || (value != 0 && (value < 8 || value > RunSettings.MAX_FP_CELLS))
                    ? "0 (the solver chooses) or a whole number from 8 to " + RunSettings.MAX_FP_CELLS : "";
            case SEED -> value != Math.rint(value) || Math.abs(value) > 1e15 ? "must be a whole number" : "";
            default -> "";
        };
    }

    /** Current value of a settable name. */
    public double valueOf(String name) {
        return switch (name) {
            case T_END -> settings.get().tEnd();
            case TRAJECTORIES -> settings.get().trajectories();
            case SEED -> settings.get().seed();
            case FP_CELLS -> settings.get().fpCells();
            default -> model.get().valueOf(name);
        };
    }

    public boolean isSolverEnabled(String id) { return settings.get().solvers().contains(id); }

    public void setSolverEnabled(String id, boolean on) {
        List<String> s = new ArrayList<>(settings.get().solvers());
        if (on && !s.contains(id)) s.add(id);
        if (!on) s.remove(id);
        settings.set(settings.get().withSolvers(service.registry().inDisplayOrder(s)));
        if (run.get() != null) restart.playFromStart();
    }

    /** True while a restart waits for the slider to stop (for tests). */
    boolean restartPending() { return restart.getStatus() == javafx.animation.Animation.Status.RUNNING; }

    /** What a run's request gets before it starts: analyses that watch a solver (Kramers–Moyal estimation) attach here. */
    public void setAttach(java.util.function.UnaryOperator<RunRequest> a) { attach = a == null ? r -> r : a; }

    /** Restarts the run on show after the short pause (an analysis changed what it watches); nothing before a first run. */
    public void restartSoon() {
        if (run.get() != null) restart.playFromStart();
    }

    /** Starts a run of the current model and settings now (cancelling any other). */
    public void start() {
        restart.stop();
        run.set(service.start(attach.apply(RunRequest.window(model.get(), settings.get()))));
    }

    /** True when the run on show was made from other values than the current ones (or there is none). */
    public boolean isRunStale() {
        Run r = run.get();
        return r == null || !r.request().model().equals(model.get()) || !r.request().settings().equals(settings.get());
    }

    /** Cancels and forgets the run. */
    public void reset() {
        restart.stop();
        service.reset();
        run.set(null);
    }
}
