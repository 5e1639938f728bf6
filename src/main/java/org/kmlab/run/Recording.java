package org.kmlab.run;

import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every snapshot a run received, per solver and output-time index, so the window can scrub back to
 * any recorded time. Thread-safe: solver threads write, the UI reads; a later snapshot for the same
 * (solver, k) (a larger partial ensemble) replaces the earlier one. {@link #version()} grows with
 * every write, so a reader knows when to redraw.
 */
public final class Recording {
    private final double[] times;
    private final List<SolverDescriptor> descriptors;
    private final List<String> solvers;
    private final AtomicReferenceArray<Snapshot>[] snapshots;
    private final AtomicIntegerArray highest;
    private final AtomicLong version = new AtomicLong();
    /** Each finished solver's first passage into the model's absorbing set, when it gives one. */
    private final AtomicReferenceArray<FirstPassage> passages;

    @SuppressWarnings("unchecked")
    public Recording(double[] times, List<SolverDescriptor> solvers) {
        this.times = times.clone();
        this.descriptors = List.copyOf(solvers);
        this.solvers = descriptors.stream().map(SolverDescriptor::id).toList();
        this.snapshots = new AtomicReferenceArray[this.solvers.size()];
        for (int i = 0; i < snapshots.length; i++) snapshots[i] = new AtomicReferenceArray<>(times.length);
        this.highest = new AtomicIntegerArray(this.solvers.size());
        for (int i = 0; i < snapshots.length; i++) highest.set(i, -1);
        this.passages = new AtomicReferenceArray<>(this.solvers.size());
    }

    /** A finished recording from whole results (for the exporters and the CLI, which reuse the chart builders). */
    public static Recording of(double[] times, java.util.Map<String, org.kmlab.solve.SolverResult> results) {
        Recording r = new Recording(times, results.values().stream().map(org.kmlab.solve.SolverResult::descriptor).toList());
        int i = 0;
        for (org.kmlab.solve.SolverResult result : results.values()) {
            for (int k = 0; k < result.snapshots().size(); k++) r.put(i, k, result.at(k));
            int solver = i;
            FirstPassage.of(result).ifPresent(f -> r.putPassage(solver, f));
            i++;
        }
        return r;
    }

    /**
     * A copy holding the snapshots received so far, which later writes to this recording do not
     * change (snapshots are immutable, so they are shared): a paused or finished run pinned as a ghost.
     */
    public Recording frozenCopy() {
        Recording r = new Recording(times, descriptors);
        for (int i = 0; i < snapshots.length; i++) {
            for (int k = 0; k < times.length; k++) r.put(i, k, snapshots[i].get(k));
        }
        return r;
    }

    /** The ids of the solvers of this run, in run order. */
    public List<String> solvers() { return solvers; }

    /** What each solver of this run is and produces, in run order. */
    public List<SolverDescriptor> descriptors() { return descriptors; }

    /** The descriptor of a solver of this run, or null. */
    public SolverDescriptor descriptor(String id) {
        int i = solvers.indexOf(id);
        return i < 0 ? null : descriptors.get(i);
    }

    public int timeCount() { return times.length; }

    public double time(int k) { return times[k]; }

    public double[] times() { return times.clone(); }

    /** Index of the output time nearest to t. */
    public int indexOf(double t) {
        int best = 0;
        for (int k = 1; k < times.length; k++) if (Math.abs(times[k] - t) < Math.abs(times[best] - t)) best = k;
        return best;
    }

    public long version() { return version.get(); }

    /** The snapshot of a solver at index k, or null if none arrived (or the solver is not in this run). */
    public Snapshot get(String solver, int k) {
        int i = solvers.indexOf(solver);
        return i < 0 || k < 0 || k >= times.length ? null : snapshots[i].get(k);
    }

    /** The highest index at which this solver has a snapshot, or −1. */
    public int highestIndex(String solver) {
        int i = solvers.indexOf(solver);
        return i < 0 ? -1 : highest.get(i);
    }

    /** The latest snapshot at or before index k (for solvers that skip indices), or null. */
    public Snapshot atOrBefore(String solver, int k) {
        for (int j = Math.min(k, timeCount() - 1); j >= 0; j--) {
            Snapshot s = get(solver, j);
            if (s != null) return s;
        }
        return null;
    }

    /** A finished solver's first passage (survival curve, mean time), or empty (still running, or none). */
    public java.util.Optional<FirstPassage> passage(String solver) {
        int i = solvers.indexOf(solver);
        return i < 0 ? java.util.Optional.empty() : java.util.Optional.ofNullable(passages.get(i));
    }

    void putPassage(int solverIndex, FirstPassage f) {
        passages.set(solverIndex, f);
        version.incrementAndGet();
    }

    void put(int solverIndex, int k, Snapshot s) {
        if (k < 0 || k >= times.length || s == null) return;
        snapshots[solverIndex].set(k, s);
        highest.accumulateAndGet(solverIndex, k, Math::max);
        version.incrementAndGet();
    }
}
