package org.kmlab.solve.cme;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sliding-window solver against uniformization on one fixed box wider than every window it
 * used (exact to about 10⁻¹⁴ per output interval, the solver of earlier versions): equal to 10⁻⁹
 * in L1 at every output, on every preset, at sizes where the fixed box is affordable. 2-D
 * presets run both ways the solver can step a window (Radau IIA on a band, uniformization).
 */
class UniformizationCrossCheckTest {
    @ParameterizedTest(name = "{0} Ω = {1} to t = {2}, {3}")
    @CsvSource({
            "birth-death, 1, 10, AUTO",
            "birth-death, 60, 10, AUTO",
            "annihilation, 10, 5, AUTO",
            "logistic, 10, 20, AUTO",
            "ornstein-uhlenbeck, 20, 3, AUTO",
            "a-b-decay, 1, 8, AUTO",
            "a-b-decay, 1, 8, RADAU",
            "gene-expression, 1, 30, AUTO",
            "gene-expression, 1, 10, RADAU",
            "predator-prey, 10, 10, AUTO",
            "predator-prey, 5, 4, RADAU",
    })
    void equalsUniformizationOnAFixedBox(String preset, double omega, double tEnd, FiniteStateProjection.Method method) {
        Preset p = PresetIO.read(Path.of("presets", preset + ".json"));
        Model m = p.model().with("Omega", omega);
        double[] times = Problem.uniformTimes(tEnd, 21);
        FiniteStateProjection fsp = new FiniteStateProjection(new FiniteStateProjection.Settings(FiniteStateProjection.TOLERANCE,
                FiniteStateProjection.LOSS_BUDGET, FiniteStateProjection.MAX_STATES, method), FiniteStateProjection.MIN_STATES_PER_THREAD);
        SolverResult r = fsp.solve(new Problem(m, times, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
        if (method == FiniteStateProjection.Method.RADAU) assertEquals(0L, r.info().get("matrixVectorProducts"), "Radau steps only");

        List<?> used = (List<?>) r.info().get("box");
        int dim = m.speciesCount();
        long[] lo = new long[dim], hi = new long[dim];
        for (int s = 0; s < dim; s++) {
            long a = ((Number) used.get(2 * s)).longValue(), b = ((Number) used.get(2 * s + 1)).longValue(), pad = (b - a) / 3 + 10;
            lo[s] = m.species().get(s).signed() ? a - pad : Math.max(0, a - pad);
            hi[s] = b + pad;
        }
        Lattice box = Lattice.box(lo, hi);
        double[] q = new double[box.states()];
        q[box.index(m.initialCounts())] = 1;
        LatticeSnapshots reference = new LatticeSnapshots(box, m.size());
        double lost = 0;
        try (StepTeam team = new StepTeam(1)) {
            Uniformization u = new Uniformization(Generator.of(m, box), team, CancellationToken.none());
            for (int k = 0; k < times.length; k++) {
                if (k > 0) lost += u.advance(q, times[k] - times[k - 1], f -> {});
                Snapshot exact = reference.of(times[k], q), s = r.at(k);
                double l1 = LatticeLaw.l1(s, exact, m.size());
                assertTrue(l1 < 1e-9, preset + " t = " + times[k] + ": L1 to uniformization " + l1);
                assertTrue(l1 <= s.error() + lost + 1e-13, preset + " t = " + times[k] + ": L1 " + l1 + " within the error estimate " + s.error());
            }
        }
        assertTrue(lost < 1e-12, "the fixed box holds everything: lost " + lost);
    }
}
