package org.kmlab.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kmlab.export.data.OutputFolder;
import org.kmlab.export.data.SweepFiles;
import org.kmlab.model.Environment;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.Preset;
import org.kmlab.run.SolverRegistry;
import org.kmlab.export.data.PassageFiles;
import org.kmlab.run.sweep.PassageProblem;
import org.kmlab.run.sweep.PassageResult;
import org.kmlab.run.sweep.PassageRun;
import org.kmlab.run.sweep.PassageSweep;
import org.kmlab.run.sweep.SolverSeries;
import org.kmlab.run.sweep.SweepRequest;
import org.kmlab.run.sweep.SweepResult;
import org.kmlab.run.sweep.SweepRun;
import org.kmlab.run.sweep.SystemSizeSweep;
import org.kmlab.solve.Workers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The system-size sweep in the window (Analysis ▸ System-size sweep…): what to sweep (a settable
 * name of the model, Ω by default), the values, the time T and the solvers, each checked as it is
 * typed with the reason in words; the sweep itself ({@link SystemSizeSweep}) runs on its own pool
 * of all cores but one, and a timer on the JavaFX thread (10 times a second) reads its progress and
 * its result so far, which it publishes whenever another value has finished. Cancelling stops it at
 * once; what had finished stays, marked "cancelled". Another model or preset clears the sweep
 * (it belongs to the model it was made of); a changed value does not.
 *
 * <p>The quantity: the distances (above), or the mean first-passage time against Ω
 * ({@link PassageSweep}; Ω only, no time T), which needs an absorbing set or two wells: without,
 * the choice is refused with the reason ({@link #passageUnavailableProperty()}).
 */
public final class SweepViewModel implements AutoCloseable {
    private static final long POLL_NANOS = 100_000_000L;
    private static final double[] OMEGA_DEFAULTS = {1, 3, 10, 30, 100}, PASSAGE_DEFAULTS = {2, 5, 10, 20, 40};

    /** What a sweep measures. */
    public enum Quantity {
        DISTANCES("distances to the master equation"), PASSAGE("mean first-passage time");

        private final String label;

        Quantity(String label) { this.label = label; }

        @Override public String toString() { return label; }
    }

    private final SessionViewModel session;
    private final SystemSizeSweep sweeper;
    private Workers pool;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty parameter = new SimpleStringProperty(Environment.OMEGA);
    private final StringProperty values = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final Map<String, BooleanProperty> solvers = new LinkedHashMap<>();
    private final StringProperty valuesError = new SimpleStringProperty(""), timeError = new SimpleStringProperty(""),
            solversError = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<SweepResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Quantity> quantity = new SimpleObjectProperty<>(Quantity.DISTANCES);
    private final StringProperty passageUnavailable = new SimpleStringProperty("");
    private final ObjectProperty<PassageResult> passageResult = new SimpleObjectProperty<>();
    private final BooleanProperty hasResult = new SimpleBooleanProperty();
    private final PassageSweep passageSweeper;
    private PassageRun currentPassage;
    private Model passageModel;
    private final AnimationTimer poll = new AnimationTimer() {
        private long last;

        @Override public void handle(long now) {
            if (now - last < POLL_NANOS) return;
            last = now;
            follow();
        }
    };
    private SweepRun current;
    private int publishedCount = -1;
    /** The request and model id of the result on show (for its data files). */
    private SweepRequest resultRequest;
    private String resultModelId = "";
    private String runningModelId = "";
    private boolean checking;

    public SweepViewModel(SessionViewModel session) {
        this.session = session;
        this.sweeper = new SystemSizeSweep(session.service().registry());
        this.passageSweeper = new PassageSweep(session.service().registry());
        hasResult.bind(result.isNotNull().or(passageResult.isNotNull()));
        quantity.addListener((o, a, q) -> quantityChosen(q));
        for (String id : session.service().registry().ids()) {
            BooleanProperty on = new SimpleBooleanProperty(SweepRequest.DEFAULT_SOLVERS.contains(id));
            on.addListener((o, a, b) -> check());
            solvers.put(id, on);
        }
        parameter.addListener((o, a, b) -> {
            if (b != null && session.model() != null && !checking) values.set(defaultValues(session.model(), b));
            check();
        });
        values.addListener((o, a, b) -> check());
        time.addListener((o, a, b) -> check());
        session.presetProperty().addListener((o, a, p) -> modelChosen(p));
        session.settingsProperty().addListener((o, a, s) -> { if (s != null && (a == null || a.tEnd() != s.tEnd())) time.set(ParameterViewModel.format(s.tEnd())); });
        if (session.presetProperty().get() != null) modelChosen(session.presetProperty().get());
    }

    /** The names a sweep may go over: the model's parameters, Omega and the initial counts. */
    public ObservableList<String> names() { return names; }
    public StringProperty parameterProperty() { return parameter; }
    public StringProperty valuesProperty() { return values; }
    public StringProperty timeProperty() { return time; }
    /** Per solver id, whether the sweep runs it. */
    public Map<String, BooleanProperty> solvers() { return solvers; }
    public ReadOnlyStringProperty valuesErrorProperty() { return valuesError; }
    public ReadOnlyStringProperty timeErrorProperty() { return timeError; }
    public ReadOnlyStringProperty solversErrorProperty() { return solversError; }
    public ReadOnlyBooleanProperty runningProperty() { return running; }
    /** Fraction done of the sweep under way, in [0, 1]. */
    public ReadOnlyDoubleProperty progressProperty() { return progress; }
    /** One line for the status bar: the progress, or how the last sweep ended and its slopes; "" when there is none. */
    public ReadOnlyStringProperty statusProperty() { return status; }
    /** The sweep on show (partial while running, marked cancelled when cancelled), or null. */
    public ReadOnlyObjectProperty<SweepResult> resultProperty() { return result; }
    public SweepResult result() { return result.get(); }
    /** What the sweep measures; PASSAGE is refused (set back) while {@link #passageUnavailableProperty()} says why. */
    public ObjectProperty<Quantity> quantityProperty() { return quantity; }
    /** Why the model has no mean first-passage time to sweep (no absorbing set, no two wells), or "". */
    public ReadOnlyStringProperty passageUnavailableProperty() { return passageUnavailable; }
    /** The passage sweep on show, or null. */
    public ReadOnlyObjectProperty<PassageResult> passageResultProperty() { return passageResult; }
    /** True while a sweep of either quantity is on show. */
    public ReadOnlyBooleanProperty hasResultProperty() { return hasResult; }
    public boolean isRunning() { return running.get(); }
    /** The solvers a sweep may run. */
    SolverRegistry solversRegistry() { return session.service().registry(); }

    /** A new model (a preset, a file, the text editor): the sweep of the old one goes, the fields start afresh. */
    private void modelChosen(Preset p) {
        clear();
        if (p == null) return;
        Model m = p.model();
        String why = PassageProblem.unsupportedReason(m, p.id());
        passageUnavailable.set(why == null ? "" : why);
        checking = true;
        try {
            if (why != null) quantity.set(Quantity.DISTANCES);
            names.setAll(m.settableNames());
            parameter.set(Environment.OMEGA);
            values.set(quantity.get() == Quantity.PASSAGE ? passageValues(m) : defaultValues(m, Environment.OMEGA));
            time.set(ParameterViewModel.format(session.settings().tEnd()));
        } finally {
            checking = false;
        }
        check();
    }

    /** Another quantity: refused without a passage to measure; the passage sweep goes over Ω from its own defaults. */
    private void quantityChosen(Quantity q) {
        if (q == Quantity.PASSAGE && !passageUnavailable.get().isEmpty()) {
            Platform.runLater(() -> quantity.set(Quantity.DISTANCES));   // not from inside the change event
            return;
        }
        Model m = session.model();
        if (m != null && !checking) {
            checking = true;
            try {
                parameter.set(Environment.OMEGA);
                values.set(q == Quantity.PASSAGE ? passageValues(m) : defaultValues(m, Environment.OMEGA));
                List<String> defaults = q == Quantity.PASSAGE ? PassageSweep.DEFAULT_SOLVERS : SweepRequest.DEFAULT_SOLVERS;
                solvers.forEach((id, on) -> on.set(defaults.contains(id)));
            } finally {
                checking = false;
            }
        }
        check();
    }

    /** 2, 5, 10, 20, 40 within the model's Ω range (T grows like e^{SΩ}: a wide range takes the ensemble out of its budget soon). */
    static String passageValues(Model m) {
        List<String> texts = new ArrayList<>();
        for (double v : PASSAGE_DEFAULTS) if (v >= m.omega().min() && v <= m.omega().max()) texts.add(ParameterViewModel.format(v));
        return texts.size() >= 2 ? String.join(", ", texts) : defaultValues(m, Environment.OMEGA);
    }

    /**
     * Values to start from: 1, 3, 10, 30, 100 for Ω, kept within the model's Ω range; for another
     * name a factor of 4 either side of its current value (whole numbers for an initial count).
     */
    static String defaultValues(Model m, String name) {
        TreeSet<Double> out = new TreeSet<>();
        if (Environment.OMEGA.equals(name)) {
            for (double v : OMEGA_DEFAULTS) if (v >= m.omega().min() && v <= m.omega().max()) out.add(v);
            if (out.size() < 3) {
                double lo = Math.max(m.omega().min(), 1e-3), hi = Math.max(m.omega().max(), lo * 100);
                for (int i = 0; i < 5; i++) out.add(roundish(lo * Math.pow(hi / lo, i / 4.0)));
            }
        } else {
            double v = m.valueOf(name);
            if (!(v > 0)) v = 1;
            boolean whole = m.species().stream().anyMatch(s -> s.initialName().equals(name));
            for (double f : new double[] {0.25, 0.5, 1, 2, 4}) {
                double x = whole ? Math.max(1, Math.rint(v * f)) : roundish(v * f);
                out.add(x);
            }
        }
        List<String> texts = new ArrayList<>();
        for (double v : out) texts.add(ParameterViewModel.format(v));
        return String.join(", ", texts);
    }

    private static double roundish(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    /**
     * Checks the fields: each refused one gets its reason in words (and the sweep cannot start).
     * Returns the request when everything is valid, else null.
     */
    public SweepRequest check() {
        if (checking) return null;
        Model m = session.model();
        valuesError.set("");
        timeError.set("");
        solversError.set("");
        if (m == null) return null;
        double[] v = null;
        try {
            v = parseValues(values.get());
        } catch (IllegalArgumentException e) {
            valuesError.set(e.getMessage());
        }
        if (quantity.get() == Quantity.PASSAGE) {
            checkPassage(m, v);
            return null;
        }
        double t = Double.NaN;
        String tText = time.get() == null ? "" : time.get().strip();
        try {
            t = Double.parseDouble(tText);
            if (!(t > 0) || Double.isInfinite(t)) timeError.set("T must be a number > 0");
        } catch (NumberFormatException e) {
            timeError.set(FieldMessages.notANumber(tText));
        }
        List<String> chosen = new ArrayList<>();
        solvers.forEach((id, on) -> { if (on.get()) chosen.add(id); });
        SolverRegistry registry = session.service().registry();
        if (SolverRegistry.bestReference(chosen.stream().map(registry::descriptor).toList()).isEmpty()) {
            solversError.set("choose CME or SSA: the distances are measured against one of them");
        } else if (chosen.size() < 2) {
            solversError.set("choose at least one approximation to measure against the reference");
        }
        String name = parameter.get();
        if (v != null && name != null) {
            java.util.Set<Double> seen = new java.util.HashSet<>();
            for (double x : v) {
                if (!seen.add(x)) {
                    valuesError.set(label(name) + " = " + ParameterViewModel.format(x) + " is given twice");
                    break;
                }
                if (!(x > 0)) {
                    valuesError.set(label(name) + " = " + ParameterViewModel.format(x) + ": the values must be > 0 (the slopes are fitted on log–log axes)");
                    break;
                }
                try {
                    m.with(name, x);
                } catch (ModelException e) {
                    valuesError.set(label(name) + " = " + ParameterViewModel.format(x) + ": " + FieldMessages.refusal(e.getMessage()));
                    break;
                }
            }
        }
        if (!valuesError.get().isEmpty() || !timeError.get().isEmpty() || !solversError.get().isEmpty() || v == null || name == null) return null;
        try {
            return SweepRequest.of(m, name, v, t, session.settings().withSolvers(chosen), registry);
        } catch (ModelException e) {
            valuesError.set(friendly(e.getMessage(), name));
            return null;
        }
    }

    /** The passage sweep's request when the values and solvers are valid, else null with the reasons on the fields. */
    PassageSweep.Request checkPassage() {
        if (checking || session.model() == null) return null;
        double[] v;
        try {
            v = parseValues(values.get());
        } catch (IllegalArgumentException e) {
            valuesError.set(e.getMessage());
            return null;
        }
        return checkPassage(session.model(), v);
    }

    private PassageSweep.Request checkPassage(Model m, double[] v) {
        if (!passageUnavailable.get().isEmpty()) {
            valuesError.set(passageUnavailable.get());
            return null;
        }
        List<String> chosen = new ArrayList<>();
        solvers.forEach((id, on) -> { if (on.get()) chosen.add(id); });
        if (chosen.isEmpty()) solversError.set("choose at least one solver (the exact sum is drawn as well, where it applies)");
        if (v == null || !valuesError.get().isEmpty() || !solversError.get().isEmpty()) return null;
        try {
            return passageSweeper.request(m, v, session.settings().withSolvers(chosen));
        } catch (ModelException e) {
            valuesError.set(friendly(e.getMessage(), Environment.OMEGA));
            return null;
        }
    }

    /** The values typed, separated by commas or spaces. */
    static double[] parseValues(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("type the values, e.g. 1, 3, 10, 30, 100");
        List<Double> out = new ArrayList<>();
        for (String part : t.split("[,;\\s]+")) {
            if (part.isEmpty()) continue;
            try {
                double v = Double.parseDouble(part);
                if (Double.isInfinite(v)) throw new IllegalArgumentException("'" + part + "' is too large");
                out.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(FieldMessages.notANumber(part));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The sweep's own messages, with Ω for "Omega" and without the reason's technical tail. */
    private static String friendly(String message, String name) {
        String m = message;
        if (m.startsWith(name + " = ")) m = label(name) + m.substring(name.length());
        return m.replace(" (slopes are fitted on log–log axes)", ": the slopes are fitted on log–log axes");
    }

    static String label(String name) { return Environment.OMEGA.equals(name) ? "Ω" : name; }

    /** Starts a sweep of the fields' values (cancelling one under way); false, with the reasons on the fields, when they are refused. */
    public boolean start() {
        if (quantity.get() == Quantity.PASSAGE) return startPassage();
        SweepRequest request = check();
        if (request == null) return false;
        cancel();
        result.set(null);
        passageResult.set(null);
        resultRequest = null;
        publishedCount = 0;
        Preset p = session.presetProperty().get();
        runningModelId = p == null ? request.model().name() : p.id();
        current = sweeper.start(request, pool());
        running.set(true);
        progress.set(0);
        status.set(progressText(0, 0, request.size(), request.parameter()));
        poll.start();
        return true;
    }

    private boolean startPassage() {
        PassageSweep.Request request = checkPassage();
        if (request == null) return false;
        cancel();
        result.set(null);
        passageResult.set(null);
        publishedCount = 0;
        Preset p = session.presetProperty().get();
        runningModelId = p == null ? request.problem().model().name() : p.id();
        currentPassage = passageSweeper.start(request, pool());
        running.set(true);
        progress.set(0);
        status.set(progressText(0, 0, request.size(), Environment.OMEGA));
        poll.start();
        return true;
    }

    private Workers pool() {
        if (pool == null) pool = Workers.pool("sweep", Math.max(1, Runtime.getRuntime().availableProcessors() - 1));   // a core stays free for the window
        return pool;
    }

    /** Reads the sweep under way: its progress, and its result whenever another value has finished. */
    private void follow() {
        if (currentPassage != null) {
            followPassage();
            return;
        }
        SweepRun run = current;
        if (run == null) {
            poll.stop();
            return;
        }
        SweepResult r = run.result();
        if (run.isDone()) {
            current = null;
            poll.stop();
            running.set(false);
            progress.set(1);
            show(r.finishedCount() > 0 ? r : null, run.request());
            status.set(r.state() == SweepResult.State.CANCELLED ? cancelledText(r) : doneText(r));
            session.setNotice(status.get());
            return;
        }
        double f = run.progress();
        progress.set(f);
        if (r.finishedCount() != publishedCount) {
            publishedCount = r.finishedCount();
            if (r.finishedCount() > 0) show(r, run.request());
        }
        status.set(progressText(f, r.finishedCount(), r.size(), r.parameter()));
    }

    private void followPassage() {
        PassageRun run = currentPassage;
        PassageResult r = run.result();
        if (run.isDone()) {
            currentPassage = null;
            poll.stop();
            running.set(false);
            progress.set(1);
            showPassage(r.finishedCount() > 0 ? r : null, run.request().problem().model());
            status.set(r.state() == SweepResult.State.CANCELLED ? cancelledText(r.finishedCount(), r.size()) : doneText(r));
            session.setNotice(status.get());
            return;
        }
        progress.set(run.progress());
        if (r.finishedCount() != publishedCount) {
            publishedCount = r.finishedCount();
            if (r.finishedCount() > 0) showPassage(r, run.request().problem().model());
        }
        status.set(progressText(run.progress(), r.finishedCount(), r.size(), Environment.OMEGA));
    }

    private void showPassage(PassageResult r, Model m) {
        passageResult.set(r);
        passageModel = m;
        resultModelId = runningModelId;
    }

    private void show(SweepResult r, SweepRequest request) {
        result.set(r);
        resultRequest = r == null ? null : request;
        resultModelId = runningModelId;
    }

    /**
     * Stops the sweep under way at once (its runs stop at their next check, on their own threads);
     * the values that finished stay on show, marked cancelled.
     */
    public void cancel() {
        PassageRun passage = currentPassage;
        if (passage != null) {
            currentPassage = null;
            poll.stop();
            passage.cancel();
            PassageResult r = passage.result();
            PassageResult marked = new PassageResult(r.model(), r.definition(), r.values(), r.series(), r.finished(), r.settings(), r.seconds(),
                    SweepResult.State.CANCELLED);
            running.set(false);
            showPassage(marked.finishedCount() > 0 ? marked : null, passage.request().problem().model());
            status.set(cancelledText(marked.finishedCount(), marked.size()));
            session.setNotice(status.get());
            return;
        }
        SweepRun run = current;
        if (run == null) return;
        current = null;
        poll.stop();
        run.cancel();
        SweepResult r = run.result();
        SweepResult marked = new SweepResult(r.model(), r.parameter(), r.values(), r.time(), r.reference(), r.series(), r.coefficients(),
                r.finished(), r.settings(), r.seconds(), SweepResult.State.CANCELLED);
        running.set(false);
        show(marked.finishedCount() > 0 ? marked : null, run.request());
        status.set(cancelledText(marked));
        session.setNotice(status.get());
    }

    /** Cancels any sweep and forgets the one on show. */
    public void clear() {
        cancel();
        show(null, null);
        showPassage(null, null);
        status.set("");
        progress.set(0);
    }

    private static String progressText(double f, int done, int of, String parameter) {
        return String.format(Locale.ROOT, "Sweep over %s: %d of %d values, %.0f %% (Esc cancels)", label(parameter), done, of, 100 * f);
    }

    private static String cancelledText(SweepResult r) { return cancelledText(r.finishedCount(), r.size()); }

    private static String cancelledText(int finished, int size) {
        return finished == 0 ? "Sweep cancelled before any value finished"
                : String.format(Locale.ROOT, "Sweep cancelled: %d of %d values on the chart, marked cancelled", finished, size);
    }

    /** "Mean first-passage time over Ω done in 2.1 s: exponent S exact 0.282, CME 0.282, FP 0.276". */
    private static String doneText(PassageResult r) {
        List<String> parts = new ArrayList<>();
        for (PassageResult.Series s : r.series()) {
            parts.add(s.label() + (s.fit().exists() ? String.format(Locale.ROOT, " %.3f", s.fit().rate()) : " none"));
        }
        return String.format(Locale.ROOT, "Mean first-passage time over Ω done in %.1f s: exponent S (T ∝ e^(SΩ)) %s", r.seconds(), String.join(", ", parts));
    }

    private static String doneText(SweepResult r) {
        return String.format(Locale.ROOT, "Sweep over %s done in %.1f s: %s", label(r.parameter()), r.seconds(), slopes(r));
    }

    /** "FP slope −1.01, LNA slope −0.50" (L1 against the swept name). */
    static String slopes(SweepResult r) {
        List<String> parts = new ArrayList<>();
        for (SolverSeries s : r.series()) {
            double v = s.l1Fit().slope();
            parts.add(s.solver().shortLabel() + (Double.isFinite(v) ? " slope " + String.format(Locale.ROOT, "%.2f", v).replace('-', '−') : " no slope"));
        }
        return String.join(", ", parts);
    }

    /** True when there is a finished (or cancelled) sweep whose data can be written. */
    public boolean hasData() { return hasResult.get() && !running.get(); }

    /**
     * Writes sweep.csv and sweep.json of the sweep on show into {@code dir}, both or neither, off
     * the JavaFX thread; {@code done} is told on the JavaFX thread with the folder or the problem.
     */
    public CompletableFuture<Path> exportData(Path dir) {
        if (passageResult.get() != null) return exportPassage(dir);
        SweepResult r = result.get();
        SweepRequest request = resultRequest;
        String modelId = resultModelId;
        if (r == null || request == null) return CompletableFuture.failedFuture(new IllegalStateException("there is no sweep to export: run one first"));
        if (running.get()) return CompletableFuture.failedFuture(new IllegalStateException("the sweep is still running: wait for it or cancel it"));
        return write(dir, folder -> SweepFiles.stage(folder, modelId, request, r), SweepFiles.CSV, SweepFiles.JSON_FILE);
    }

    /** passage.csv and passage.json of the passage sweep on show, as {@link #exportData}. */
    private CompletableFuture<Path> exportPassage(Path dir) {
        PassageResult r = passageResult.get();
        Model m = passageModel;
        String modelId = resultModelId;
        if (running.get()) return CompletableFuture.failedFuture(new IllegalStateException("the sweep is still running: wait for it or cancel it"));
        return write(dir, folder -> PassageFiles.stage(folder, modelId, m, r), PassageFiles.CSV, PassageFiles.JSON_FILE);
    }

    private interface Staging { void stage(OutputFolder folder) throws IOException; }

    /** Writes the files into dir off the JavaFX thread, all or none, and says so in the status line. */
    private CompletableFuture<Path> write(Path dir, Staging files, String csv, String json) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        pool().submit(() -> {
            OutputFolder folder = null;
            try {
                folder = OutputFolder.prepare(dir);
                files.stage(folder);
                folder.commit();
                done.complete(folder.dir());
            } catch (IOException | RuntimeException e) {
                if (folder != null) folder.abort();
                done.completeExceptionally(new IOException("cannot write the sweep's data into " + dir + ": " + e.getMessage(), e));
            }
        });
        done.whenComplete((path, error) -> Platform.runLater(() -> {
            if (error == null) session.setNotice("Wrote " + path.resolve(csv) + " and " + json);
        }));
        return done;
    }

    /** Cancels any sweep and stops its threads (the window closes). */
    @Override public void close() {
        cancel();
        poll.stop();
        if (pool != null) pool.close();
    }

    /** For the view: the problem of an export, in words. */
    static String why(Throwable error) {
        Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        return java.util.Objects.requireNonNullElse(e.getMessage(), e.toString());
    }
}
