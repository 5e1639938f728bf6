package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.OneStepPassage;
import org.kmlab.model.TestPresets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code kmlab sweep PRESET --quantity passage}: passage.csv, passage.json and the figure written
 * together; a preset without an absorbing set (or two wells) exits 2 with one line and writes nothing.
 */
class PassageSweepCommandTest {
    @TempDir Path tmp;

    @Test
    void writesTheMeanTimesTheirExponentsAndTheFigure() throws Exception {
        Path out = tmp.resolve("passage");
        Cli cli = Cli.run("sweep", "logistic", "--quantity", "passage", "--values", "5,2,20", "--trajectories", "4000", "--seed", "3",
                "--out", out.toString(), "--figure", "png");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("exponent S of T ~ exp(S*Omega): exact "), cli.out());
        assertTrue(cli.err().contains("kmlab: ssa at Omega = 20.0000: skipped: about "), "the ensemble over its budget is named: " + cli.err());

        List<String> csv = Files.readAllLines(out.resolve("passage.csv"));
        assertEquals("Omega,exact_T,exact_se,ssa_T,ssa_se,cme_T,cme_se,fp_T,fp_se", csv.get(0));
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith("2.0,"), "increasing Ω: " + csv.get(1));
        assertTrue(csv.get(3).contains(",,,"), "the skipped ensemble's fields are empty: " + csv.get(3));

        JsonNode json = new ObjectMapper().readTree(out.resolve("passage.json").toFile());
        assertEquals("kmlab-passage/1", json.get("format").asText());
        assertEquals("logistic", json.get("model").asText());
        assertEquals("done", json.get("state").asText());
        double exact20 = OneStepPassage.meanTime(TestPresets.model("logistic").with("Omega", 20).with("X0", 20));
        JsonNode cme = json.get("sources").get("cme");
        assertEquals(exact20, cme.get("T").get(2).asDouble(), 1e-6 * exact20);
        assertEquals(exact20, json.get("sources").get("exact").get("T").get(2).asDouble(), 1e-9 * exact20);
        assertTrue(json.get("sources").get("ssa").get("T").get(2).isNull());
        assertTrue(json.get("sources").get("ssa").get("notes").get(2).asText().contains("budget"));
        double sExact = json.get("sources").get("exact").get("exponent").get("S").asDouble(), sFp = json.get("sources").get("fp").get("exponent").get("S").asDouble();
        assertTrue(sFp < sExact, "FP's exponent is too small: " + sFp + " < " + sExact);
        assertTrue(Files.size(out.resolve("passage.png")) > 10_000);
        try (var files = Files.list(out)) {
            assertEquals(List.of("passage.csv", "passage.json", "passage.png"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aPresetWithoutAnAbsorbingSetExitsTwoWithOneLineAndNoFiles() throws Exception {
        Path out = tmp.resolve("none");
        Cli cli = Cli.run("sweep", "birth-death", "--quantity", "passage", "--values", "2,5", "--out", out.toString());
        assertEquals(2, cli.exit());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("kmlab: birth-death has no absorbing set: add \"absorbing\""), cli.err());
        assertFalse(Files.exists(out.resolve("passage.csv")));
    }

    @Test
    void anUnknownQuantityIsNamed() throws Exception {
        Cli cli = Cli.run("sweep", "logistic", "--quantity", "speed", "--values", "2,5", "--out", tmp.resolve("q").toString());
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("--quantity: 'speed': use distances or passage"), cli.err());
    }
}
