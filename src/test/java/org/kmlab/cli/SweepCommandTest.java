package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kmlab sweep}: sweep.csv (one row per value) and sweep.json (values, distances, slopes,
 * coefficient scaling, settings) written together; bad input exits 2 with one line naming it and
 * writes nothing.
 */
class SweepCommandTest {
    @TempDir Path tmp;

    @Test
    void writesTheCsvAndTheJsonWithSlopesAndSettings() throws Exception {
        Path out = tmp.resolve("sweep");
        Cli cli = Cli.run("sweep", "birth-death", "--values", "30,3,10", "--t", "10", "--seed", "5", "--out", out.toString());
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("slopes against Omega: fp L1 "), cli.out());

        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("Omega,fp_l1,fp_hellinger,fp_error,lna_l1,lna_hellinger,analytic_D2,analytic_D3,analytic_D4,analytic_D5,analytic_D6", csv.get(0));
        assertEquals(4, csv.size(), "a header and one row per value: " + csv);
        assertTrue(csv.get(1).startsWith("3.0,"), "values in increasing order: " + csv.get(1));
        assertTrue(csv.get(1).contains(",,"), "the cancelled odd orders are empty fields: " + csv.get(1));

        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertEquals("kmlab-sweep/1", json.get("format").asText());
        assertEquals("birth-death", json.get("model").asText());
        assertEquals("Omega", json.get("parameter").asText());
        assertEquals(3, json.get("values").size());
        assertEquals(10, json.get("time").asDouble(), 0.0);
        assertEquals("cme", json.get("reference").asText());
        assertEquals("done", json.get("state").asText());
        assertEquals("[\"cme\",\"fp\",\"lna\"]", json.get("settings").get("solvers").toString());
        assertEquals(5, json.get("settings").get("seed").asLong());
        JsonNode lna = json.get("solvers").get("lna");
        assertEquals(-0.5, lna.get("slope").get("l1").asDouble(), 0.1, lna.toString());
        assertEquals(3, lna.get("slope").get("l1Points").asInt());
        assertEquals(3, lna.get("l1").size());
        JsonNode analytic = json.get("coefficients").get("analytic");
        assertEquals(-1, analytic.get("slope").get("2").asDouble(), 1e-9);
        assertEquals(-3, analytic.get("expectedSlope").get("4").asDouble(), 0.0);
        assertTrue(analytic.get("slope").get("3").isNull(), "odd orders cancel at x*: " + analytic);
        assertTrue(analytic.get("notes").get("3").asText().startsWith("vanishes"));
        try (var files = Files.list(out)) {
            assertEquals(List.of("sweep.csv", "sweep.json"), files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void writesTheSweepPaneAsAFigureBesideTheData() throws Exception {
        Path out = tmp.resolve("fig");
        Cli cli = Cli.run("sweep", "birth-death", "--values", "3,10", "--t", "5", "--figure", "pdf", "--out", out.toString());
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("sweep.pdf"), cli.out());
        byte[] pdf = Files.readAllBytes(out.resolve("sweep.pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        try (var files = Files.list(out)) {
            assertEquals(List.of("sweep.csv", "sweep.json", "sweep.pdf"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() {
        String[][] cases = {
                {"'abc' is not a number", "--values", "1,abc"},
                {"unknown parameter 'Omgea'", "--values", "1,2", "--param", "Omgea"},
                {"at least 2 values", "--values", "3"},
                {"values of a sweep must be finite numbers > 0", "--values", "0,3"},
                {"include cme", "--values", "1,2", "--solvers", "fp,lna"},
                {"unknown solver 'fq'", "--values", "1,2", "--solvers", "cme,fq"},
                {"--t: must be a finite number > 0", "--values", "1,2", "--t", "-1"},
                {"--samples: a sweep compares", "--values", "1,2", "--samples", "5"},
                {"--figure: a sweep is a still picture", "--values", "1,2", "--figure", "gif"},
                {"--figure: ", "--values", "1,2", "--figure", "jpg"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("bad" + c[0].hashCode());
            String[] args = new String[c.length + 3];
            args[0] = "sweep";
            args[1] = "birth-death";
            System.arraycopy(c, 1, args, 2, c.length - 1);
            args[args.length - 2] = "--out";
            args[args.length - 1] = out.toString();
            Cli cli = Cli.run(args);
            assertEquals(2, cli.exit(), c[0] + ": " + cli.err());
            assertEquals(1, cli.errLines().size(), c[0] + ": " + cli.err());
            assertTrue(cli.err().contains(c[0]), c[0] + ": " + cli.err());
            assertFalse(Files.exists(out), c[0] + ": nothing written");
        }
    }
}
