package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ModelTest {
    static Preset preset(String id) {
        return PresetIO.read(Path.of("presets", id + ".json"));
    }

    private static Model model(String species, String... reactions) {
        List<Reaction> rs = new java.util.ArrayList<>();
        for (int i = 0; i < reactions.length; i += 2) rs.add(new Reaction("r" + i, reactions[i], reactions[i + 1], null));
        List<Species> sp = new java.util.ArrayList<>();
        for (String s : species.split(",")) sp.add(new Species(s, 5, false));
        return new Model("m", "", sp, List.of(new Parameter("k", 3, 0, 10, "")), new SystemSize(10, 1, 100), rs);
    }

    @Test
    void massActionFollowsTheOmegaConvention() {
        Model m = model("X,Y", "0 -> X", "k", "X -> 0", "k", "X + Y -> 2 Y", "k", "2 X -> 0", "k");
        Propensities a = m.propensities();
        double[] env = a.newEnvironment();
        env[0] = 7; env[1] = 4;
        assertEquals(3 * 10, a.propensity(0, env), 1e-12);            // k·Ω
        assertEquals(3 * 7, a.propensity(1, env), 1e-12);             // k·n
        assertEquals(3 * 7 * 4 / 10.0, a.propensity(2, env), 1e-12);  // k·nX·nY/Ω
        assertEquals(3 * 7 * 6 / 10.0, a.propensity(3, env), 1e-12);  // k·n(n−1)/Ω
        env[0] = 1;
        assertEquals(0, a.propensity(3, env));                         // cannot pair one molecule
        env[0] = 0.5;
        assertEquals(0, a.propensity(3, env));                         // continuous x: clamped, never negative
    }

    @Test
    void jumpVectorsAreProductsMinusReactants() {
        Model m = model("X,Y", "X + Y -> 2 Y", "k", "2 X -> X", "k");
        assertArrayEquals(new int[] {-1, 1}, m.jump(0));
        assertArrayEquals(new int[] {-1, 0}, m.jump(1));
        assertArrayEquals(new int[] {2, 0}, m.reactants(1));
    }

    @Test
    void withChangesOneValueAndValidates() {
        Model m = preset("birth-death").model();
        assertEquals(20, m.with("k1", 20).parameter("k1"));
        assertEquals(50, m.with("Omega", 50).size());
        assertEquals(7, m.with("X0", 7).initialCounts()[0]);
        assertEquals(10, m.parameter("k1"), "the original is unchanged");
        ModelException bad = assertThrows(ModelException.class, () -> m.with("k2", -1));
        assertEquals("reactions[1].rate: must be ≥ 0, got -1 (reaction 'death')", bad.getMessage());
        assertTrue(assertThrows(ModelException.class, () -> m.with("k3", 1)).getMessage().startsWith("unknown parameter 'k3'"));
        assertTrue(assertThrows(ModelException.class, () -> m.with("k1", Double.NaN)).getMessage().contains("NaN"));
        assertTrue(assertThrows(ModelException.class, () -> m.with("Omega", 0)).getMessage().startsWith("omega.value"));
        assertTrue(assertThrows(ModelException.class, () -> m.with("X0", -1)).getMessage().startsWith("species[0].initial"));
        assertTrue(assertThrows(ModelException.class, () -> m.with("X0", 1.5)).getMessage().contains("whole number"));
    }

    @Test
    void describeWritesReactionsForPeople() {
        Model m = preset("birth-death").model();
        assertEquals("birth: ∅ → X  at k1·Ω", m.describe(0));
        assertEquals("death: X → ∅  at k2·X", m.describe(1));
        Model pp = preset("predator-prey").model();
        assertEquals("predation: X + Y → 2 Y  at c·X·Y/Ω", pp.describe(2));
        assertEquals("prey crowding: 2 X → X  at b·X·(X−1)/Ω", pp.describe(1));
        Model ou = preset("ornstein-uhlenbeck").model();
        assertEquals("step right: X → X + 1  at D/(2·h²) + max(0, −θ·X·h)/h", ou.describe(0), "a walker's step as its jump, the formula for people");
        assertEquals("step left: X → X − 1  at D/(2·h²) + max(0, θ·X·h)/h", ou.describe(1));
    }

    @Test
    void invalidModelsAreRejectedWithThePath() {
        assertEquals("reactions[0].equation: unknown species 'Z' in 'Z -> 0'",
                assertThrows(ModelException.class, () -> model("X", "Z -> 0", "k")).getMessage());
        assertTrue(assertThrows(ModelException.class, () -> model("X", "X -> X", "k")).getMessage().contains("changes nothing"));
        assertTrue(assertThrows(ModelException.class, () -> model("X", "X -> 0", "k*X")).getMessage().contains("use 'propensity'"));
        assertTrue(assertThrows(FormulaException.class, () -> model("X", "X -> 0", "k*")).getMessage().startsWith("formula ends too early"));
        assertTrue(assertThrows(ModelException.class, () -> model("X,X", "X -> 0", "k")).getMessage().contains("already used"));
    }
}
