package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files a run writes, with a stand-in solver whose answer is known (the Poisson law with
 * the birth–death mean), so the writers and the plumbing are checked apart from the numerics.
 */
class RunCommandOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void summaryAndCsvFollowTheContract() throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.poisson("ssa"), FakeSolvers.poisson("fp")),
                "run", "presets/birth-death.json", "--solvers", "ssa,fp", "--trajectories", "200", "--t-end", "2", "--samples", "5", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());

        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("fp.csv", "ssa.csv", "summary.json"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("birth-death", s.get("model").asText());
        assertEquals(List.of("X"), List.of(s.get("species").get(0).asText()));
        assertEquals(1, s.get("species").size());
        assertEquals(1.0, s.get("omega").asDouble());
        assertEquals(10.0, s.get("parameters").get("k1").asDouble());
        assertEquals(1.0, s.get("parameters").get("k2").asDouble());
        assertEquals(200, s.get("run").get("trajectories").asInt());
        for (String id : List.of("ssa", "fp")) {
            JsonNode ssa = s.get("solvers").get(id);
            assertEquals(5, ssa.get("times").size());
            assertEquals(2.0, ssa.get("times").get(4).asDouble());
            assertEquals(0.5, ssa.get("times").get(1).asDouble());
            assertEquals(5, ssa.get("mean").size());
            assertEquals(1, ssa.get("mean").get(0).size());
            assertEquals(5, ssa.get("covariance").size());
            assertEquals(1, ssa.get("covariance").get(0).size());
            assertEquals(1, ssa.get("covariance").get(0).get(0).size());
            assertEquals(5, ssa.get("mass").size());
            assertEquals(1234, ssa.get("events").asLong(), "SolverResult.info entries are copied");
            assertEquals("fake", ssa.get("note").asText());
            double t = 2, mean = 10 * (1 - Math.exp(-t));
            assertEquals(mean, ssa.get("mean").get(4).get(0).asDouble(), 1e-12);
            assertEquals(mean, ssa.get("covariance").get(4).get(0).get(0).asDouble(), 1e-12);
        }

        CsvTable csv = CsvTable.read(out.resolve("ssa.csv"));
        assertEquals("t,x,p", csv.header());
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0), List.copyOf(csv.rowsByTime().keySet()));
        for (Map.Entry<Double, List<double[]>> e : csv.rowsByTime().entrySet()) {
            assertEquals(1.0, CsvTable.integral(e.getValue()), 1e-9, "density integrates to 1 at t = " + e.getKey());
        }
        assertTrue(r.out().contains("summary.json"), r.out());
    }

    @Test
    void setChangesInitialCountAndSystemSize() throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.poisson("ssa")),
                "run", "presets/birth-death.json", "--solvers", "ssa", "--set", "X0=5", "--set", "Omega=2", "--set", "k1=3",
                "--t-end", "1", "--samples", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(2.0, s.get("omega").asDouble());
        assertEquals(3.0, s.get("parameters").get("k1").asDouble());
        assertEquals(5, s.get("initial").get("X0").asLong());
        assertEquals(2.5, s.get("solvers").get("ssa").get("mean").get(0).get(0).asDouble(), 1e-12, "mean at t = 0 is X0/Ω");
        CsvTable csv = CsvTable.read(out.resolve("ssa.csv"));
        List<double[]> first = csv.rowsByTime().get(0.0);
        assertEquals(0.5, first.get(1)[1] - first.get(0)[1], 1e-15, "x step is 1/Ω");
    }

    @Test
    void unsupportedSolverIsSkippedWithANote() throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.poisson("ssa"), FakeSolvers.unsupported("cme")),
                "run", "presets/birth-death.json", "--solvers", "cme,ssa", "--t-end", "1", "--samples", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("kmlab: cme skipped: not supported"), r.err());
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertTrue(s.get("solvers").get("cme").get("skipped").asText().startsWith("not supported"));
        assertEquals(List.of("cme", "ssa"), List.copyOf(iterable(s.get("solvers").fieldNames())));
        assertTrue(Files.notExists(out.resolve("cme.csv")));
    }

    @Test
    void builtInPresetByName() throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.poisson("ssa")), "run", "birth-death", "--solvers", "ssa", "--samples", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("birth-death", JSON.readTree(out.resolve("summary.json").toFile()).get("model").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
