package org.kmlab.solve;

import java.util.Objects;

/**
 * What the rest of kmlab needs to know about a solver, declared once by the solver itself:
 * legends, styles, the distance table, summary.json and the command line iterate over the
 * registered descriptors, so a new solver appears everywhere without an edit elsewhere.
 *
 * @param id             the id used in the CLI, presets and summary.json (ssa, cme, fp, …)
 * @param label          its name in legends, e.g. "Fokker–Planck"
 * @param shortLabel     a short name for tables and check boxes, e.g. "FP"
 * @param output         what it produces, which decides how it is drawn and compared
 * @param referenceRank  0 when it cannot serve as the exact reference; otherwise the higher
 *                       ranks first (the master equation above the SSA ensemble)
 * @param styleSlot      its place in every palette (colour and dash), so it looks the same in
 *                       every pane, theme and figure
 * @param description    one sentence for tooltips and help
 */
public record SolverDescriptor(String id, String label, String shortLabel, Output output, int referenceRank,
                               int styleSlot, String description) {
    /** What a solver produces. */
    public enum Output {
        /** An ensemble of trajectories: histograms, sample paths, a mean ± s.d. band. */
        SAMPLES,
        /** Exact probabilities on the lattice of counts: drawn as points. */
        LATTICE,
        /** A continuous density on a grid: drawn as a line. */
        DENSITY,
        /** A Gaussian (mean and covariance): drawn as a line and, in 2-D, as ellipses. */
        GAUSSIAN
    }

    public SolverDescriptor {
        Objects.requireNonNull(output, "output");
        if (id == null || !id.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("solver id must be lower-case letters, digits and '-', got '" + id + "'");
        if (label == null || label.isBlank() || shortLabel == null || shortLabel.isBlank()) throw new IllegalArgumentException("solver '" + id + "' needs a label and a short label");
        if (referenceRank < 0) throw new IllegalArgumentException("referenceRank must be ≥ 0, got " + referenceRank);
        if (styleSlot < 0) throw new IllegalArgumentException("styleSlot must be ≥ 0, got " + styleSlot);
        description = description == null ? "" : description;
    }

    public boolean canBeReference() { return referenceRank > 0; }

    /** Trajectories: histograms, sample paths and a spread band rather than a curve. */
    public boolean isEnsemble() { return output == Output.SAMPLES; }
}
