package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.OneStepPassage;
import org.kmlab.model.TestPresets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code run} on a model with an absorbing set writes the first-passage keys and CSV; without one, neither. */
class RunFirstPassageTest {
    @TempDir Path dir;

    @Test void logisticWritesFirstPassageKeysAndCsv() throws IOException {
        Path out = dir.resolve("lg");
        Cli r = Cli.run("run", "logistic", "--solvers", "ssa,cme,fp", "--samples", "5", "--trajectories", "200", "--t-end", "8", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("X <= 0", s.get("absorbing").get(0).asText());
        double exact = OneStepPassage.meanTime(TestPresets.model("logistic"));
        assertEquals(exact, s.get("exactMeanFirstPassage").asDouble(), 1e-9 * exact);
        for (String solver : List.of("ssa", "cme", "fp")) {
            JsonNode f = s.get("solvers").get(solver).get("firstPassage");
            assertNotNull(f, solver);
            for (String key : List.of("survivalAtEnd", "meanTime", "meanTimeSE", "absorbedFraction", "method")) assertTrue(f.has(key), solver + "." + key);
            assertEquals(1, f.get("survivalAtEnd").asDouble() + f.get("absorbedFraction").asDouble(), 1e-12);
        }
        assertEquals(exact, s.get("solvers").get("cme").get("firstPassage").get("meanTime").asDouble(), 1e-6 * exact);
        assertTrue(s.get("solvers").get("ssa").get("firstPassage").get("absorbed").asLong() > 0);
        List<String> csv = Files.readAllLines(out.resolve("first-passage.csv"));
        assertEquals("t,ssa,cme,fp", csv.get(0));
        assertEquals(6, csv.size());
        assertEquals("0.0,1.0,1.0,1.0", csv.get(1));
        assertTrue(r.out().contains("first-passage.csv"), r.out());
    }

    @Test void birthDeathHasNoneOfThem() throws IOException {
        Path out = dir.resolve("bd");
        Cli r = Cli.run("run", "birth-death", "--solvers", "ssa,cme", "--samples", "3", "--trajectories", "50", "--t-end", "1", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(s.has("absorbing"));
        assertFalse(s.has("exactMeanFirstPassage"));
        assertFalse(s.get("solvers").get("cme").has("firstPassage"));
        assertFalse(Files.exists(out.resolve("first-passage.csv")));
    }

    @Test void theFigureIsExportableForLogisticAndRefusedForBirthDeath() {
        Path png = dir.resolve("fp.png");
        Cli ok = Cli.run("export", "logistic", "--figure", "firstpassage", "--solvers", "cme,ssa", "--samples", "5", "--trajectories", "100", "--t-end", "4", "--out", png.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(Files.exists(png));
        Cli no = Cli.run("export", "birth-death", "--figure", "firstpassage", "--out", dir.resolve("no.png").toString());
        assertEquals(2, no.exit());
        assertEquals("kmlab: --figure firstpassage: the first passage needs an absorbing set (a preset's \"absorbing\" list); birth-death has none", no.err().strip());
    }
}
