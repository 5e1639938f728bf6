package org.kmlab.cli;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.run.Descriptors;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stand-in solvers for testing the command line's plumbing and writers without real numerics. */
final class FakeSolvers {
    private FakeSolvers() {}

    /**
     * For a 1-species model with parameters k1, k2: at each time the Poisson law whose mean is
     * the birth–death mean n0·e^(−k2 t) + Ω(k1/k2)(1 − e^(−k2 t)), as a density in x units.
     */
    static Solver poisson(String id) {
        return new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of(id); }

            @Override public String unsupportedReason(Model m) { return m.speciesCount() == 1 ? null : "needs 1 species"; }

            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) {
                Model m = p.model();
                double omega = m.size(), k1 = m.parameter("k1"), k2 = m.parameter("k2"), n0 = m.initialCounts()[0];
                List<Snapshot> snaps = new ArrayList<>();
                for (int k = 0; k < p.sampleCount(); k++) {
                    double t = p.time(k), decay = Math.exp(-k2 * t);
                    double lambda = n0 * decay + omega * k1 / k2 * (1 - decay);
                    int nMax = (int) (lambda + 20 * Math.sqrt(lambda) + 20);
                    double[] dens = new double[nMax + 1];
                    double logP = -lambda;
                    for (int n = 0; n <= nMax; n++) {
                        if (n > 0) logP += Math.log(lambda / n);
                        dens[n] = Math.exp(logP) * omega;
                    }
                    Density1D d = new Density1D(0, 1 / omega, dens);
                    snaps.add(new Snapshot(t, new double[] {lambda / omega}, new double[][] {{lambda / (omega * omega)}},
                            new Density1D[] {d}, null, null, d.mass()));
                }
                return new SolverResult(Descriptors.of(id), snaps, Map.of("events", 1234L, "note", "fake"));
            }
        };
    }

    static Solver failing(String id, RuntimeException e) {
        return new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of(id); }

            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) { throw e; }
        };
    }

    static Solver unsupported(String id) {
        return new Solver() {
            @Override public SolverDescriptor descriptor() { return Descriptors.of(id); }

            @Override public String unsupportedReason(Model m) { return "not supported for this model"; }

            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) { throw new AssertionError("must not run"); }
        };
    }

    /** A registry of these solvers. */
    static SolverRegistry of(Solver... solvers) { return new SolverRegistry(List.of(solvers)); }
}
