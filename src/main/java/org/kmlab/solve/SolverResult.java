package org.kmlab.solve;

import java.util.List;
import java.util.Map;

/**
 * A finished run of one solver: one snapshot per output time, plus solver-specific facts for
 * {@code summary.json} ({@code info}: events, wall seconds, grid size, truncation error…; values
 * are numbers, strings, or lists/arrays of numbers).
 */
public record SolverResult(SolverDescriptor descriptor, List<Snapshot> snapshots, Map<String, Object> info) {
    public SolverResult {
        java.util.Objects.requireNonNull(descriptor, "descriptor");
        snapshots = List.copyOf(snapshots);
        info = Map.copyOf(info);
    }

    /** The solver's id. */
    public String solver() { return descriptor.id(); }

    public Snapshot at(int k) { return snapshots.get(k); }

    public Snapshot last() { return snapshots.get(snapshots.size() - 1); }
}
