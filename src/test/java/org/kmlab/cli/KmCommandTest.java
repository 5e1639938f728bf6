package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kmlab km}: on a preset it runs the SSA with the fine-step hook and writes km.csv (x, order,
 * value, stderr, analytic, samples) and km.json (source, settings, Pawula, the FP check); on a
 * series CSV the same without the analytic column; bad input exits 2 with one line and no files.
 */
class KmCommandTest {
    @TempDir Path tmp;

    /** An Ornstein–Uhlenbeck series (θ = 1, D = 0.5) sampled exactly every 0.01, as a user would have it. */
    private Path series(int n) throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder s = new StringBuilder("time,position\n");
        double x = 0, a = Math.exp(-0.01), sd = Math.sqrt(0.5 * (1 - a * a) / 2);
        for (int i = 0; i < n; i++) {
            s.append(i * 0.01).append(',').append(x).append('\n');
            x = a * x + sd * r.nextGaussian();
        }
        return Files.writeString(tmp.resolve("series.csv"), s);
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) out.add(line.split(",", -1));
        return out;
    }

    @Test void aPresetRunsTheSsaAndWritesBothFiles() throws IOException {
        Path out = tmp.resolve("bd");
        Cli c = Cli.run("km", "birth-death", "--set", "X0=10", "--trajectories", "2000", "--t-end", "4", "--dt", "0.02", "--order", "4", "--correction", "--out", out.toString());
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("jumps matter"), c.out());
        assertEquals("x,order,value,stderr,analytic,samples", Files.readAllLines(out.resolve("km.csv")).get(0));
        List<String[]> rows = rows(out.resolve("km.csv"));
        assertTrue(rows.size() > 40, "rows: " + rows.size());
        int near = 0;
        for (String[] row : rows) {
            int order = Integer.parseInt(row[1]);
            assertTrue(order >= 1 && order <= 4);
            double x = Double.parseDouble(row[0]), value = Double.parseDouble(row[2]), se = Double.parseDouble(row[3]), analytic = Double.parseDouble(row[4]);
            if (order == 1) assertEquals(10 - x, analytic, 1e-9, "D₁ = A = k1 − k2·x");
            if (order == 2) assertEquals((10 + x) / 2, analytic, 1e-9, "D₂ = B/2");
            if (Math.abs(value - analytic) < 4 * se) near++;
        }
        // extrapolated to Δt → 0 the estimates are the jump moments: nearly all within 4 SE (sanity; the statistics are tested in run.km)
        assertTrue(near > 0.9 * rows.size(), "estimates within 4 SE of the analytic values: " + near + " of " + rows.size());
        JsonNode json = new ObjectMapper().readTree(out.resolve("km.json").toFile());
        assertEquals("kmlab-km/1", json.get("format").asText());
        assertEquals("ssa", json.at("/source/kind").asText());
        assertEquals(2000, json.at("/source/trajectories").asInt());
        assertEquals(4.0, json.at("/source/tEnd").asDouble());
        assertTrue(json.at("/source/events").asLong() > 0);
        assertEquals(0.02, json.at("/settings/dt").asDouble());
        assertEquals("binned", json.at("/settings/estimator").asText());
        assertEquals(4, json.at("/settings/lags").size());
        assertEquals("jumps", json.at("/pawula/verdict").asText());
        assertTrue(json.at("/fpFromData/l1").isNumber(), json.toString());
        assertEquals(5, json.get("driftSlope").size());
    }

    @Test void aSeriesIsEstimatedWithAKernelAndCheckedAgainstItsStationaryDensity() throws IOException {
        Path out = tmp.resolve("s");
        Cli c = Cli.run("km", series(50_000).toString(), "--estimator", "kernel", "--kernel", "gaussian", "--correction", "--out", out.toString());
        assertEquals(0, c.exit(), c.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("km.json").toFile());
        assertEquals("series", json.at("/source/kind").asText());
        assertEquals("position", json.at("/source/column").asText());
        assertEquals(50_000, json.at("/source/samples").asInt());
        assertEquals("kernel", json.at("/settings/estimator").asText());
        assertEquals("gaussian", json.at("/settings/kernel").asText());
        assertEquals("silverman", json.at("/settings/bandwidthRule").asText());
        assertTrue(json.at("/settings/correction").asBoolean());
        assertEquals("diffusion", json.at("/pawula/verdict").asText(), json.at("/pawula/line").asText());
        assertTrue(json.at("/fpFromData/fits").asBoolean(), json.at("/fpFromData/line").asText());
        for (String[] row : rows(out.resolve("km.csv"))) assertEquals("", row[4], "no analytic values for a series");
    }

    record Case(String name, String message, String... args) {
        @Override public String toString() { return name; }
    }

    static Stream<Case> badInputs() {
        return Stream.of(
                new Case("text in the series", "bad.csv line 4, column 2: 'abc' is not a number", "$BAD"),
                new Case("a missing series", "no such file", "$TMP/none.csv"),
                new Case("order 7", "--order: must be from 1 to 6, got 7", "birth-death", "--order", "7"),
                new Case("unknown estimator", "--estimator: unknown estimator 'knn'", "birth-death", "--estimator", "knn"),
                new Case("bandwidth with bins", "--bandwidth: for --estimator kernel", "birth-death", "--bandwidth", "0.1"),
                new Case("negative dt", "--dt: must be a number > 0", "birth-death", "--dt", "-1"),
                new Case("two species", "needs a model with 1 species; this one has 2", "predator-prey"),
                new Case("unknown source", "--source: unknown source 'cme'", "birth-death", "--source", "cme"),
                new Case("--set on a series", "--set: for a preset", "$GOOD", "--set", "k1=2"),
                new Case("Δt longer than the series", "too long for a series", "$GOOD", "--dt", "100"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineAndNoFiles(Case bad) throws IOException {
        Files.writeString(tmp.resolve("bad.csv"), "t,x\n0,1\n1,2\n2,abc\n3,4\n");
        Path good = Files.writeString(tmp.resolve("good.csv"), "t,x\n" + "0,1\n1,2\n2,3\n3,2\n4,1\n5,0\n6,1\n7,2\n8,3\n9,2\n10,1\n");
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("km"));
        for (String a : bad.args()) args.add(a.replace("$BAD", tmp.resolve("bad.csv").toString()).replace("$GOOD", good.toString()).replace("$TMP", tmp.toString()));
        args.addAll(List.of("--trajectories", "50", "--t-end", "1", "--out", out.toString()));
        if (bad.args()[0].startsWith("$")) args.removeAll(List.of("--trajectories", "50", "--t-end", "1"));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertEquals(2, c.exit(), c.err());
        assertEquals(1, c.errLines().size(), c.err());
        assertTrue(c.err().contains(bad.message()), c.err());
        assertFalse(c.err().contains("Exception"), c.err());
        assertFalse(Files.exists(out.resolve("km.csv")) || Files.exists(out.resolve("km.json")), "no files written");
    }
}
