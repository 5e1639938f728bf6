package org.kmlab.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kmlab.chart.SolverNames;
import org.kmlab.run.Run;
import org.kmlab.run.SolverComparison;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private record Result(Run run, SolverComparison comparison, String ssaToFp, String problem) {}

    private final SimpleStringProperty heading = new SimpleStringProperty("");
    private final SimpleStringProperty ssaToFp = new SimpleStringProperty("");
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would listen weakly and could be collected with its listeners. */
    private final ObservableList<Line> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kmlab-distances");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Result> ready = new AtomicReference<>();
    private final AtomicBoolean computing = new AtomicBoolean();
    private Run askedRun;
    private long askedVersion = -1;
    private int askedIndex = -1;

    public ReadOnlyStringProperty headingProperty() { return heading; }

    /** "L1(SSA, FP) = …" at the time on show (the status bar's distance, 1-D marginals), or "". */
    public ReadOnlyStringProperty ssaToFpProperty() { return ssaToFp; }

    public ObservableList<Line> lines() { return readOnlyLines; }

    /** Called on the JavaFX thread with the run and time index on show. */
    void update(Run run, int k) {
        Result done = ready.getAndSet(null);
        if (done != null && done.run() == run) {
            if (done.problem() != null) {
                heading.set("Distances unavailable: " + done.problem());
                lines.clear();
                ssaToFp.set("");
            } else {
                show(done.comparison());
                ssaToFp.set(done.ssaToFp());
            }
        }
        if (run == null || k < 0) {
            askedRun = null;
            heading.set("");
            lines.clear();
            ssaToFp.set("");
            return;
        }
        long version = run.recording().version();
        if (run == askedRun && version == askedVersion && k == askedIndex) return;
        if (!computing.compareAndSet(false, true)) return;   // one at a time: asked again on the next update
        askedRun = run;
        askedVersion = version;
        askedIndex = k;
        worker.execute(() -> {
            try {
                ready.set(new Result(run, SolverComparison.at(run.recording(), k), ssaToFpText(run, k), null));
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
        heading.set(String.format(Locale.ROOT, "Distance to %s at t = %.3g", SolverNames.shortLabel(c.reference()), c.time()));
        List<Line> next = new ArrayList<>();
        for (SolverComparison.Row row : c.rows()) {
            next.add(new Line(SolverNames.shortLabel(row.solver()), format(row.headlineL1()), format(row.headlineHellinger())));
        }
        if (!next.equals(lines)) lines.setAll(next);
    }

    /** The status-bar number: L1 between the SSA histogram and the FP density (first species). */
    private static String ssaToFpText(Run run, int k) {
        Snapshot ssa = run.recording().get("ssa", k), fp = run.recording().get("fp", k);
        Density1D a = ssa == null ? null : ssa.marginal(0), b = fp == null ? null : fp.marginal(0);
        if (a == null || b == null || a.size() == 0 || b.size() == 0) return "";
        return String.format(Locale.ROOT, "L1(SSA, FP) = %.3f", Distances.l1(a, b));
    }

    private static String format(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.4f", d);
    }

    @Override public void close() { worker.shutdownNow(); }
}
