package org.kmlab.chart;

import org.kmlab.solve.SolverDescriptor;

import java.util.Objects;

/**
 * What a series of a chart shows, as meaning rather than as paint: which solver (or none, for
 * the model's own curves), which quantity, which species. Window themes and the publication style
 * resolve a look from it ({@link Looks}), so a solver has one colour and dash in every pane, theme
 * and figure, and nothing is ever matched by colour. The label is the legend text.
 *
 * @param solver  the solver whose output this is, or null (deterministic path, KM coefficients)
 * @param role    the quantity drawn
 * @param species the species index (0 in one-species panes)
 * @param index   tells series of the same role apart (the j-th sample path); 0 otherwise
 * @param label   the legend text
 * @param ghost   drawn from a pinned ghost run ({@link org.kmlab.run.Ghost}): the same role's look, dimmed
 */
public record SeriesKey(SolverDescriptor solver, Role role, int species, int index, String label, boolean ghost) implements Comparable<SeriesKey> {
    /** The quantities kmlab draws. */
    public enum Role {
        /** A solver's (marginal) distribution: bars, points or a line, by its output kind. */
        DENSITY,
        /** A solver's mean over time. */
        MEAN,
        /** An ensemble's mean ± 1 s.d. over time. */
        BAND,
        /** One trajectory of an ensemble over time. */
        PATH,
        /** The states of an ensemble's kept trajectories, as dots. */
        STATES,
        /** The 1σ and 2σ contours of a Gaussian. */
        ELLIPSE_1SD, ELLIPSE_2SD,
        /** The rate equation dx/dt = A(x), and a marker at the time on show. */
        DETERMINISTIC, NOW,
        /** Kramers–Moyal coefficients: drift A, diffusion B, M₃/3!, M₄/4!. */
        DRIFT, DIFFUSION, M3, M4,
        /** An exact reference curve. */
        EXACT,
        /** The part of a solver's density below zero (a truncated Kramers–Moyal expansion: Pawula), drawn in a colour of its own. */
        NEGATIVE,
        /** A sweep: a solver's L1 or Hellinger distance to the reference against the swept parameter. */
        DISTANCE_L1, DISTANCE_HELLINGER,
        /** A least-squares line fitted to a sweep's points on log–log axes. */
        FIT,
        /**
         * A Kramers–Moyal coefficient estimated from data (a run's ensemble, or a user's series when
         * the solver is null): points with error bars or a curve with a band; {@code index} is the order k.
         */
        ESTIMATE,
        /** The histogram of a user's series. */
        HISTOGRAM
    }

    public SeriesKey {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(label, "label");
    }

    public SeriesKey(SolverDescriptor solver, Role role, int species, int index, String label) {
        this(solver, role, species, index, label, false);
    }

    /** The same quantity drawn from a ghost run, with its own legend text. */
    public SeriesKey asGhost(String ghostLabel) { return new SeriesKey(solver, role, species, index, ghostLabel, true); }

    public static SeriesKey of(SolverDescriptor solver, Role role, int species, String label) {
        return new SeriesKey(solver, role, species, 0, label);
    }

    public static SeriesKey model(Role role, int species, String label) { return new SeriesKey(null, role, species, 0, label); }

    public boolean isSolver(String id) { return solver != null && solver.id().equals(id); }

    @Override public int compareTo(SeriesKey o) {
        int c = label.compareTo(o.label);
        if (c != 0) return c;
        c = role.compareTo(o.role);
        if (c != 0) return c;
        c = Integer.compare(species, o.species);
        if (c != 0) return c;
        c = Integer.compare(index, o.index);
        return c != 0 ? c : Boolean.compare(ghost, o.ghost);
    }

    @Override public String toString() { return label; }
}
