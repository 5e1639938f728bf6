package org.kmlab.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every registered solver promises, checked the same way for each (one species and two):
 * one snapshot per output time, each also handed to the listener; shapes that match the model;
 * densities that hold the snapshot's mass; the same seed gives the same numbers whatever the
 * number of threads; a cancellation stops the run promptly.
 */
class SolverContractTest {
    static Stream<Solver> solvers() { return SolverRegistry.builtIn().ids().stream().map(id -> SolverRegistry.builtIn().byId(id)); }

    private static Problem small(Model m, int threads) {
        return new Problem(m, Problem.uniformTimes(2, 5), 400, 11, SolverOptions.defaults().withThreads(threads).withKeepSamples(10));
    }

    private static List<Model> models() {
        return List.of(TestPresets.model("birth-death").with("Omega", 5), TestPresets.model("predator-prey").with("Omega", 20));
    }

    @ParameterizedTest @MethodSource("solvers")
    void snapshotsAtEveryOutputTimeWithTheModelsShapesAndMass(Solver solver) {
        for (Model m : models()) {
            if (!solver.supports(m)) continue;
            Problem p = small(m, 2);
            AtomicReferenceArray<Snapshot> heard = new AtomicReferenceArray<>(p.sampleCount());
            SolverResult r = solver.solve(p, (k, s) -> heard.set(k, s), CancellationToken.none());
            String what = solver.id() + " on " + m.name();
            assertEquals(solver.descriptor(), r.descriptor(), what);
            assertEquals(p.sampleCount(), r.snapshots().size(), what);
            int d = m.speciesCount();
            for (int k = 0; k < p.sampleCount(); k++) {
                Snapshot s = r.at(k);
                assertEquals(p.time(k), s.time(), 1e-12, what + ": output times");
                assertNotNull(heard.get(k), what + ": the listener hears time index " + k);
                assertArrayEquals(s.mean(), heard.get(k).mean(), 0.0, what + ": the listener's final snapshot is the result's");
                assertEquals(d, s.mean().length, what);
                assertEquals(d, s.covariance().length, what);
                for (int i = 0; i < d; i++) {
                    assertTrue(s.covariance(i, i) >= -1e-12, what + ": a variance is never negative");
                    assertTrue(Double.isFinite(s.mean(i)), what);
                }
                assertTrue(s.mass() > 0.99 && s.mass() <= 1 + 1e-9, what + ": mass " + s.mass());
                if (solver.descriptor().output() == SolverDescriptor.Output.GAUSSIAN) continue;
                for (int i = 0; i < d; i++) {
                    Density1D marginal = s.marginal(i);
                    assertNotNull(marginal, what + ": a marginal for species " + i);
                    assertEquals(s.mass(), marginal.mass(), 1e-6, what + ": the marginal holds the snapshot's mass at t = " + s.time());
                }
                if (d == 2 && solver.descriptor().output() != SolverDescriptor.Output.SAMPLES && k > 0) {
                    assertNotNull(s.joint(), what + ": a joint density in 2-D");
                    assertEquals(s.mass(), s.joint().mass(), 1e-6, what + ": the joint density holds the mass");
                }
                if (solver.descriptor().isEnsemble()) assertEquals(10, s.sampleCount(), what + ": the kept trajectories");
            }
        }
    }

    @ParameterizedTest @MethodSource("solvers")
    void theSameSeedGivesTheSameNumbersOnAnyNumberOfThreads(Solver solver) {
        for (Model m : models()) {
            if (!solver.supports(m)) continue;
            SolverResult one = solver.solve(small(m, 1), SnapshotListener.NONE, CancellationToken.none());
            SolverResult two = solver.solve(small(m, 2), SnapshotListener.NONE, CancellationToken.none());
            for (int k = 0; k < one.snapshots().size(); k++) {
                assertArrayEquals(one.at(k).mean(), two.at(k).mean(), 0.0, solver.id() + " on " + m.name() + " at index " + k);
                for (int i = 0; i < m.speciesCount(); i++) assertArrayEquals(one.at(k).covariance()[i], two.at(k).covariance()[i], 0.0);
            }
        }
    }

    /** A run long enough to be under way when cancelled after its first output. */
    @ParameterizedTest @MethodSource("solvers")
    void aCancellationStopsTheRunWithinASecond(Solver solver) {
        Model m = TestPresets.model("birth-death").with("Omega", 100);
        Problem p = new Problem(m, Problem.uniformTimes(500, 2001), 10_000, 1, SolverOptions.defaults().withThreads(2).withKeepSamples(0));
        CancellationToken token = new CancellationToken();
        AtomicLong cancelledAt = new AtomicLong();
        List<Integer> heard = new ArrayList<>();
        SnapshotListener listener = (k, s) -> {
            heard.add(k);
            if (k >= 1 && cancelledAt.get() == 0) {
                cancelledAt.set(System.nanoTime());
                token.cancel();
            }
        };
        assertThrows(CancelledException.class, () -> solver.solve(p, listener, token), solver.id() + " must stop");
        double seconds = (System.nanoTime() - cancelledAt.get()) * 1e-9;
        assertTrue(cancelledAt.get() > 0, solver.id() + ": cancelled after its first output");
        assertTrue(seconds < 1, solver.id() + ": stopped " + seconds + " s after the cancellation");
        assertTrue(heard.size() < p.sampleCount(), solver.id() + ": it did not run to the end");
    }
}
