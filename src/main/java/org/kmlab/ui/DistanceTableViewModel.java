package org.kmlab.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kmlab.run.Recording;
import org.kmlab.solve.Workers;
import org.kmlab.run.Run;
import org.kmlab.run.SolverComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The distance table: how far each approximation (FP, CLE, LNA, and the SSA's sampling noise) is
 * from the exact reference (the master equation, else the SSA) at the time on show, as L1 and
 * Hellinger distances. The comparison ({@link SolverComparison}; rebinning 2-D densities takes
 * milliseconds) runs on a worker thread of its own when the time on show or the recording
 * changes; {@link #update} only starts it and shows the newest finished result, so the JavaFX
 * thread never waits for it.
 */
public final class DistanceTableViewModel implements AutoCloseable {
    /** One line of the table, as text. */
    public record Line(String solver, String l1, String hellinger) {}

    /** A finished comparison and the status line's SSA-to-FP text, or the reason it failed (then {@code comparison} is null). */
    private record Result(Run run, SolverComparison comparison, String headline, String problem) {}

    private final SimpleStringProperty heading = new SimpleStringProperty("");
    private final SimpleStringProperty headline = new SimpleStringProperty("");
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would listen weakly and could be collected with its listeners. */
    private final ObservableList<Line> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final Workers worker = Workers.pool("distances", 1);
    private final AtomicReference<Result> ready = new AtomicReference<>();
    private final AtomicBoolean computing = new AtomicBoolean();
    private Run askedRun;
    private long askedVersion = -1;
    private int askedIndex = -1;

    public ReadOnlyStringProperty headingProperty() { return heading; }

    /** "L1(FP, CME) = …" at the time on show (the status bar's distance), or "". */
    public ReadOnlyStringProperty headlineProperty() { return headline; }

    public ObservableList<Line> lines() { return readOnlyLines; }

    /** Called on the JavaFX thread with the run and time index on show. */
    void update(Run run, int k) {
        Result done = ready.getAndSet(null);
        if (done != null && done.run() == run) {
            if (done.problem() != null) {
                heading.set("Distances unavailable: " + done.problem());
                lines.clear();
                headline.set("");
            } else {
                show(done.comparison());
                headline.set(done.headline());
            }
        }
        if (run == null || k < 0) {
            askedRun = null;
            heading.set("");
            lines.clear();
            headline.set("");
            return;
        }
        long version = run.recording().version();
        if (run == askedRun && version == askedVersion && k == askedIndex) return;
        if (!computing.compareAndSet(false, true)) return;   // one at a time: asked again on the next update
        askedRun = run;
        askedVersion = version;
        askedIndex = k;
        worker.submit(() -> {
            try {
                SolverComparison c = SolverComparison.at(run.recording(), k);
                ready.set(new Result(run, c, headline(run.recording(), c), null));
            } catch (RuntimeException e) {   // shown in the table's heading; later comparisons still run
                ready.set(new Result(run, null, "", String.valueOf(e.getMessage() != null ? e.getMessage() : e)));
            } finally {
                computing.set(false);
            }
        });
    }

    private void show(SolverComparison c) {
        if (c.reference() == null || c.rows().isEmpty()) {
            heading.set("");
            lines.clear();
            return;
        }
        Recording rec = askedRun.recording();
        heading.set(String.format(Locale.ROOT, "Distance to %s at t = %.3g", rec.descriptor(c.reference()).shortLabel(), c.time()));
        List<Line> next = new ArrayList<>();
        for (SolverComparison.Row row : c.rows()) {
            next.add(new Line(rec.descriptor(row.solver()).shortLabel(), format(row.headlineL1()), format(row.headlineHellinger())));
        }
        if (!next.equals(lines)) lines.setAll(next);
    }

    /**
     * The status bar's number: the L1 distance of the first continuous approximation (Fokker–Planck)
     * to the reference, from the table's own comparison.
     */
    private static String headline(Recording rec, SolverComparison c) {
        for (SolverComparison.Row row : c.rows()) {
            if (rec.descriptor(row.solver()).output() != org.kmlab.solve.SolverDescriptor.Output.DENSITY || Double.isNaN(row.headlineL1())) continue;
            return String.format(Locale.ROOT, "L1(%s, %s) = %.3f", rec.descriptor(row.solver()).shortLabel(), rec.descriptor(c.reference()).shortLabel(), row.headlineL1());
        }
        return "";
    }

    private static String format(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.4f", d);
    }

    @Override public void close() { worker.close(); }
}
