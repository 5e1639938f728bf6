package org.kmlab.chart;

import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;
import org.kmlab.run.Ghost;
import org.kmlab.run.Recording;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The panes of one model ({@link Panes#forModel}, plus the panes of analyses once a frame brings
 * their results) and what they share: the x range of each
 * species, which only grows during a run and starts afresh for new values, and the point where
 * 2-D KM curves hold the other species. The window's render thread and the figure export both use
 * it, so a figure made from the command line is the picture the window shows. JFreeChart is not
 * thread-safe: use an instance from one thread.
 */
public final class ChartSet {
    private final List<String> species;
    private final List<Pane> panes = new ArrayList<>();
    private final RangeTracker ranges = new RangeTracker();
    private final Model model;
    private final ChartStyle style;

    public ChartSet(Model model, ChartStyle style) {
        species = names(model);
        this.model = model;
        this.style = style;
        for (PaneKind kind : Panes.forModel(model)) panes.add(kind.create(model, style));
    }

    /** Adds, in reading order, the panes fed by an analysis whose result this frame carries (a sweep…). */
    private void addAnalysisPanes(Frame f) {
        for (PaneKind kind : Panes.forModel(model, f.analyses().keySet())) {
            if (pane(kind.id()).isPresent()) continue;
            int at = 0;
            while (at < panes.size() && Panes.all().indexOf(panes.get(at).kind()) < Panes.all().indexOf(kind)) at++;
            panes.add(at, kind.create(model, style));
        }
    }

    /** The species, then the observables: the distribution pane has a panel for each. */
    private static List<String> names(Model m) { return MarginalChoice.quantities(m); }

    /** Whether {@code m} has the species and observables (by name, in order) these panes were built for. */
    public boolean fits(Model m) { return names(m).equals(species); }

    /** The panes in reading order. */
    public List<Pane> panes() { return List.copyOf(panes); }

    public Optional<Pane> pane(String id) { return panes.stream().filter(p -> p.kind().id().equals(id)).findFirst(); }

    /**
     * The frame for output index k of a recording (null before a run, or k = −1), for a model
     * with these species run to {@code tEnd}; the shared ranges take in what index k shows.
     */
    public Frame frame(Model model, double tEnd, Recording recording, int k, Set<String> options, Map<Class<?>, Object> analyses) {
        if (!fits(model)) throw new IllegalArgumentException("the panes are for species " + species + ", not " + names(model));
        ranges.follow(model, tEnd);
        boolean run = recording != null && k >= 0 && k < recording.timeCount();
        if (run) ranges.include(recording, k);
        if (run && analyses.get(Ghost.class) instanceof Ghost ghost) ranges.include(ghost, recording.time(k));
        return new Frame(model, run ? recording : null, run ? k : -1, tEnd, ranges.ranges(), ranges.walls(), heldPoint(model, run ? recording : null, k), options, analyses);
    }

    /** Shows the frame in every pane (adding the panes of the analyses it carries). */
    public void show(Frame f) {
        if (!f.analyses().isEmpty()) addAnalysisPanes(f);
        for (Pane p : panes) p.show(f);
    }

    /** Shows index k of a recording in every pane (one frame of the window). */
    public void show(Model model, double tEnd, Recording recording, int k, Set<String> options) {
        show(model, tEnd, recording, k, options, Map.of());
    }

    /** As {@link #show(Model, double, Recording, int, Set)}, with analysis results by type (a sweep…) for the panes that draw them. */
    public void show(Model model, double tEnd, Recording recording, int k, Set<String> options, Map<Class<?>, Object> analyses) {
        show(frame(model, tEnd, recording, k, options, analyses));
    }

    /**
     * Shows the run as a window that played it from the start to index k: the shared ranges only
     * grow while playing, so every index up to k is taken in first.
     */
    public void play(Model model, double tEnd, Recording recording, int k, Set<String> options) {
        play(model, tEnd, recording, k, options, Map.of());
    }

    /** As {@link #play(Model, double, Recording, int, Set)}, with analysis results by type (a sweep…) for the panes that draw them. */
    public void play(Model model, double tEnd, Recording recording, int k, Set<String> options, Map<Class<?>, Object> analyses) {
        ranges.follow(model, tEnd);
        for (int j = 0; j < k; j++) ranges.include(recording, j);
        show(model, tEnd, recording, k, options, analyses);
    }

    /** The frame a window that played the run to index k shows, without drawing anything (for data exports). */
    public static Frame frameAfterPlaying(Model model, double tEnd, Recording recording, int k) {
        RangeTracker tracker = new RangeTracker();
        tracker.follow(model, tEnd);
        for (int j = 0; j <= k; j++) tracker.include(recording, j);
        return new Frame(model, recording, k, tEnd, tracker.ranges(), tracker.walls(), heldPoint(model, recording, k), Set.of(), Map.of());
    }

    /** Where 2-D KM curves hold the other species: the ensemble's mean on show, else the reference's, else the initial state. */
    private static double[] heldPoint(Model model, Recording recording, int k) {
        if (recording != null && k >= 0) {
            Frame probe = new Frame(model, recording, k, 1, new double[0][], LatticeWalls.none(), new double[0], Set.of(), Map.of());
            for (Optional<SolverDescriptor> d : List.of(probe.primaryEnsemble(), probe.reference())) {
                Snapshot s = d.map(x -> recording.atOrBefore(x.id(), k)).orElse(null);
                if (s != null) return s.mean();
            }
        }
        return model.initialX();
    }
}
