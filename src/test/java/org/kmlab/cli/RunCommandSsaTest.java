package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end with the real Gillespie solver on birth–death. */
class RunCommandSsaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void birthDeathEnsembleWritesTheContractFiles() throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", "presets/birth-death.json", "--solvers", "ssa", "--trajectories", "200", "--t-end", "2", "--samples", "5", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());

        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("model", "species", "omega", "parameters", "solvers")) assertTrue(s.has(key), key);
        JsonNode ssa = s.get("solvers").get("ssa");
        assertEquals(5, ssa.get("times").size());
        assertEquals(5, ssa.get("mean").size());
        assertEquals(1, ssa.get("mean").get(4).size());
        assertEquals(1, ssa.get("covariance").get(4).size());
        assertEquals(1, ssa.get("covariance").get(4).get(0).size());
        assertEquals(5, ssa.get("mass").size());
        assertEquals(0.0, ssa.get("mean").get(0).get(0).asDouble(), "X0 = 0 in the preset");
        // From X0 = 0 the law at t is Poisson with mean and variance k1/k2·(1 − e^(−k2 t)) (Ω = 1):
        // the ensemble mean of N = 200 is within 4 standard errors (false failure rate 6e-5).
        double lambda = 10 * (1 - Math.exp(-2));
        assertEquals(lambda, ssa.get("mean").get(4).get(0).asDouble(), 4 * Math.sqrt(lambda / 200));

        CsvTable csv = CsvTable.read(out.resolve("ssa.csv"));
        assertEquals("t,x,p", csv.header());
        assertEquals(5, csv.rowsByTime().size());
        for (Map.Entry<Double, List<double[]>> e : csv.rowsByTime().entrySet()) {
            if (e.getValue().size() < 2) continue; // t = 0: every trajectory at X0, a single cell
            assertEquals(1.0, CsvTable.integral(e.getValue()), 1e-9, "histogram density integrates to 1 at t = " + e.getKey());
        }
    }

    @Test
    void setInitialCountMovesTheMeanAtTimeZero() throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", "presets/birth-death.json", "--solvers", "ssa", "--set", "X0=5", "--set", "Omega=2",
                "--trajectories", "50", "--t-end", "0.5", "--samples", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode mean = JSON.readTree(out.resolve("summary.json").toFile()).get("solvers").get("ssa").get("mean");
        assertEquals(2.5, mean.get(0).get(0).asDouble(), 1e-12, "mean at t = 0 is X0/Ω");
    }

    @Test
    void approximationsGetDistancesToTheEnsemble() throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", "presets/birth-death.json", "--solvers", "ssa,lna", "--trajectories", "500", "--t-end", "3", "--samples", "4", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode solvers = JSON.readTree(out.resolve("summary.json").toFile()).get("solvers");
        assertTrue(!solvers.get("ssa").has("distances"), "the reference has no distance to itself");
        JsonNode d = solvers.get("lna").get("distances");
        assertEquals("ssa", d.get("reference").asText());
        assertEquals(4, d.get("l1").size());
        for (int i = 1; i < 4; i++) {
            double l1 = d.get("l1").get(i).get(0).asDouble(), h = d.get("hellinger").get(i).get(0).asDouble();
            assertTrue(l1 > 0 && l1 <= 2, "L1 in (0, 2]: " + l1);
            assertTrue(h > 0 && h <= 1, "Hellinger in (0, 1]: " + h);
        }
    }
}
