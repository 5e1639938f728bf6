package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Refactoring guard: {@code run} on every built-in preset with every solver, small fixed settings
 * and a fixed seed, must print the same numbers as the golden files in
 * {@code src/test/resources/golden/} (summary.json without timings and thread counts, plus a
 * digest of each CSV: rows, Σp, Σp·x, Σp·x² per column). A change that moves a number on purpose
 * regenerates the files ({@code mvn test -Dtest=GoldenRunTest -Dkmlab.golden.update=true}) in the
 * commit that explains it.
 */
class GoldenRunTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** Facts that depend on the machine or the clock, not on the numbers: timings, rates per second, threads. */
    private static boolean isVolatile(String key) {
        return key.equals("threads") || key.endsWith("Seconds") || key.endsWith("PerSecond");
    }
    private static final double RELATIVE = 1e-9, ABSOLUTE = 1e-12;
    /**
     * Numbers derived after the run from what the goldens already pin (the densities), added to
     * summary.json later than some goldens were written: compared where a golden has them, not
     * reported as new where it does not (the goldens are not regenerated for them).
     */
    private static final Set<String> DERIVED_LATER = Set.of("skewness", "exactL1");

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"birth-death", "ornstein-uhlenbeck", "predator-prey", "a-b-decay", "gene-expression", "logistic", "annihilation"})
    void runPrintsTheGoldenNumbers(String preset) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", preset, "--solvers", "ssa,cme,fp,cle,lna", "--samples", "3",
                "--trajectories", "300", "--seed", "7", "--threads", "2", "--out", dir.toString()));
        if (preset.equals("predator-prey")) args.addAll(List.of("--t-end", "2"));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(0, cli.exit(), cli.err());
        ObjectNode actual = JSON.createObjectNode();
        actual.set("summary", strip(JSON.readTree(dir.resolve("summary.json").toFile())));
        ObjectNode csv = actual.putObject("csv");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) csv.set(f.getFileName().toString(), digest(f));
        }
        Path golden = GOLDEN.resolve(preset + ".json");
        if (Boolean.getBoolean("kmlab.golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            JSON.writeValue(golden.toFile(), actual);
            if (!Boolean.getBoolean("kmlab.golden.update")) fail("no golden file for " + preset + "; wrote one: check it in");
            return;
        }
        List<String> differences = new ArrayList<>();
        compare("", JSON.readTree(golden.toFile()), actual, differences);
        if (!differences.isEmpty()) {
            fail(differences.size() + " numbers differ from " + golden + ":\n" + String.join("\n", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) if (isVolatile(k)) o.remove(k);
            o.elements().forEachRemaining(GoldenRunTest::strip);
        } else if (node instanceof ArrayNode a) {
            a.elements().forEachRemaining(GoldenRunTest::strip);
        }
        return node;
    }

    /** Rows, and per column Σp, Σp·v and Σp·v² (p the last column). */
    private static JsonNode digest(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        int columns = header.length, pc = columns - 1;
        double[][] sums = new double[columns][3];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double p = Double.parseDouble(f[pc]);
            for (int c = 0; c < columns; c++) {
                double v = c == pc ? 1 : parse(f[c]);
                sums[c][0] += p;
                sums[c][1] += p * v;
                sums[c][2] += p * v * v;
            }
        }
        ObjectNode d = JSON.createObjectNode();
        d.put("header", lines.get(0));
        d.put("rows", lines.size() - 1);
        for (int c = 0; c < columns; c++) d.putArray(header[c]).add(sums[c][0]).add(sums[c][1]).add(sums[c][2]);
        return d;
    }

    /** A number, or a word (a species name column) hashed to a number so it still takes part. */
    private static double parse(String field) {
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            return field.hashCode() % 1000;
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.doubleValue(), a = actual.doubleValue();
            if (!(Math.abs(e - a) <= ABSOLUTE + RELATIVE * Math.max(Math.abs(e), Math.abs(a)))) differences.add(path + ": " + e + " → " + a);
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (!expected.has(k) && DERIVED_LATER.contains(k)) continue;
                if (!expected.has(k) || !actual.has(k)) differences.add(path + "/" + k + (expected.has(k) ? ": gone" : ": new"));
                else compare(path + "/" + k, expected.get(k), actual.get(k), differences);
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": " + expected.size() + " entries → " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
            return;
        }
        if (!expected.equals(actual)) differences.add(path + ": " + expected + " → " + actual);
    }
}
