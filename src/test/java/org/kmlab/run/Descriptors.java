package org.kmlab.run;

import org.kmlab.solve.SolverDescriptor;

/** Descriptors for stand-in solvers in tests: a built-in solver's own for its id, else a plain density solver. */
public final class Descriptors {
    private Descriptors() {}

    public static SolverDescriptor of(String id) {
        SolverRegistry builtIn = SolverRegistry.builtIn();
        if (builtIn.has(id)) return builtIn.descriptor(id);
        return new SolverDescriptor(id, "Made-up " + id, id.toUpperCase(java.util.Locale.ROOT), SolverDescriptor.Output.DENSITY, 0, 7, "a stand-in for tests");
    }
}
