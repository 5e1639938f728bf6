package org.kmlab.chart;

import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;
import org.kmlab.run.Recording;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a pane may draw from, at one moment: the model, the run's recording (null before a
 * run) and the output index on show, the x range of each species the panes share (so the KM
 * coefficients cover the distribution's x), the point where the other species are held (2-D KM
 * curves), the end time, the pane options switched on, and results of analyses (a sweep over Ω,
 * coefficients estimated from trajectories…) and view choices ({@link CloudAxes}) by type. A pane
 * takes what it needs and ignores the rest.
 *
 * @param ranges  {@code ranges[s] = {lo, hi}} in x units for species s
 * @param walls   the lattice walls of a one-species model ({@link LatticeWalls}; none otherwise): the
 *                ranges stop at their cells and the KM curves at them
 * @param at      the point where other species are held, x units
 * @param options ids of the pane options that are on (see {@link PaneKind#options()})
 */
public record Frame(Model model, Recording recording, int index, double tEnd, double[][] ranges, LatticeWalls walls, double[] at,
                    Set<String> options, Map<Class<?>, Object> analyses) {
    public Frame {
        options = Set.copyOf(options);
        analyses = Map.copyOf(analyses);
    }

    public boolean hasRun() { return recording != null && index >= 0; }

    public boolean option(String id) { return options.contains(id); }

    /** The output time on show (0 before a run). */
    public double time() { return hasRun() ? recording.time(index) : 0; }

    /** An analysis result of this type, if one was given. */
    public <T> Optional<T> analysis(Class<T> type) { return Optional.ofNullable(type.cast(analyses.get(type))); }

    /** Solver's snapshot at the index on show, or null. */
    public Snapshot snapshot(String solver) { return hasRun() ? recording.get(solver, index) : null; }

    /**
     * The ensemble whose trajectories are drawn (sample paths, the band, the cloud's dots): the
     * best-ranked SAMPLES solver of the run.
     */
    public Optional<SolverDescriptor> primaryEnsemble() {
        return recording == null ? Optional.empty() : primaryEnsemble(recording.descriptors());
    }

    /** Of a run's solvers, the ensemble whose trajectories are drawn: the best-ranked, the first among equals. */
    public static Optional<SolverDescriptor> primaryEnsemble(List<SolverDescriptor> run) {
        return run.stream().filter(SolverDescriptor::isEnsemble)
                .max(Comparator.comparingInt(SolverDescriptor::referenceRank).thenComparing(d -> -run.indexOf(d)));
    }

    /** The exact reference of the run, if one ran (master equation, else SSA). */
    public Optional<SolverDescriptor> reference() {
        return recording == null ? Optional.empty() : SolverRegistry.bestReference(recording.descriptors());
    }
}
