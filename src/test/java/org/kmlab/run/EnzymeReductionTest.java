package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.cme.FiniteStateProjection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adiabatic elimination of the enzyme–substrate complex: the S_T law of the full 2-D master
 * equation ({@code enzyme.json}) against that of the reduced 1-D one ({@code enzyme-reduced.json},
 * tQSSA propensity) at t = 10 from S_T = 0, both at Ω = 20, for three binding speeds. Measured
 * L1: 0.22 (fast = 0.1), 0.071 (1), 0.025 (10). Faster still the distance does not vanish: the
 * reduced propensity uses the continuum quasi-steady state C*(S_T), not the discrete conditional
 * mean of C, so a floor of order 1/√Ω remains (0.035 at fast = 100, Ω = 20; 0.024 at Ω = 40).
 */
class EnzymeReductionTest {
    private static Density1D stAt(Model m, double t) {
        var r = new FiniteStateProjection().solve(new Problem(m, new double[] {0, t}, 1, 1, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
        return r.at(r.snapshots().size() - 1).marginal(0);
    }

    /** Σ_n |P(n) − Q(n)| over the union of the two lattices. */
    static double l1(Density1D a, Density1D b, double omega) {
        Map<Long, Double> diff = new HashMap<>();
        for (int c = 0; c < a.size(); c++) diff.merge(Math.round(a.x(c) * omega), a.density(c) * a.dx(), Double::sum);
        for (int c = 0; c < b.size(); c++) diff.merge(Math.round(b.x(c) * omega), -b.density(c) * b.dx(), Double::sum);
        return diff.values().stream().mapToDouble(Math::abs).sum();
    }

    @Test
    void reducedModelApproachesTheFullOneAsBindingGetsFaster() {
        double[] speeds = {0.1, 1, 10};
        double[] l1 = new double[speeds.length];
        for (int i = 0; i < speeds.length; i++) {
            Model full = TestPresets.model("enzyme").with("fast", speeds[i]), reduced = TestPresets.model("enzyme-reduced").with("fast", speeds[i]);
            assertEquals(full.size(), reduced.size());
            Density1D a = stAt(full, 10), b = stAt(reduced, 10);
            assertEquals(1, a.mass(), 1e-8);
            assertEquals(1, b.mass(), 1e-8);
            l1[i] = l1(a, b, full.size());
            System.out.printf("enzyme, fast = %.1f: L1(S_T full, S_T reduced) at t = 10, Ω = 20: %.4f%n", speeds[i], l1[i]);
        }
        assertTrue(l1[0] > l1[1] && l1[1] > l1[2], "the distance shrinks as binding gets faster: " + java.util.Arrays.toString(l1));
        assertTrue(l1[0] > 0.1, "slow binding breaks the reduction: " + l1[0]);
        assertTrue(l1[2] < 0.04, "fast binding (fast = 10): " + l1[2]);
    }

    /** The two presets share their parameters (names, values, ranges), so a comparison moves both alike. */
    @Test
    void bothPresetsHaveTheSameParameters() {
        var full = TestPresets.model("enzyme").parameters();
        var reduced = TestPresets.model("enzyme-reduced").parameters();
        assertEquals(full.size(), reduced.size());
        for (int i = 0; i < full.size(); i++) {
            var a = full.get(i);
            var b = reduced.get(i);
            assertEquals(List.of(a.name(), a.value(), a.min(), a.max()), List.of(b.name(), b.value(), b.min(), b.max()));
        }
        assertEquals(TestPresets.model("enzyme").size(), TestPresets.model("enzyme-reduced").size());
    }
}
