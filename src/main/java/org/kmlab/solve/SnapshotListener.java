package org.kmlab.solve;

/**
 * Receives a solver's output as it is produced (cf. Commons Math's StepHandler): the UI shows
 * snapshots live, the CLI writes them. Called on the solver's thread; must be quick.
 */
public interface SnapshotListener {
    /**
     * A snapshot at output time index {@code k}. Ensemble solvers may call this repeatedly with
     * partial ensembles (growing {@code trajectoriesDone}) before the final one at the end.
     */
    void onSnapshot(int k, Snapshot snapshot);

    /** Fraction of the work done, in [0, 1]; also the place to report throughput. */
    default void onProgress(double fraction) {}

    /**
     * Total reaction events simulated so far in this run (ensemble solvers), for the window's
     * events-per-second readout. Optional: solvers that do not count events never call it.
     */
    default void onEvents(long events) {}

    SnapshotListener NONE = (k, s) -> {};
}
