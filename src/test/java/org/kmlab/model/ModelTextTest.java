package org.kmlab.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models typed as reaction text: what the board says, the lines a mistake is on, nothing thrown. */
class ModelTextTest {
    private static final String BOARD = """
            # birth–death
            k1 = 10; k2 = 1; Omega = 20; X = 0
            birth: 0 -> X      @ k1            # mass action (the Omega convention of DESIGN.md)
            death: X -> 0      @ k2
            """;

    @Test void whatIsOnTheBoardIsTheModelOfThePreset() {
        Model typed = ModelText.parse(BOARD, "typed").model();
        Model preset = TestPresets.model("birth-death").with("Omega", 20);
        assertEquals(1, typed.speciesCount());
        assertEquals(20, typed.size());
        Propensities a = typed.propensities(), b = preset.propensities();
        double[] ea = a.newEnvironment(), eb = b.newEnvironment();
        for (int n = 0; n < 500; n += 7) {
            ea[0] = eb[0] = n;
            for (int r = 0; r < 2; r++) assertEquals(b.propensity(r, eb), a.propensity(r, ea), 0.0, "reaction " + r + " at n = " + n);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"birth-death", "ornstein-uhlenbeck", "predator-prey", "a-b-decay", "gene-expression", "logistic", "annihilation"})
    void everyPresetWritesAsTextAndReadsBackAsItself(String id) {
        Model m = TestPresets.model(id);
        String text = ModelText.write(m);
        ModelText.Result back = ModelText.read(text, id);
        assertTrue(back.ok(), back.problems() + "\n" + text);
        assertEquals(m, back.preset().model(), text);
    }

    @Test void eachMistakeIsNamedOnItsLineWithTheNearestName() {
        String text = """
                k1 = 10; k2 = 1
                0 -> X @ k1
                X -> 0 @ k2
                X -> 0 @ prop: k2*Z
                Y + 2 -> @ k3x
                """;
        ModelText.Result r = ModelText.read(text, "m");
        assertNull(r.preset());
        assertTrue(r.problems().contains(new ModelText.Problem(4, "unknown species 'Z' in the propensity; did you mean 'X'?")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == 5), "the broken fifth line is named too: " + r.problems());
        ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class, () -> ModelText.parse("k = 1\n0 -> X @ kk", "m"));
        assertEquals("line 2: unknown name 'kk' in the rate; did you mean 'k'?", e.getMessage());
        ModelText.Result negative = ModelText.read("k = -1\ndeath: X -> 0 @ k\nX = 3", "m");
        assertEquals(1, negative.problems().size());
        assertEquals(2, negative.problems().get(0).line(), "a negative rate is the reaction's line: " + negative.problems());
        ModelText.Result rateOfCounts = ModelText.read("k = 1\nX -> 0 @ k*X", "m");
        assertTrue(rateOfCounts.problems().get(0).message().contains("@ prop: k*X"), rateOfCounts.problems().toString());
    }

    @Test void aSignedWalkerAndFileFormatsAreChosenByNameAndContent() {
        String walk = """
                title: Random walk
                D = 1; Omega = 10
                signed: W
                right: 0 -> W @ prop: D/(2*h^2)
                left: W -> 0 @ prop: D/(2*h^2)
                W = -3
                """;
        Model m = ModelText.parse(walk, "walk").model();
        assertTrue(m.species().get(0).signed());
        assertEquals(-3, m.initialCounts()[0]);
        assertEquals("Random walk", m.name());
        assertEquals("reaction text", ModelSources.sourceFor("walk.kmlab", walk).name());
        assertEquals("reaction text", ModelSources.sourceFor("notes", walk).name(), "recognised by content");
    }

    /** Random and mutated text: nothing escapes, every refusal names a line of the text. */
    @Test void fuzzedTextNeverThrowsAndEveryProblemHasALine() {
        SplittableRandom rng = new SplittableRandom(42);
        String alphabet = "abkXYZ0123456789 .;=+-*/^()[]@:#->→\n\tprop:signed:title:Omega h max(";
        List<String> seeds = List.of(BOARD, ModelText.write(TestPresets.model("predator-prey")), ModelText.write(TestPresets.model("ornstein-uhlenbeck")));
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(seeds.get(i % seeds.size()));
            int edits = 1 + rng.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int at = text.length() == 0 ? 0 : rng.nextInt(text.length());
                switch (rng.nextInt(3)) {
                    case 0 -> text.insert(at, alphabet.charAt(rng.nextInt(alphabet.length())));
                    case 1 -> { if (text.length() > 0) text.deleteCharAt(at); }
                    default -> { if (text.length() > 0) text.setCharAt(at, alphabet.charAt(rng.nextInt(alphabet.length()))); }
                }
            }
            if (i % 5 == 0) {   // pure noise too
                text.setLength(0);
                for (int c = rng.nextInt(200); c > 0; c--) text.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            String t = text.toString();
            ModelText.Result r = ModelText.read(t, "fuzz");
            int lines = t.split("\\R", -1).length;
            assertTrue(r.ok() != !r.problems().isEmpty(), "a model or problems, not both: " + t);
            for (ModelText.Problem p : r.problems()) {
                assertTrue(p.line() >= 1 && p.line() <= lines, "problem on a line of the text: " + p + " in\n" + t);
                assertFalse(p.message().isBlank());
            }
        }
    }
}
