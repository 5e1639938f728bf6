package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole chain a user's model can take, on random networks typed as reaction text: editor text
 * → preset JSON ({@link PresetIO}) → SBML Level 3 ({@link SbmlExport}) → model ({@link SbmlSource},
 * the importer a user's file goes through). The JSON step must give back the very same model
 * (save as preset is exact); the SBML step the same species, Ω, jumps and propensities at random
 * states to 1e-12 relative. The networks mix mass action (stoichiometry up to 2 on either side,
 * so the falling factorials and Ω powers show) with propensity formulas using every function the
 * text offers (step too, which SBML gets as a piecewise), parameters with all their digits, Ω ≠ 1 and 1 to 4 species.
 */
class TextPresetSbmlRoundTripTest {
    private static final String[] SPECIES = {"A", "B", "C", "D"};
    /** Networks tried (each through JSBML, which is slow to read: ~0.2 s a model here). */
    private static final int MODELS = 60;

    @Test
    void randomTypedNetworksKeepTheirPropensitiesThroughPresetAndSbml() {
        SplittableRandom rng = new SplittableRandom(2026);
        int compared = 0;
        for (int model = 0; model < MODELS; model++) {
            String text = randomText(rng, model);
            Preset typed = ModelText.parse(text, "typed");
            Preset json = PresetIO.parse(PresetIO.toJson(typed), "typed");
            assertEquals(typed.model(), json.model(), "preset JSON is exact:\n" + text);

            Model original = json.model();
            Model back = new SbmlSource().read(SbmlExport.write(original), "typed").model();
            assertEquals(original.speciesCount(), back.speciesCount(), text);
            for (int s = 0; s < original.speciesCount(); s++) assertEquals(original.species().get(s), back.species().get(s), text);
            assertEquals(original.size(), back.size(), text);
            assertEquals(original.reactionCount(), back.reactionCount(), text);
            for (int r = 0; r < original.reactionCount(); r++) assertArrayEquals(original.jump(r), back.jump(r), text);

            Propensities a = original.propensities(), b = back.propensities();
            double[] ea = a.newEnvironment(), eb = b.newEnvironment();
            for (int k = 0; k < 25; k++) {
                for (int s = 0; s < original.speciesCount(); s++) {
                    double n = k == 0 ? original.species().get(s).initial() : rng.nextInt(k < 3 ? 3 : 200);   // small counts: the ends of factorials
                    ea[s] = n;
                    eb[s] = n;
                }
                for (int r = 0; r < a.size(); r++) {
                    double x = a.propensity(r, ea), y = b.propensity(r, eb);
                    assertTrue(Double.isFinite(x), "a finite propensity by construction: " + x + " in\n" + text);
                    assertEquals(x, y, 1e-12 * Math.max(Math.abs(x), Double.MIN_NORMAL), "reaction " + r + " at state " + k + " of\n" + text);
                    compared++;
                }
            }
        }
        assertTrue(compared > MODELS * 25 * 2, "compared " + compared);
    }

    /** A random network as one would type it: parameters, Ω, initial counts, then the reactions. */
    private static String randomText(SplittableRandom rng, int seed) {
        int species = 1 + seed % SPECIES.length;
        int parameters = 1 + rng.nextInt(4);
        StringBuilder sb = new StringBuilder("# random network " + seed + "\n");
        List<String> assignments = new ArrayList<>();
        for (int p = 0; p < parameters; p++) assignments.add("k" + p + " = " + Names.format(0.01 + 10 * rng.nextDouble()));
        assignments.add("Omega = " + Names.format(rng.nextBoolean() ? 1 + rng.nextInt(50) : 0.5 + 100 * rng.nextDouble()));
        for (int s = 0; s < species; s++) assignments.add(SPECIES[s] + " = " + rng.nextInt(30));
        sb.append(String.join("; ", assignments)).append('\n');
        int reactions = 1 + rng.nextInt(6);
        for (int r = 0; r < reactions; r++) {
            String left = side(rng, species), right = side(rng, species);
            if (left.equals(right)) right = right.equals("0") ? SPECIES[0] : "0";   // a reaction must move something
            String k = "k" + rng.nextInt(parameters);
            String law = rng.nextInt(3) == 0 ? "prop: " + formula(rng, species, parameters, 3) : k;
            sb.append("r").append(r).append(": ").append(left).append(" -> ").append(right).append(" @ ").append(law).append('\n');
        }
        return sb.toString();
    }

    /** One side: 0, or up to two species with stoichiometry 1 or 2. */
    private static String side(SplittableRandom rng, int species) {
        int terms = rng.nextInt(3);
        if (terms == 0) return "0";
        List<String> parts = new ArrayList<>();
        int first = rng.nextInt(species);
        for (int t = 0; t < terms && first + t < species; t++) {
            int nu = 1 + rng.nextInt(2);
            parts.add((nu == 1 ? "" : nu + "") + SPECIES[first + t]);
        }
        return String.join(" + ", parts);
    }

    /** A formula that is finite and ≥ 0 at every count ≥ 0 (so a propensity), depth-limited. */
    private static String formula(SplittableRandom rng, int species, int parameters, int depth) {
        if (depth == 0 || rng.nextInt(4) == 0) {
            return switch (rng.nextInt(4)) {
                case 0 -> SPECIES[rng.nextInt(species)];
                case 1 -> "k" + rng.nextInt(parameters);
                case 2 -> "Omega";
                default -> Names.format(0.25 + rng.nextInt(12) / 4.0);
            };
        }
        String a = formula(rng, species, parameters, depth - 1), b = formula(rng, species, parameters, depth - 1);
        return switch (rng.nextInt(10)) {
            case 0 -> "(" + a + " + " + b + ")";
            case 1 -> a + "*" + b;
            case 2 -> a + "/(1 + " + b + ")";
            case 3 -> "(" + a + ")^2";
            case 4 -> "max(0, " + a + " - " + b + ")";
            case 5 -> "min(" + a + ", " + b + ")";
            case 6 -> "exp(-" + a + "/(1 + " + b + "))";
            case 7 -> "sqrt(" + a + ")";
            case 8 -> "step(" + a + " - " + b + ")";
            default -> "abs(" + a + " - " + b + ")";
        };
    }
}
