package org.kmlab.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PresetIOTest {
    @TempDir Path dir;

    private static final String VALID = """
        {"format": "kmlab-preset/1", "name": "bd", "description": "d",
         "species": [{"name": "X", "initial": 0}],
         "omega": {"value": 1, "min": 1, "max": 10},
         "parameters": [{"name": "k1", "value": 10, "min": 0, "max": 100}, {"name": "k2", "value": 1}],
         "reactions": [{"name": "birth", "equation": "0 -> X", "rate": "k1"},
                       {"name": "death", "equation": "X -> 0", "rate": "k2"}]}
        """;

    static java.util.stream.Stream<String> presetIds() throws IOException {
        try (var files = Files.list(Path.of("presets"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @Test
    void theIssueNamedPresetsExist() throws IOException {
        assertTrue(presetIds().toList().containsAll(java.util.List.of("birth-death", "ornstein-uhlenbeck", "predator-prey", "a-b-decay")));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("presetIds")
    void everyPresetRoundTrips(String id) throws IOException {
        Path source = Path.of("presets", id + ".json");
        Preset p = PresetIO.read(source);
        assertEquals(id, p.id());
        Path copy = dir.resolve(id + ".json");
        PresetIO.write(p, copy);
        Preset back = PresetIO.read(copy);
        assertEquals(p.model(), back.model());
        assertEquals(p.run(), back.run());
        assertEquals(PresetIO.toJson(p), PresetIO.toJson(back));
        assertFalse(p.model().description().isBlank());
    }

    @Test
    void aValidPresetReads() {
        Preset p = PresetIO.parse(VALID, "bd");
        assertEquals(2, p.model().reactionCount());
        assertEquals(1, p.model().parameters().get(1).value());
        assertEquals(RunSettings.defaults(), p.run());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\"rate\": \"k2\"}]}|\"rate\": -3}]}|reactions[1].rate: must be ≥ 0, got -3 (reaction 'death')",
        "\"rate\": \"k2\"}]}|\"rat\": \"k2\"}]}|reactions[1].rat: unknown key (allowed: equation, name, propensity, rate)",
        "\"kmlab-preset/1\"|\"kmlab-preset/9\"|format: expected 'kmlab-preset/1', got 'kmlab-preset/9'",
        "\"initial\": 0|\"initial\": -2|species[0].initial: must be ≥ 0, got -2",
        "\"initial\": 0|\"initial\": 1.5|species[0].initial: expected a whole number, got 1.5",
        "\"value\": 10, \"min\": 0|\"value\": \"ten\", \"min\": 0|parameters[0].value: expected a number, got \"ten\"",
        "\"description\": \"d\",|\"description\": \"d\", \"colour\": 1,|colour: unknown key (allowed: absorbing, description, events, exact, format, name, observables, omega, parameters, reactions, run, species)",
        "\"min\": 0, \"max\": 100|\"min\": 200, \"max\": 100|parameters[0].min: must be ≤ max, got 200 > 100",
        "\"X -> 0\"|\"X -> Q\"|reactions[1].equation: unknown species 'Q' in 'X -> Q'",
        "\"rate\": \"k1\"|\"rate\": \"k1 *\"|reactions[0].rate: formula ends too early at position 5 in 'k1 *'",
        "\"rate\": \"k1\"|\"rate\": \"k1\", \"propensity\": \"1\"|reactions[0]: give exactly one of 'rate' or 'propensity'",
        "\"omega\": {\"value\": 1|\"omega\": {\"value\": 0|omega.value: must be a finite number > 0, got 0",
    })
    void theFirstProblemIsReportedWithItsPath(String from, String to, String message) {
        String broken = VALID.replace(from, to);
        assertNotEquals(VALID, broken, "the test edit must apply");
        assertEquals(message, assertThrows(ModelException.class, () -> PresetIO.parse(broken, "bd")).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"stationary\": {\"X\": \"exp(-x*\"}}|exact.stationary.X: formula ends too early at position 8 in 'exp(-x*'",
        "{\"stationary\": {\"X\": \"exp(-X)\"}}|exact.stationary.X: unknown name 'X' in 'X' (names: x, t, x0, the parameters, Omega, h)",
        "{\"stationary\": {\"Y\": \"exp(-x)\"}}|exact.stationary.Y: unknown species 'Y' (the model has X)",
        "{\"stationary\": {\"X\": \"exp(-x*t)\"}}|exact.stationary.X: a stationary law may not depend on t",
        "{\"transition\": {\"X\": 3}}|exact.transition.X: expected a formula (string) of x, t and x0",
        "{\"stationary\": {}}|exact.stationary: name a species and give its density as a formula of x",
        "{\"steady\": {\"X\": \"1\"}}|exact.steady: unknown key (allowed: detailedBalance, stationary, transition)",
        "{}|exact: give 'stationary', 'transition' or 'detailedBalance'",
    })
    void aBadExactSectionIsReportedWithItsKey(String exact, String message) {
        String broken = VALID.replace("\"reactions\":", "\"exact\": " + exact + ", \"reactions\":");
        assertNotEquals(VALID, broken, "the test edit must apply");
        assertEquals(message, assertThrows(ModelException.class, () -> PresetIO.parse(broken, "bd")).getMessage());
    }

    @Test
    void anExactSectionReadsAndFollowsTheParameters() {
        String text = VALID.replace("\"reactions\":", "\"exact\": {\"stationary\": {\"X\": \"exp(-Omega*x)*(Omega*k1/k2)^(Omega*x)\"}, \"transition\": {\"X\": \"exp(-(x - x0 - t)^2)\"}}, \"reactions\":");
        Model m = PresetIO.parse(text, "bd").model();
        assertEquals("exp(-(x - x0 - t)^2)", m.exact().at("X", 5).orElseThrow().text(), "the transition law for t > 0");
        assertEquals("exp(-Omega*x)*(Omega*k1/k2)^(Omega*x)", m.exact().at("X", 0).orElseThrow().text(), "the stationary law at t = 0");
        assertEquals(m.exact(), m.with("k1", 3).with("Omega", 5).exact(), "a slider keeps the reference");
        assertNotEquals(m, m.withExact(ExactReference.NONE));
    }


    @Test
    void hugeCountsAreRejectedNotWrappedAround() {
        String huge = VALID.replace("\"reactions\"", "\"run\": {\"samples\": 4294967298}, \"reactions\"");
        assertEquals("run.samples: too large, got 4294967298", assertThrows(ModelException.class, () -> PresetIO.parse(huge, "bd")).getMessage());
        String many = VALID.replace("\"reactions\"", "\"run\": {\"trajectories\": 20000000}, \"reactions\"");
        assertEquals("run.trajectories: must be from 1 to 10000000, got 20000000", assertThrows(ModelException.class, () -> PresetIO.parse(many, "bd")).getMessage());
    }

    @Test
    void aParameterMayNotTakeTheNameOfAnInitialCount() {
        String shadow = VALID.replace("{\"name\": \"k2\", \"value\": 1}", "{\"name\": \"X0\", \"value\": 1}");
        assertNotEquals(VALID, shadow);
        assertEquals("parameters[1].name: 'X0' is already used", assertThrows(ModelException.class, () -> PresetIO.parse(shadow, "bd")).getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        String m = assertThrows(ModelException.class, () -> PresetIO.parse("{\"format\": ", "x")).getMessage();
        assertTrue(m.startsWith("malformed JSON at line 1"), m);
    }

    @Test
    void runSettingsAreChecked() {
        String withRun = VALID.replace("\"reactions\"", "\"run\": {\"tEnd\": 5, \"solvers\": [\"ssa\", \"ma gic\"]}, \"reactions\"");
        assertEquals("run.solvers[1]: expected a solver name, got 'ma gic'",
                assertThrows(ModelException.class, () -> PresetIO.parse(withRun, "bd")).getMessage());
        String cells = VALID.replace("\"reactions\"", "\"run\": {\"fpCells\": 3}, \"reactions\"");
        assertEquals("run.fpCells: must be 0 (automatic) or from 8 to 4096, got 3", assertThrows(ModelException.class, () -> PresetIO.parse(cells, "bd")).getMessage());
        String zero = VALID.replace("\"reactions\"", "\"run\": {\"trajectories\": 0}, \"reactions\"");
        assertEquals("run.trajectories: must be from 1 to 10000000, got 0", assertThrows(ModelException.class, () -> PresetIO.parse(zero, "bd")).getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        assertTrue(assertThrows(ModelException.class, () -> PresetIO.read(dir.resolve("nope.json"))).getMessage().endsWith("no such file"));
    }

    @Test
    void aFailedWriteLeavesNoFile() {
        Path target = dir.resolve("missing-dir").resolve("p.json");
        assertThrows(IOException.class, () -> PresetIO.write(PresetIO.parse(VALID, "bd"), target));
        assertFalse(Files.exists(target));
    }
}
