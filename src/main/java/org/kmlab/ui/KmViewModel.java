package org.kmlab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SolverRegistry;
import org.kmlab.run.km.KmEstimates;
import org.kmlab.run.km.KmSettings;
import org.kmlab.run.km.RunIncrements;
import org.kmlab.run.km.SeriesAnalysis;
import org.kmlab.run.km.SeriesCsv;
import org.kmlab.run.km.SeriesException;
import org.kmlab.solve.Workers;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kramers–Moyal estimation in the window: whether the run estimates (the pane option), the
 * estimator's settings, the run's estimate and a user's time series. Runs nothing on the JavaFX
 * thread: the run's increments are filed by the solvers ({@link RunIncrements}), estimates and
 * series are computed on one worker, and the frame loop {@link #poll}s for what is new (latest
 * wins, nothing pushed per event). The analyses it offers the panes come from {@link #analyses}.
 */
public final class KmViewModel implements AutoCloseable {
    private final SolverRegistry registry;
    private final Runnable restartRun;
    private final Workers worker = Workers.pool("km", 1);
    private final BooleanProperty estimating = new SimpleBooleanProperty(false);
    private final ObjectProperty<KmSettings> settings = new SimpleObjectProperty<>(KmSettings.defaults());
    private final ObjectProperty<SeriesAnalysis> series = new SimpleObjectProperty<>();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final AtomicReference<SeriesDone> seriesDone = new AtomicReference<>();
    private final AtomicReference<RunDone> runDone = new AtomicReference<>();
    private volatile RunIncrements watching;
    private RunIncrements watchedFor;
    private List<Object> estimatedVersion;
    private KmSettings estimatedWith;
    private KmEstimates estimates;
    private boolean busy;
    private long jobs;
    private Map<Class<?>, Object> analyses = Map.of();

    /** @param restartRun restarts the run on show (if any) so that it watches, or stops watching, with the new settings */
    public KmViewModel(SolverRegistry registry, Runnable restartRun) {
        this.registry = registry;
        this.restartRun = restartRun;
        estimating.addListener((o, was, on) -> restartRun.run());
        settings.addListener((o, was, now) -> {
            if (estimating.get() && Double.compare(was.dt(), now.dt()) != 0) restartRun.run();
            SeriesAnalysis s = series.get();
            if (s != null) submit(() -> s.with(now));
        });
    }

    /** On while the run's ensembles feed an estimate (the Kramers–Moyal pane's option). */
    public BooleanProperty estimatingProperty() { return estimating; }

    /** How to estimate; a new Δt restarts the run, the rest applies to the run's increments as they are. */
    public ObjectProperty<KmSettings> settingsProperty() { return settings; }

    /** The user's series on show, or null. */
    public ReadOnlyObjectProperty<SeriesAnalysis> seriesProperty() { return series; }

    /** Why the last series could not be opened or estimated (naming the file and line), or "". */
    public ReadOnlyStringProperty messageProperty() { return message; }

    /** The run's newest estimate, or null (for tests). */
    public KmEstimates estimates() { return estimates; }

    /**
     * The request a window run starts with: with an estimator on each ensemble solver's fine-step
     * hook while estimating (a one-species model), else unchanged, so the estimator costs nothing when off.
     */
    public RunRequest attach(RunRequest request) {
        RunIncrements w = estimating.get() ? RunIncrements.watch(request, registry, settings.get()) : null;
        watching = w;
        if (estimating.get() && w == null) {
            message.set("no estimate from this run: it needs a one-species model, an SSA or CLE run, and 4·Δt within the run");
        } else if (w != null && message.get().startsWith("no estimate from this run")) {
            message.set("");
        }
        return w == null ? request : w.request();
    }

    /** Reads a CSV off the JavaFX thread and estimates it; a bad file leaves {@link #messageProperty} naming the line. */
    public void openSeries(Path file) {
        message.set("");
        KmSettings s = settings.get();
        submit(() -> SeriesAnalysis.of(SeriesCsv.read(file), 0, s));
    }

    /** Forgets the series. */
    public void closeSeries() {
        series.set(null);
        message.set("");
        rebuildAnalyses();
    }

    /** A job for the worker; its result (a SeriesAnalysis, or a message) is picked up by {@link #poll}. */
    private void submit(java.util.function.Supplier<SeriesAnalysis> job) {
        long id = ++jobs;
        worker.submit(() -> {
            SeriesDone out;
            try {
                out = new SeriesDone(id, job.get(), "");
            } catch (SeriesException | IllegalArgumentException e) {
                out = new SeriesDone(id, null, e.getMessage());
            }
            seriesDone.set(out);
        });
    }

    private record SeriesDone(long job, SeriesAnalysis analysis, String problem) {}

    private record RunDone(RunIncrements source, KmEstimates estimates) {}

    /**
     * Called every frame on the JavaFX thread, with the run on show: takes what the worker finished
     * and, when the run's tables or the settings changed, asks for a new estimate.
     */
    public void poll(Run run) {
        SeriesDone s = seriesDone.getAndSet(null);
        if (s != null && s.job() == jobs) {
            if (s.analysis() != null) {
                series.set(s.analysis());
                message.set("");
            } else {
                message.set(s.problem());
            }
            rebuildAnalyses();
        }
        RunDone r = runDone.getAndSet(null);
        if (r != null) {
            busy = false;
            if (r.source() == watchedFor) {
                estimates = r.estimates();
                rebuildAnalyses();
            }
        }
        RunIncrements w = watching;
        if (run == null || w == null || !estimating.get() || run.request() != w.request()) {
            if (estimates != null || watchedFor != null) {
                estimates = null;
                watchedFor = null;
                estimatedVersion = null;
                rebuildAnalyses();
            }
            return;
        }
        if (w != watchedFor) {
            watchedFor = w;
            estimatedVersion = null;
            estimates = null;
            rebuildAnalyses();
        }
        List<Object> version = w.version();
        KmSettings with = settings.get();
        if (busy || (version.equals(estimatedVersion) && with.equals(estimatedWith))) return;
        busy = true;
        estimatedVersion = version;
        estimatedWith = with;
        worker.submit(() -> {
            KmEstimates e;
            try {
                e = w.estimate(with);
            } catch (RuntimeException ex) {   // an estimator's refusal of a setting: nothing drawn, said in the message
                e = new KmEstimates(List.of());
                String why = ex.getMessage() != null ? ex.getMessage() : ex.toString();
                javafx.application.Platform.runLater(() -> message.set("estimate: " + why));
            }
            runDone.set(new RunDone(w, e));
        });
    }

    private void rebuildAnalyses() {
        Map<Class<?>, Object> m = new HashMap<>();
        if (estimates != null && !estimates.isEmpty()) m.put(KmEstimates.class, estimates);
        if (series.get() != null) m.put(SeriesAnalysis.class, series.get());
        analyses = Map.copyOf(m);
    }

    /** The analyses for the panes (a new map whenever one changes: compare by identity). */
    public Map<Class<?>, Object> analyses() { return analyses; }

    @Override public void close() { worker.close(); }
}
