package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preset's "observables": read, checked with messages that name the place, written back. */
class ObservableTest {
    private static String preset(String observables) {
        return """
            {"format": "kmlab-preset/1", "name": "two", "species": [{"name": "S_T", "initial": 3}, {"name": "C", "initial": 1}],
             "parameters": [{"name": "k", "value": 1}],
             "reactions": [{"name": "in", "equation": "0 -> S_T", "rate": "k"}, {"name": "bind", "equation": "0 -> C", "rate": "k"}],
             "observables": %s}
            """.formatted(observables);
    }

    @Test
    void readsWeightsAndWritesThemBack() {
        Model m = PresetIO.parse(preset("[{\"name\": \"S\", \"of\": {\"S_T\": 1, \"C\": -1}}, {\"name\": \"twoC\", \"of\": {\"C\": 2}}]"), "two").model();
        assertEquals(List.of("S", "twoC"), m.observables().stream().map(Observable::name).toList());
        assertArrayEquals(new int[] {1, -1}, m.observables().get(0).weights(m));
        assertArrayEquals(new int[] {0, 2}, m.observableWeights()[1]);
        assertEquals(2 - 0.5, Observable.value(new int[] {1, -1}, new double[] {2, 0.5}));
        assertEquals(4 + 1 - 2 * 0.5, Observable.variance(new int[] {1, -1}, new double[][] {{4, 0.5}, {0.5, 1}}), 1e-15);
        Model again = PresetIO.parse(PresetIO.toJson(new Preset("two", m, RunSettings.defaults())), "two").model();
        assertEquals(m.observables(), again.observables());
        assertEquals(m.observables(), m.with("k", 2).with("Omega", 5).with("C0", 0).observables(), "kept through --set");
    }

    @Test
    void badObservablesAreNamed() {
        assertMessage("observables[0].of: unknown species 'Q' (the model has S_T, C)", "[{\"name\": \"S\", \"of\": {\"Q\": 1}}]");
        assertMessage("observables[0].name: 'C' is already used", "[{\"name\": \"C\", \"of\": {\"S_T\": 1}}]");
        assertMessage("observables[1].name: 'S' is already used", "[{\"name\": \"S\", \"of\": {\"S_T\": 1}}, {\"name\": \"S\", \"of\": {\"C\": 1}}]");
        assertMessage("observables[0].name: 'k' is already used", "[{\"name\": \"k\", \"of\": {\"S_T\": 1}}]");
        assertMessage("observables[0].of.C: expected a whole number, got 0.5", "[{\"name\": \"S\", \"of\": {\"C\": 0.5}}]");
        assertMessage("observables[0].of: all coefficients are 0", "[{\"name\": \"S\", \"of\": {\"C\": 0}}]");
        assertMessage("observables[0].of: name at least one species and its coefficient", "[{\"name\": \"S\", \"of\": {}}]");
        assertMessage("observables[0].by: unknown key (allowed: name, of)", "[{\"name\": \"S\", \"by\": {}}]");
        assertMessage("observables[0].of: expected an object", "[{\"name\": \"S\"}]");
    }

    private static void assertMessage(String expected, String observables) {
        ModelException e = assertThrows(ModelException.class, () -> PresetIO.parse(preset(observables), "two"));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void theEnzymePresetDeclaresTheFreeSubstrate() {
        Model m = TestPresets.model("enzyme");
        assertEquals(1, m.observables().size());
        assertEquals(Map.of("S_T", 1, "C", -1), m.observables().get(0).coefficients());
        assertTrue(TestPresets.model("schlogl").observables().isEmpty());
    }
}
