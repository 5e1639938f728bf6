package org.kmlab.run;

import org.kmlab.solve.SolverResult;

import java.util.Objects;

/**
 * One solver's part of a finished run: its result, or why it did not run (skipped: it cannot
 * handle the model; failed: it stopped with a message, e.g. a population bound).
 */
public record Outcome(String solver, SolverResult result, String skipped, String failed) {
    public Outcome {
        Objects.requireNonNull(solver);
        int set = (result != null ? 1 : 0) + (skipped != null ? 1 : 0) + (failed != null ? 1 : 0);
        if (set != 1) throw new IllegalArgumentException("an outcome has exactly one of result, skipped reason or failure");
    }

    public static Outcome ran(SolverResult result) { return new Outcome(result.solver(), result, null, null); }

    public static Outcome skipped(String solver, String reason) { return new Outcome(solver, null, reason, null); }

    public static Outcome failed(String solver, String message) { return new Outcome(solver, null, null, message); }

    public boolean isSkipped() { return skipped != null; }

    public boolean isFailed() { return failed != null; }

    public boolean ran() { return result != null; }
}
