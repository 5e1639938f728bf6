package org.kmlab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.run.SolverPhase;
import org.kmlab.run.SolverState;

import java.util.Locale;

/**
 * The status line: time on show, events per second, trajectories done, the L1 distance between
 * the SSA histogram and the Fokker–Planck density at that time, and the run's message (a solver
 * that stopped, e.g. a population bound hit). Strings only; refreshed once per frame.
 */
public final class StatusViewModel {
    private final SimpleStringProperty time = new SimpleStringProperty("t = 0");
    private final SimpleStringProperty rate = new SimpleStringProperty("");
    private final SimpleStringProperty done = new SimpleStringProperty("");
    private final SimpleStringProperty message = new SimpleStringProperty("Ready: press Play (Space)");
    private final SimpleBooleanProperty failed = new SimpleBooleanProperty(false);
    private final DistanceTableViewModel distances = new DistanceTableViewModel();

    /** The distance table, refreshed with the status line. */
    public DistanceTableViewModel distances() { return distances; }

    public ReadOnlyStringProperty timeProperty() { return time; }
    public ReadOnlyStringProperty rateProperty() { return rate; }
    public ReadOnlyStringProperty doneProperty() { return done; }
    /** L1(SSA, FP), computed with the distance table off the JavaFX thread. */
    public ReadOnlyStringProperty distanceProperty() { return distances.headlineProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message; }
    /** True when a solver stopped with a problem (the message is then an error). */
    public ReadOnlyBooleanProperty failedProperty() { return failed; }

    void update(Run run, int k, String notice) {
        distances.update(run, k);
        if (run == null) {
            time.set("t = 0");
            rate.set("");
            done.set("");
            failed.set(false);
            message.set(notice.isEmpty() ? "Ready: press Play (Space)" : notice);
            return;
        }
        Recording rec = run.recording();
        time.set(String.format(Locale.ROOT, "t = %.2f / %.4g", k >= 0 ? rec.time(k) : 0.0, rec.time(rec.timeCount() - 1)));
        SolverState ssa = run.state("ssa");
        if (ssa != null) {
            double seconds = run.elapsedSeconds();
            rate.set(ssa.events() > 0 && seconds > 0 ? String.format(Locale.ROOT, "%s events/s", compact(ssa.events() / seconds)) : "events/s: –");
            // the SSA advances the whole ensemble together (time-major): all N are under way, this far
            done.set(ssa.phase() == SolverPhase.DONE
                    ? String.format(Locale.ROOT, "%,d / %,d trajectories done", run.trajectories(), run.trajectories())
                    : String.format(Locale.ROOT, "%,d trajectories, %.0f %% done", run.trajectories(), 100 * ssa.progress()));
        } else {
            rate.set("");
            done.set("");
        }
        String failure = run.failureMessage();
        failed.set(!failure.isEmpty());
        if (!failure.isEmpty()) message.set("⚠ " + failure);
        else if (!notice.isEmpty()) message.set(notice);   // a fresh notice (a file written) over the run's state
        else if (run.isFinished()) message.set(String.format(Locale.ROOT, "Finished in %.1f s", run.elapsedSeconds()));
        else message.set(anyRunning(run) ? "Running…" : "Starting…");
    }

    /** A problem of the window itself (e.g. a chart that cannot be drawn) overrides the run's message. */
    void reportDrawingProblem(String problem) {
        if (problem == null || problem.isEmpty()) return;
        failed.set(true);
        message.set("⚠ " + problem);
    }

    private static boolean anyRunning(Run run) {
        for (SolverState s : run.states()) if (s.phase() == SolverPhase.RUNNING) return true;
        return false;
    }

    static String compact(double v) {
        if (v >= 1e9) return String.format(Locale.ROOT, "%.1fG", v / 1e9);
        if (v >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
