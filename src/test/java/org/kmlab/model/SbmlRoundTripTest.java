package org.kmlab.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in preset, written as SBML and read back, has the same species, jumps, Ω,
 * parameters and propensities (at its initial state and at random states, to 1e-12 relative).
 * The propensities are compared as numbers: the exported file has them as whole kinetic laws, the
 * preset mostly as mass-action rates, so equal numbers mean the Ω convention was written out right.
 */
class SbmlRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"birth-death", "ornstein-uhlenbeck", "gene-expression", "logistic", "annihilation", "pair-births", "a-b-decay", "predator-prey",
            "double-well", "ehrenfest", "enzyme", "enzyme-reduced", "noise-induced-drift", "random-walk", "schlogl", "skewed-kicks"})
    void presetThroughSbmlHasTheSamePropensities(String id) {
        Model original = TestPresets.model(id).with(Environment.OMEGA, 7);   // Ω ≠ 1 so its powers show
        String xml = SbmlExport.write(original);
        assertTrue(xml.contains("level=\"3\"") && xml.contains("version=\"2\""), xml.substring(0, 300));
        Model back = new SbmlSource().read(xml, id).model();

        assertEquals(original.speciesCount(), back.speciesCount());
        for (int s = 0; s < original.speciesCount(); s++) assertEquals(original.species().get(s), back.species().get(s));
        assertEquals(original.size(), back.size());
        assertEquals(original.reactionCount(), back.reactionCount());
        assertEquals(original.observables(), back.observables(), "observables come back as rule species");
        for (Parameter p : original.parameters()) assertEquals(p.value(), back.parameter(p.name()), p.name());
        for (int r = 0; r < original.reactionCount(); r++) {
            assertArrayEquals(original.jump(r), back.jump(r), "jump of " + original.reactions().get(r).name());
            assertEquals(original.reactions().get(r).name(), back.reactions().get(r).name());
        }

        Propensities a = original.propensities(), b = back.propensities();
        double[] ea = a.newEnvironment(), eb = b.newEnvironment();
        SplittableRandom random = new SplittableRandom(13);
        int compared = 0;
        for (int k = 0; k < 20; k++) {
            for (int s = 0; s < original.speciesCount(); s++) {
                double n = k == 0 ? original.species().get(s).initial()
                        : random.nextInt(original.species().get(s).signed() ? -30 : 0, 60);
                ea[s] = n;
                eb[s] = n;
            }
            for (int r = 0; r < a.size(); r++) {
                double x = a.propensity(r, ea), y = b.propensity(r, eb);
                if (x != x) continue;
                assertEquals(x, y, 1e-12 * Math.max(1, Math.abs(x)), id + " reaction " + r + " at k = " + k);
                compared++;
            }
        }
        assertTrue(compared >= 20 * original.reactionCount() / 2, "most states compared");
    }
}
