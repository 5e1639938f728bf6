package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A model built from parts, as an importer makes one, is the model the preset text describes. */
class ModelBuilderTest {
    @Test void predatorPreyFromPartsHasThePresetsPropensitiesEverywhere() {
        Model preset = TestPresets.model("predator-prey");
        Formula c = Formula.name("c");
        Model built = ModelBuilder.named(preset.name()).description(preset.description())
                .species("X", 50).species("Y", 20).omega(100, 5, 1000)
                .parameter("a", 1, 0, 3, "prey birth rate").parameter("b", 0.2, 0, 2, "prey crowding (competition) rate")
                .parameter("c", 1, 0, 3, "predation rate").parameter("d", 1, 0, 3, "predator death rate")
                .massAction("prey birth", Map.of("X", 1), Map.of("X", 2), Formula.parse("a"))
                .massAction("prey crowding", Map.of("X", 2), Map.of("X", 1), Formula.name("b"))
                .massAction("predation", Map.of("X", 1, "Y", 1), Map.of("Y", 2), c)
                .massAction("predator death", Map.of("Y", 1), Map.of(), Formula.name("d"))
                .build();
        Propensities a = preset.propensities(), b = built.propensities();
        double[] ea = a.newEnvironment(), eb = b.newEnvironment();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            ea[0] = eb[0] = rng.nextInt(400);
            ea[1] = eb[1] = rng.nextInt(400);
            for (int r = 0; r < a.size(); r++) assertEquals(a.propensity(r, ea), b.propensity(r, eb), 0.0);
        }
        assertEquals("X + Y -> 2 Y", built.equation(2), "in the model's species order, whatever the map's");
        assertEquals(preset, PresetIO.parse(PresetIO.toJson(new Preset("pp", built, RunSettings.defaults())), "pp").model(), "the built model writes and reads back as itself");
    }

    @Test void aBuiltPropensityTreePrintsAsTextThatParsesBackToTheSameFormula() {
        Formula f = Formula.apply("+", Formula.apply("/", Formula.name("D"), Formula.apply("*", Formula.number(2), Formula.apply("^", Formula.name("h"), Formula.number(2)))),
                Formula.apply("/", Formula.apply("max", Formula.number(0), Formula.apply("neg", Formula.apply("*", Formula.name("theta"), Formula.name("X")))), Formula.name("h")));
        assertEquals("D/(2*h^2) + max(0, -(theta*X))/h", f.text());
        assertEquals(f, Formula.parse(f.text()));
        Environment env = new Environment(java.util.List.of("X"), java.util.List.of("D", "theta"));
        double[] slots = {3, 0.5, 2, 10, 0.1};
        assertEquals(0.5 / (2 * 0.01) + Math.max(0, -(2 * 3)) / 0.1, f.compile(env).eval(slots), 1e-12);
        assertEquals(java.util.Set.of("D", "h", "theta", "X"), f.names());
    }

    @Test void aSpeciesMissingFromTheModelIsNamedAtItsReaction() {
        ModelException e = assertThrows(ModelException.class, () -> ModelBuilder.named("m").species("X", 0).parameter("k", 1)
                .massAction("birth", Map.of(), Map.of("Z", 1), Formula.name("k")).build());
        assertEquals("reactions[0].equation: unknown species 'Z' in '0 -> Z'", e.getMessage());
    }
}
