package org.kmlab.export.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kmlab.model.PresetIO;
import org.kmlab.run.Descriptors;
import org.kmlab.run.Outcome;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataWritersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A 3×2 joint density with a uniform value, so its integral is known: 0.5·3·0.25·2·p. */
    private static Density2D joint() {
        double p = 1 / (3 * 0.5 * 2 * 0.25);
        return new Density2D(1.0, 0.5, 3, 2.0, 0.25, 2, new double[] {p, p, p, p, p, p});
    }

    @Test
    void twoSpeciesCsvHoldsTheJointDensityOnEveryCell() throws Exception {
        Snapshot s0 = new Snapshot(0, new double[] {1, 2}, new double[][] {{0, 0}, {0, 0}}, null, joint(), null, 1);
        Snapshot s1 = new Snapshot(0.5, new double[] {1, 2}, new double[][] {{0, 0}, {0, 0}}, null, null, null, 1);
        StringWriter w = new StringWriter();
        DensityCsv.write(new SolverResult(Descriptors.of("fp"), List.of(s0, s1), Map.of()), List.of("X", "Y"), w);
        List<String> lines = w.toString().lines().toList();
        assertEquals("t,x,y,p", lines.get(0));
        assertEquals(1 + 6, lines.size(), "6 cells at t = 0; none at t = 0.5, which has no joint density");
        double integral = 0;
        for (String l : lines.subList(1, lines.size())) integral += Double.parseDouble(l.split(",")[3]) * 0.5 * 0.25;
        assertEquals(1.0, integral, 1e-12);
        assertEquals("0.0,2.0,2.25,1.3333333333333333", lines.get(6), "row-major by y, full precision");
    }

    @Test
    void threeSpeciesCsvHoldsEachMarginalByName() throws Exception {
        Density1D d = new Density1D(0, 1, new double[] {0.25, 0.75});
        Snapshot s = new Snapshot(1, new double[] {0, 0, 0}, new double[3][3], new Density1D[] {d, d, d}, null, null, 1);
        StringWriter w = new StringWriter();
        DensityCsv.write(new SolverResult(Descriptors.of("ssa"), List.of(s), Map.of()), List.of("A", "B", "C"), w);
        assertEquals(List.of("t,species,x,p", "1.0,A,0.0,0.25", "1.0,A,1.0,0.75", "1.0,B,0.0,0.25", "1.0,B,1.0,0.75", "1.0,C,0.0,0.25", "1.0,C,1.0,0.75"),
                w.toString().lines().toList());
    }

    @Test
    void summaryWritesNonFiniteNumbersAsNullAndKeepsStandardKeys() throws Exception {
        Problem problem = new Problem(PresetIO.read(Path.of("presets/birth-death.json")).model(), new double[] {0, 1}, 7, 3, SolverOptions.defaults());
        Snapshot a = new Snapshot(0, new double[] {0}, new double[][] {{0}}, null, null, null, 1);
        Snapshot b = new Snapshot(1, new double[] {Double.NaN}, new double[][] {{2}}, null, null, null, 0.99);
        SolverResult r = new SolverResult(Descriptors.of("cme"), List.of(a, b), Map.of("mass", "clobber?", "errors", new double[] {1e-9, Double.POSITIVE_INFINITY}, "states", 42));
        var distances = Map.of("cme", new ReferenceDistances.Table("ssa", new double[][] {{0.1}, {Double.NaN}}, new double[][] {{0.05}, {0.2}}, null, null));
        var node = SummaryJson.build("bd", problem, List.of(Outcome.ran(r), Outcome.skipped("lna", "not supported")), distances);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryJson.write(node, bytes);
        JsonNode s = JSON.readTree(bytes.toByteArray());
        JsonNode cme = s.get("solvers").get("cme");
        assertTrue(cme.get("mean").get(1).get(0).isNull());
        assertEquals(0.99, cme.get("mass").get(1).asDouble(), "info may not overwrite a standard key");
        assertEquals(42, cme.get("states").asInt());
        assertTrue(cme.get("errors").get(1).isNull());
        assertEquals("ssa", cme.get("distances").get("reference").asText());
        assertTrue(cme.get("distances").get("l1").get(1).get(0).isNull());
        assertEquals(0.2, cme.get("distances").get("hellinger").get(1).get(0).asDouble());
        assertEquals("not supported", s.get("solvers").get("lna").get("skipped").asText());
        assertEquals(3, s.get("run").get("seed").asLong());
        assertTrue(!bytes.toString().contains("NaN") && !bytes.toString().contains("Infinity"));
    }

    @Test
    void distancesUseTheMasterEquationElseTheEnsembleAsReference() {
        Density1D narrow = new Density1D(0, 1, new double[] {1, 0});
        Density1D wide = new Density1D(0, 1, new double[] {0.5, 0.5});
        Snapshot n = new Snapshot(0, new double[] {0}, new double[][] {{0}}, new Density1D[] {narrow}, null, null, 1);
        Snapshot w = new Snapshot(0, new double[] {0}, new double[][] {{0}}, new Density1D[] {wide}, null, null, 1);
        Snapshot none = new Snapshot(0, new double[] {0}, new double[][] {{0}}, null, null, null, 1);
        var ssa = Outcome.ran(new SolverResult(Descriptors.of("ssa"), List.of(n), Map.of()));
        var cme = Outcome.ran(new SolverResult(Descriptors.of("cme"), List.of(w), Map.of()));
        var fp = Outcome.ran(new SolverResult(Descriptors.of("fp"), List.of(n), Map.of()));
        var lna = Outcome.ran(new SolverResult(Descriptors.of("lna"), List.of(none), Map.of()));

        var withCme = ReferenceDistances.compute(List.of(ssa, cme, fp, lna), 1);
        assertEquals(List.of("ssa", "fp", "lna"), List.copyOf(withCme.keySet()));
        assertEquals("cme", withCme.get("fp").reference());
        assertEquals(1.0, withCme.get("fp").l1()[0][0], 1e-15);
        assertTrue(Double.isNaN(withCme.get("lna").l1()[0][0]), "no marginal, no distance");

        var withoutCme = ReferenceDistances.compute(List.of(ssa, fp, Outcome.skipped("cme", "no")), 1);
        assertEquals(List.of("fp"), List.copyOf(withoutCme.keySet()));
        assertEquals("ssa", withoutCme.get("fp").reference());
        assertEquals(0.0, withoutCme.get("fp").l1()[0][0]);

        assertTrue(ReferenceDistances.compute(List.of(fp, lna), 1).isEmpty(), "no reference, no distances");
        assertEquals(null, withCme.get("fp").l1Joint(), "joint distances only for 2 species");
    }

    @Test
    void twoSpeciesDistancesIncludeTheJointDensity() throws Exception {
        Density2D j = joint();
        Density1D m = j.marginal(0);
        Snapshot both = new Snapshot(0, new double[] {0, 0}, new double[2][2], new Density1D[] {m, j.marginal(1)}, j, null, 1);
        // the same unit-mass density moved far along x: disjoint in x and jointly, identical in y
        Density2D far = new Density2D(j.x0() + 100, j.dx(), j.nx(), j.y0(), j.dy(), j.ny(), j.p());
        Snapshot farBoth = new Snapshot(0, new double[] {0, 0}, new double[2][2], new Density1D[] {far.marginal(0), far.marginal(1)}, far, null, 1);
        Snapshot farMarginalsOnly = new Snapshot(0, new double[] {0, 0}, new double[2][2], new Density1D[] {far.marginal(0), far.marginal(1)}, null, null, 1);
        var cme = Outcome.ran(new SolverResult(Descriptors.of("cme"), List.of(both, both), Map.of()));
        var lna = Outcome.ran(new SolverResult(Descriptors.of("lna"), List.of(farBoth, farMarginalsOnly), Map.of()));
        var t = ReferenceDistances.compute(List.of(cme, lna), 2).get("lna");
        assertEquals(2.0, t.l1()[1][0], 1e-12, "disjoint x marginals");
        assertEquals(0.0, t.l1()[1][1], 1e-12, "identical y marginals");
        assertEquals(2.0, t.l1Joint()[0], 1e-12, "disjoint joint densities");
        assertEquals(1.0, t.hellingerJoint()[0], 1e-12);
        assertTrue(Double.isNaN(t.hellingerJoint()[1]), "no joint density at the second time");
        var cle = Outcome.ran(new SolverResult(Descriptors.of("cle"), List.of(farBoth, farBoth), Map.of()));
        var ssa = Outcome.ran(new SolverResult(Descriptors.of("ssa"), List.of(both, both), Map.of()));
        assertEquals(null, ReferenceDistances.compute(List.of(ssa, cle), 2).get("cle").l1Joint(), "no joint distances against an ensemble");

        Problem problem = new Problem(PresetIO.read(Path.of("presets/predator-prey.json")).model(), new double[] {0, 1}, 1, 1, SolverOptions.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryJson.write(SummaryJson.build("pp", problem, List.of(cme, lna), Map.of("lna", t)), bytes);
        JsonNode d = JSON.readTree(bytes.toByteArray()).get("solvers").get("lna").get("distances");
        assertEquals(2.0, d.get("l1Joint").get(0).asDouble(), 1e-12);
        assertTrue(d.get("hellingerJoint").get(1).isNull());
    }
}
