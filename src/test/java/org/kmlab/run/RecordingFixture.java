package org.kmlab.run;

import org.kmlab.solve.Snapshot;

import java.util.List;

/** Builds recordings by hand for tests of the chart builders. */
public final class RecordingFixture {
    private RecordingFixture() {}

    public static Recording of(double[] times, List<String> solvers) { return new Recording(times, solvers.stream().map(Descriptors::of).toList()); }

    public static void put(Recording r, int solver, int k, Snapshot s) { r.put(solver, k, s); }
}
