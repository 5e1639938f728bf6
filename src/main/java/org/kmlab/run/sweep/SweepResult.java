package org.kmlab.run.sweep;

import org.kmlab.model.RunSettings;

import java.util.List;
import java.util.Optional;

/**
 * A sweep's numbers, complete or so far (values still running have NaN distances and
 * {@code finished[i] = false}): each solver's distance to the reference at time T against the
 * swept parameter with the fitted slopes, and how the Kramers–Moyal coefficients at the fixed
 * point scale, from each coefficient source. Immutable; what the sweep pane draws and
 * {@code sweep.csv}/{@code sweep.json} hold.
 *
 * @param model        the model's name
 * @param parameter    the swept name, e.g. "Omega"
 * @param values       the swept values, increasing
 * @param time         the comparison time T
 * @param reference    the reference solver's id (cme, else ssa)
 * @param series       one per measured solver, in display order
 * @param coefficients one per coefficient source
 * @param finished     which values are done
 * @param settings     the run settings of every point (solvers, seed, trajectories, FP cells; end time T)
 * @param seconds      wall time so far
 * @param state        running, done or cancelled
 */
public record SweepResult(String model, String parameter, double[] values, double time, String reference, List<SolverSeries> series,
                          List<CoefficientScaling> coefficients, boolean[] finished, RunSettings settings, double seconds, State state) {
    public enum State { RUNNING, DONE, CANCELLED }

    public SweepResult {
        values = values.clone();
        series = List.copyOf(series);
        coefficients = List.copyOf(coefficients);
        finished = finished.clone();
    }

    @Override public double[] values() { return values.clone(); }
    @Override public boolean[] finished() { return finished.clone(); }

    public int size() { return values.length; }

    /** How many values are done. */
    public int finishedCount() {
        int n = 0;
        for (boolean f : finished) if (f) n++;
        return n;
    }

    public boolean isComplete() { return state == State.DONE; }

    /** A solver's series, if it was measured. */
    public Optional<SolverSeries> series(String solver) {
        return series.stream().filter(s -> s.id().equals(solver)).findFirst();
    }

    /** The coefficient scaling of a source ("analytic"…), if there is one. */
    public Optional<CoefficientScaling> coefficients(String source) {
        return coefficients.stream().filter(c -> c.source().equals(source)).findFirst();
    }
}
