package org.kmlab.run.km;

import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.cle.ChemicalLangevin;
import org.kmlab.solve.ssa.DirectMethodSsa;

import java.nio.file.Path;

/** Models and ensemble runs with the increment observer, shared by the estimation tests. */
final class KmFixtures {
    private KmFixtures() {}

    static Model preset(String id) { return PresetIO.read(Path.of("presets", id + ".json")).model(); }

    /** An ensemble run with increments collected every dt; {@code cle} picks the Langevin solver instead of the SSA. */
    record Ensemble(IncrementTable table, SolverResult result) {}

    static Ensemble run(Model model, double tEnd, int samples, int trajectories, long seed, double dt, boolean cle, int threads) {
        CellGrid grid = CellGrid.forEnsemble(model, tEnd, !cle);
        EnsembleIncrements inc = new EnsembleIncrements(dt, grid, cle ? "CLE" : "SSA", samples - 1, 0);
        Solver solver = cle ? new ChemicalLangevin() : new DirectMethodSsa();
        SolverOptions o = SolverOptions.defaults().withThreads(threads).withKeepSamples(0).withFineStepObserver(inc);
        SolverResult r = solver.solve(new Problem(model, Problem.uniformTimes(tEnd, samples), trajectories, seed, o), SnapshotListener.NONE, CancellationToken.none());
        if (!inc.complete()) throw new IllegalStateException("the observer did not see the last output");
        return new Ensemble(inc.latest(), r);
    }
}
