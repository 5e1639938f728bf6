package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code "exact": {"detailedBalance": ["X"]}}: only for one-step processes of one species; written back. */
class DetailedBalanceReferenceTest {
    private static String preset(String species, String reactions, String exact) {
        return """
            {"format": "kmlab-preset/1", "name": "db", "species": %s, "parameters": [{"name": "k", "value": 1}],
             "reactions": %s, "exact": %s}
            """.formatted(species, reactions, exact);
    }

    private static final String X = "[{\"name\": \"X\", \"initial\": 3}]";
    private static final String BIRTH_DEATH = "[{\"name\": \"in\", \"equation\": \"0 -> X\", \"rate\": \"k\"}, {\"name\": \"out\", \"equation\": \"X -> 0\", \"rate\": \"k\"}]";

    @Test
    void readsAndRoundTrips() {
        Preset p = PresetIO.parse(preset(X, BIRTH_DEATH, "{\"detailedBalance\": [\"X\"]}"), "db");
        assertEquals(List.of("X"), p.model().exact().detailedBalance());
        assertTrue(p.model().exact().covers("X") && p.model().exact().isDetailedBalance("X"));
        assertEquals("stationary", p.model().exact().kindAt("X", 3));
        assertEquals(p.model().exact(), PresetIO.parse(PresetIO.toJson(p), "db").model().exact());
    }

    @Test
    void onlyOneStepProcesses() {
        assertMessage("exact.detailedBalance: unknown species 'Y' (the model has X)", X, BIRTH_DEATH, "{\"detailedBalance\": [\"Y\"]}");
        assertMessage("exact.detailedBalance: the model must be a one-step process (every jump ±1), but reaction 'pair' jumps by -2", X,
                "[{\"name\": \"in\", \"equation\": \"0 -> X\", \"rate\": \"k\"}, {\"name\": \"pair\", \"equation\": \"2 X -> 0\", \"rate\": \"k\"}]", "{\"detailedBalance\": [\"X\"]}");
        assertMessage("exact.detailedBalance: the detailed-balance law is for one-step processes of one species; this model has 2",
                "[{\"name\": \"X\"}, {\"name\": \"Y\"}]", "[{\"name\": \"in\", \"equation\": \"0 -> X\", \"rate\": \"k\"}, {\"name\": \"iny\", \"equation\": \"0 -> Y\", \"rate\": \"k\"}]", "{\"detailedBalance\": [\"X\"]}");
        assertMessage("exact.detailedBalance: 'X' also has exact.stationary.X; give one stationary law", X, BIRTH_DEATH, "{\"detailedBalance\": [\"X\"], \"stationary\": {\"X\": \"1\"}}");
        assertMessage("exact.detailedBalance: expected an array of species names, e.g. [\"X\"]", X, BIRTH_DEATH, "{\"detailedBalance\": \"X\"}");
    }

    private static void assertMessage(String expected, String species, String reactions, String exact) {
        ModelException e = assertThrows(ModelException.class, () -> PresetIO.parse(preset(species, reactions, exact), "db"));
        assertEquals(expected, e.getMessage());
    }
}
