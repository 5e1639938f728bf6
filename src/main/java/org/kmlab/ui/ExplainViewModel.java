package org.kmlab.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.Workers;
import org.kmlab.solve.ssa.ExplainedTrajectory;
import org.kmlab.solve.ssa.GillespieStep;

import java.util.function.Consumer;

/**
 * Explain mode: one member of the SSA ensemble, stepped a draw at a time ({@link ExplainedTrajectory}).
 * Every draw and every run to the next output time happens on one worker thread (a run may be
 * millions of events, and can be cancelled); the JavaFX thread only receives the finished
 * {@link GillespieStep} and the trajectory's {@link Position}, one update per command.
 */
public final class ExplainViewModel implements AutoCloseable {
    /** Where the trajectory is: time, counts, the next output time, events so far. */
    public record Position(int member, double time, long[] counts, int nextOutput, double nextOutputTime,
                           int outputCount, long events) {
        public boolean finished() { return nextOutput >= outputCount; }
        /** The last output time reached (index). */
        public int reachedOutput() { return nextOutput - 1; }
    }

    private final Workers worker = Workers.pool("explain", 1);
    private final ReadOnlyObjectWrapper<GillespieStep> step = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Problem problem;
    private ExplainedTrajectory trajectory;   // touched by the worker only
    private volatile CancellationToken cancel = new CancellationToken();
    private long generation;

    /** The last draw (null before the first, and after {@link #open}). */
    public ReadOnlyObjectProperty<GillespieStep> stepProperty() { return step.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Position> positionProperty() { return position.getReadOnlyProperty(); }
    /** True while a command runs on the worker. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Why the last command stopped short ("cancelled", a population past the bound…), or "". */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public Problem problem() { return problem; }

    /** Starts member {@code member} of {@code problem}'s ensemble from t = 0 (stopping anything running). */
    public void open(Problem problem, int member) {
        this.problem = problem;
        cancel.cancel();                       // a new trajectory supersedes a running command
        step.set(null);
        message.set("");
        submit(new CancellationToken(), () -> {
            trajectory = new ExplainedTrajectory(problem, member);
            return null;
        }, s -> { });
    }

    /** One draw of the direct method. */
    public void step() {
        submit(new CancellationToken(), () -> trajectory.finished() ? null : trajectory.step(), s -> { if (s != null) step.set(s); });
    }

    /** Draws until the next output time; the panel then shows the last draw (the one that reached it). */
    public void runToNextOutput() {
        CancellationToken token = new CancellationToken();
        submit(token, () -> trajectory.finished() ? null : trajectory.runToNextOutput(token), s -> { if (s != null) step.set(s); });
    }

    /** Stops a run to the next output time where it got to. */
    public void cancel() { cancel.cancel(); }

    private interface Job { GillespieStep run(); }

    /** Runs a command on the worker; only the latest command's results reach the properties. */
    private void submit(CancellationToken token, Job job, Consumer<GillespieStep> done) {
        long id = ++generation;
        cancel = token;
        busy.set(true);
        worker.submit(() -> {
            GillespieStep s = null;
            String why = "";
            try {
                s = job.run();
            } catch (CancelledException e) {
                why = "Stopped: the trajectory stays where it got to.";
            } catch (SolverException | IllegalStateException | IllegalArgumentException e) {
                why = e.getMessage();
            }
            Position p = trajectory == null ? null : new Position(trajectory.trajectory(), trajectory.time(), trajectory.counts(),
                    trajectory.nextOutput(), trajectory.finished() ? Double.NaN : trajectory.outputTime(trajectory.nextOutput()),
                    trajectory.outputCount(), trajectory.events());
            GillespieStep result = s;
            String reason = why;
            Platform.runLater(() -> {
                if (id != generation) return;
                busy.set(false);
                if (p != null) position.set(p);
                if (!reason.isEmpty()) message.set(reason);
                done.accept(result);
            });
        });
    }

    @Override public void close() {
        cancel.cancel();
        worker.close();
    }
}
