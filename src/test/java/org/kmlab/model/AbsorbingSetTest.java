package org.kmlab.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A preset's absorbing set: how it is read, refused, written back and tested against states. */
class AbsorbingSetTest {
    private static String preset(String absorbing) {
        return """
            {"format": "kmlab-preset/1", "name": "bd",
             "species": [{"name": "X", "initial": 3}],
             "parameters": [{"name": "k1", "value": 10}, {"name": "k2", "value": 1}],
             "reactions": [{"name": "birth", "equation": "0 -> X", "rate": "k1"},
                           {"name": "death", "equation": "X -> 0", "rate": "k2"}],
             "absorbing": %s}
            """.formatted(absorbing);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[\"X = 0\"]                | absorbing[0]: 'X = 0': expected SPECIES OP INTEGER with OP one of <=, >=, <, >, e.g. 'X <= 0'",
            "[\"X <= 0\", \"X >= 2.5\"] | absorbing[1]: 'X >= 2.5': the bound must be a whole number (a count)",
            "[\"Y <= 0\"]               | absorbing[0]: 'Y <= 0': unknown species 'Y' (the model has X)",
            "[\"X < 0\"]                | absorbing[0]: 'X < 0': never reached, X is a count ≥ 0",
            "[42]                      | absorbing[0]: expected a condition (string) such as \"X <= 0\", got 42",
            "\"X <= 0\"                 | absorbing: expected an array of conditions such as \"X <= 0\"",
            "[]                        | absorbing: give at least one condition such as \"X <= 0\", or leave the key out"})
    void badEntriesAreRefusedWithTheirPlaceAndWhy(String absorbing, String message) {
        ModelException e = assertThrows(ModelException.class, () -> PresetIO.parse(preset(absorbing), "bd"));
        assertEquals(message, e.getMessage());
    }

    @Test void theSetIsTheUnionOfInclusiveHalfLines() {
        Model m = PresetIO.parse(preset("[\"X < 3\", \"X > 40\"]"), "bd").model();
        assertEquals(List.of("X < 3", "X > 40"), m.absorbing().entries());
        assertTrue(m.absorbing().contains(new long[] {2}));
        assertFalse(m.absorbing().contains(new long[] {3}));
        assertFalse(m.absorbing().contains(new double[] {40}));
        assertTrue(m.absorbing().contains(new double[] {41}));
    }

    @Test void presetAndModelTextWriteItBack() {
        Preset p = PresetIO.parse(preset("[\"X <= 0\", \"X >= 40\"]"), "bd");
        Preset again = PresetIO.parse(PresetIO.toJson(p), "bd");
        assertEquals(p.model(), again.model());
        assertEquals(List.of("X <= 0", "X >= 40"), again.model().absorbing().entries());
        String text = ModelText.write(p.model());
        assertTrue(text.contains("absorbing: X <= 0, X >= 40\n"), text);
        assertEquals(p.model().absorbing(), ModelText.parse(text, "bd").model().absorbing());
        assertEquals(p.model().absorbing(), p.model().with("k1", 3).with("Omega", 2).absorbing());
    }

    @Test void modelTextNamesTheLineOfABadCondition() {
        ModelText.Result r = ModelText.read("k = 1\n0 -> X @ k\nabsorbing: X <= 0, Z >= 4\n", "t");
        assertFalse(r.ok());
        assertEquals("line 3: absorbing[1]: 'Z >= 4': unknown species 'Z' (the model has X)", r.problems().get(0).toString());
    }

    @Test void aModelWithoutTheKeyHasNoSet() {
        assertTrue(TestPresets.model("birth-death").absorbing().isEmpty());
        assertEquals(List.of("X <= 0"), TestPresets.model("logistic").absorbing().entries());
    }
}
