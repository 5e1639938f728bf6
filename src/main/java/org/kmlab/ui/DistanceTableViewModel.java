package org.kmlab.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kmlab.chart.SolverNames;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.run.SolverComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The distance table: how far each approximation (FP, CLE, LNA, and the SSA's sampling noise) is
 * from the exact reference (the master equation, else the SSA) at the time on show, as L1 and
 * Hellinger distances. Recomputed only when the time on show or the recording changes.
 */
public final class DistanceTableViewModel {
    /** One line of the table, as text. */
    public record Line(String solver, String l1, String hellinger) {}

    private final SimpleStringProperty heading = new SimpleStringProperty("");
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private Run shownRun;
    private long shownVersion = -1;
    private int shownIndex = -1;

    public ReadOnlyStringProperty headingProperty() { return heading; }

    public ObservableList<Line> lines() { return FXCollections.unmodifiableObservableList(lines); }

    void update(Run run, int k) {
        if (run == null || k < 0) {
            if (shownRun != null || !lines.isEmpty()) clear();
            return;
        }
        Recording rec = run.recording();
        long version = rec.version();
        if (run == shownRun && version == shownVersion && k == shownIndex) return;
        shownRun = run;
        shownVersion = version;
        shownIndex = k;
        SolverComparison c = SolverComparison.at(rec, k);
        if (c.reference() == null || c.rows().isEmpty()) {
            heading.set("");
            lines.clear();
            return;
        }
        heading.set(String.format(Locale.ROOT, "Distance to %s at t = %.3g", SolverNames.label(c.reference()), c.time()));
        List<Line> next = new ArrayList<>();
        for (SolverComparison.Row row : c.rows()) {
            next.add(new Line(SolverNames.label(row.solver()), format(row.headlineL1()), format(row.headlineHellinger())));
        }
        lines.setAll(next);
    }

    private void clear() {
        shownRun = null;
        shownVersion = -1;
        shownIndex = -1;
        heading.set("");
        lines.clear();
    }

    private static String format(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.4f", d);
    }
}
