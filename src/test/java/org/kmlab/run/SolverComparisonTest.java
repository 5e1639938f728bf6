package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SolverComparisonTest {
    /** A 1-D snapshot whose marginal is uniform on [lo, lo + 1). */
    private static Snapshot uniform(double lo) {
        double[] p = new double[10];
        java.util.Arrays.fill(p, 1.0);
        return new Snapshot(1, new double[] {lo + 0.5}, new double[][] {{1 / 12.0}},
                new Density1D[] {new Density1D(lo + 0.05, 0.1, p)}, null, null, 1);
    }

    @Test
    void theMasterEquationIsTheReferenceWhenItRan() {
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("ssa", "cme", "fp"));
        rec.put(0, 1, uniform(0));
        rec.put(1, 1, uniform(0));
        rec.put(2, 1, uniform(0.5));
        SolverComparison c = SolverComparison.at(rec, 1);
        assertEquals("cme", c.reference());
        assertEquals(List.of("ssa", "fp"), c.rows().stream().map(SolverComparison.Row::solver).toList());
        assertEquals(0, c.rows().get(0).headlineL1(), 1e-12, "identical densities");
        assertEquals(1, c.rows().get(1).headlineL1(), 1e-12, "uniform densities offset by half their width");
        assertEquals(Math.sqrt(0.5), c.rows().get(1).headlineHellinger(), 1e-12);
        assertTrue(Double.isNaN(c.rows().get(1).l1Joint()), "no joint density in 1-D");
    }

    @Test
    void withoutTheMasterEquationTheEnsembleIsTheReference() {
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("ssa", "lna"));
        rec.put(0, 1, uniform(0));
        rec.put(1, 1, uniform(3));
        SolverComparison c = SolverComparison.at(rec, 1);
        assertEquals("ssa", c.reference());
        assertEquals(2, c.rows().get(0).headlineL1(), 1e-12, "disjoint supports");
        assertEquals(1, c.rows().get(0).headlineHellinger(), 1e-12);
    }

    /** A 2-D snapshot whose joint density is uniform on the unit square shifted by (dx, 0). */
    private static Snapshot square(double dx) {
        double[] p = new double[100];
        java.util.Arrays.fill(p, 1.0);
        org.kmlab.solve.Density2D joint = new org.kmlab.solve.Density2D(dx + 0.05, 0.1, 10, 0.05, 0.1, 10, p);
        return new Snapshot(1, new double[] {dx + 0.5, 0.5}, new double[][] {{1 / 12.0, 0}, {0, 1 / 12.0}},
                new Density1D[] {joint.marginal(0), joint.marginal(1)}, joint, null, 1);
    }

    @Test
    void jointDistancesOnlyAgainstTheMasterEquation() {
        Recording exact = RecordingFixture.of(new double[] {0, 1}, List.of("cme", "fp"));
        exact.put(0, 1, square(0));
        exact.put(1, 1, square(0.5));
        SolverComparison.Row fp = SolverComparison.at(exact, 1).rows().get(0);
        assertEquals(1, fp.l1Joint(), 1e-12, "joint densities offset by half their width");
        assertEquals(1, fp.headlineL1(), 1e-12);
        assertEquals(0, fp.l1()[1], 1e-12, "the y marginals agree");

        Recording sampled = RecordingFixture.of(new double[] {0, 1}, List.of("ssa", "lna"));
        sampled.put(0, 1, square(0));
        sampled.put(1, 1, square(0.5));
        SolverComparison.Row lna = SolverComparison.at(sampled, 1).rows().get(0);
        assertTrue(Double.isNaN(lna.l1Joint()), "an ensemble's joint histogram is no reference");
        assertEquals(1, lna.headlineL1(), 1e-12, "the worst marginal instead");
    }

    @Test
    void nothingToCompareBeforeAnyReferenceArrives() {
        Recording rec = RecordingFixture.of(new double[] {0, 1}, List.of("ssa", "fp"));
        rec.put(1, 1, uniform(0));
        SolverComparison c = SolverComparison.at(rec, 1);
        assertNull(c.reference());
        assertTrue(c.rows().isEmpty());
    }
}
