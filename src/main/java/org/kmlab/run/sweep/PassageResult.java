package org.kmlab.run.sweep;

import org.kmlab.model.RunSettings;
import org.kmlab.solve.SolverDescriptor;

import java.util.List;
import java.util.Optional;

/**
 * A sweep of the mean first-passage time T against Ω, complete or so far (values still running
 * have NaN times and {@code finished[i] = false}): one series per source (the exact closed sum,
 * each solver, Kramers' formula) with the fitted exponent S of T ∝ e^{SΩ}. Immutable; what the
 * passage pane draws and {@code passage.csv}/{@code passage.json} hold.
 *
 * @param model      the model's name
 * @param definition what is measured ({@link PassageProblem#description()})
 * @param values     the values of Ω, increasing
 * @param series     exact first (when it applies), then the solvers in display order, then Kramers' formula
 * @param finished   which values are done
 * @param settings   solvers, seed and trajectories of the ensembles
 * @param seconds    wall time so far
 * @param state      running, done or cancelled
 */
public record PassageResult(String model, String definition, double[] values, List<Series> series, boolean[] finished, RunSettings settings,
                            double seconds, SweepResult.State state) {
    /** The id of the exact closed sum's series, and of Kramers' formula's. */
    public static final String EXACT = "exact", KRAMERS = "kramers";

    /**
     * One source of T: a solver (its descriptor) or, with a null solver, the exact sum or Kramers' formula.
     *
     * @param time  T at each value (NaN where there is none: see the note)
     * @param error its standard error (0 when computed, not sampled)
     * @param notes why value i has no T ("skipped: …"), or a remark ("12 of 10000 censored"), or ""
     */
    public record Series(String id, String label, SolverDescriptor solver, double[] time, double[] error, String[] notes, ExponentialFit fit) {
        public Series {
            time = time.clone();
            error = error.clone();
            notes = notes.clone();
        }

        @Override public double[] time() { return time.clone(); }
        @Override public double[] error() { return error.clone(); }
        @Override public String[] notes() { return notes.clone(); }
    }

    public PassageResult {
        values = values.clone();
        series = List.copyOf(series);
        finished = finished.clone();
    }

    @Override public double[] values() { return values.clone(); }
    @Override public boolean[] finished() { return finished.clone(); }

    public int size() { return values.length; }

    public int finishedCount() {
        int n = 0;
        for (boolean f : finished) if (f) n++;
        return n;
    }

    public Optional<Series> series(String id) { return series.stream().filter(s -> s.id().equals(id)).findFirst(); }
}
