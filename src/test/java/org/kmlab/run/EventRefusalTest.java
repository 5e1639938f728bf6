package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.ModelSources;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SnapshotListener;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Only the SSA simulates events: every other built-in solver gives a reason (shown beside its
 * check box, and a run skips it), and one called directly refuses rather than running a model
 * whose events it would ignore. A model without events is refused by none of them for that reason.
 */
class EventRefusalTest {
    private static final Model EVENTS = ModelSources.read(Path.of("src/test/resources/sbml/events-time-reset-l2v4.xml")).model();

    @Test
    void everySolverButTheSsaRefusesAModelWithEvents() {
        SolverRegistry registry = SolverRegistry.builtIn();
        int refusing = 0;
        for (String id : registry.ids()) {
            Solver solver = registry.byId(id);
            String reason = solver.unsupportedReason(EVENTS);
            if (id.equals("ssa")) {
                assertNull(reason);
                continue;
            }
            assertEquals("does not simulate events (this model has 1: 'reset'); only the SSA does", reason, id);
            refusing++;
            Problem p = new Problem(EVENTS, Problem.uniformTimes(1, 2), 10, 1, SolverOptions.defaults().withThreads(1));
            SolverException e = assertThrows(SolverException.class, () -> solver.solve(p, SnapshotListener.NONE, CancellationToken.none()), id);
            assertTrue(e.getMessage().contains("does not simulate events"), id + ": " + e.getMessage());
        }
        assertTrue(refusing >= 5, "cme, fp, cle, lna and the truncations");
        Model without = ModelSources.read(Path.of("presets/birth-death.json")).model();
        for (String id : registry.ids()) {
            String reason = registry.byId(id).unsupportedReason(without);
            assertTrue(reason == null || !reason.contains("events"), id);
        }
    }
}
