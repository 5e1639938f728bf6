package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmlab.model.TestPresets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The presets of issue 12 from the command line, every solver at once, a small ensemble and a
 * short run: each solver runs (none is skipped or fails), summary.json has a skewness per output
 * and, where the preset declares an exact law, an L1 distance to it for every solver.
 */
class NewPresetsRunTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"noise-induced-drift", "double-well", "random-walk", "skewed-kicks", "ehrenfest"})
    void everySolverRunsAndReportsItsDistanceToTheExactLaw(String preset) throws IOException {
        Cli cli = Cli.run("run", preset, "--solvers", "ssa,cme,fp,cle,lna", "--trajectories", "200", "--samples", "3",
                "--t-end", "1", "--seed", "3", "--out", dir.toString());
        assertEquals(0, cli.exit(), cli.err());
        JsonNode solvers = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("solvers");
        boolean exact = !TestPresets.model(preset).exact().isEmpty();
        for (String s : List.of("ssa", "cme", "fp", "cle", "lna")) {
            JsonNode node = solvers.get(s);
            assertTrue(node != null && node.has("times"), preset + ": " + s + " did not run: " + node);
            assertEquals(3, node.get("skewness").size(), preset + ": " + s);
            assertEquals(exact, node.has("exactL1"), preset + ": " + s + " exactL1");
            if (exact) {
                double last = node.get("exactL1").get(2).get(0).asDouble(Double.NaN);
                assertTrue(last >= 0 && last <= 2, preset + ": " + s + " exactL1 at t = 1: " + last);
            }
        }
        if (exact) {
            double cme = solvers.get("cme").get("exactL1").get(2).get(0).asDouble();
            // at t = 1 the double well still holds most walkers in its left well (L1 ≈ 0.67) and the urn is half-filled (0.48); the walks are there
            assertTrue(cme < (preset.equals("double-well") || preset.equals("ehrenfest") ? 1 : 0.1), preset + ": the master equation against its exact law at t = 1: " + cme);
        }
    }

    /** The presets of the Schlögl / enzyme branch: every solver the preset declares, from the command line. */
    @ParameterizedTest
    @ValueSource(strings = {"schlogl", "enzyme", "enzyme-reduced"})
    void everyDeclaredSolverRuns(String preset) throws IOException {
        List<String> declared = TestPresets.read(preset).run().solvers();
        Cli cli = Cli.run("run", preset, "--trajectories", "100", "--samples", "3", "--t-end", "1", "--seed", "3", "--out", dir.toString());
        assertEquals(0, cli.exit(), cli.err());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        JsonNode solvers = root.get("solvers");
        for (String s : declared) {
            JsonNode node = solvers.get(s);
            assertTrue(node != null && node.has("times") && node.get("mean").size() == 3, preset + ": " + s + " did not run: " + node);
            double m = node.get("mean").get(2).get(0).asDouble(Double.NaN);
            assertTrue(m > 0 && m < 20, preset + ": " + s + " mean at t = 1: " + m);
        }
        if (preset.equals("schlogl")) {   // the detailed-balance law, compared with every solver
            for (String s : declared) assertTrue(solvers.get(s).has("exactL1"), "schlogl: " + s + " exactL1");
        }
    }
}
