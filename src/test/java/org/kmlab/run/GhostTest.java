package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.model.RunSettings;
import org.kmlab.solve.Snapshot;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pinned ghost: its label says what differs, it is a copy later writes do not reach, and it maps the time on show to its own. */
class GhostTest {
    private static final Preset BD = PresetIO.read(Path.of("presets/birth-death.json"));

    @Test void theLabelNamesTheGhostsValuesThatDiffer() {
        Model current = BD.model().with("Omega", 40);
        RunSettings s = BD.run();
        assertEquals("ghost: Ω = 10", GhostLabel.between(BD.model().with("Omega", 10), s, current, s));
        assertEquals("ghost: k1 = 2.5, X0 = 7", GhostLabel.between(current.with("k1", 2.5).with("X0", 7), s, current, s));
        assertEquals("ghost: T = 5, N = 100", GhostLabel.between(current, s.withTEnd(5).withTrajectories(100), current, s));
        assertEquals("ghost: same values", GhostLabel.between(current, s, current, s));
        assertEquals("ghost: k1 = 1, k2 = 2, Ω = 3, …",
                GhostLabel.between(current.with("k1", 1).with("k2", 2).with("Omega", 3).with("X0", 4), s, current, s), "at most three, then …");
        Preset other = PresetIO.read(Path.of("presets/logistic.json"));
        assertEquals("ghost: " + other.model().name(), GhostLabel.between(other.model(), s, current, s), "another model: its name");
        assertEquals("ghost: same values", GhostLabel.between(current, s.withSeed(99), current, null), "settings left out when not given");
    }

    @Test void numbersAreShortAndExact() {
        assertEquals("10", GhostLabel.number(10));
        assertEquals("0.25", GhostLabel.number(0.25));
        assertEquals("0.333333", GhostLabel.number(1.0 / 3));
        assertEquals("1E-7", GhostLabel.number(1e-7));
    }

    @Test void aPinnedRecordingIsACopyThatLaterSnapshotsDoNotReach() {
        double[] times = {0, 1, 2, 3, 4, 5};
        Recording live = new Recording(times, List.of(SolverRegistry.builtIn().byId("cme").descriptor()));
        Snapshot a = snapshot(0), b = snapshot(1);
        live.put(0, 0, a);
        live.put(0, 1, b);
        Recording frozen = live.frozenCopy();
        live.put(0, 2, snapshot(2));
        assertSame(b, frozen.get("cme", 1));
        assertNull(frozen.get("cme", 2), "written after the pin");
        assertEquals(1, frozen.highestIndex("cme"));
        assertEquals(2, live.highestIndex("cme"));
    }

    @Test void theGhostShowsItsNearestTimeOrItsLastOneIfItEndedEarlier() {
        double[] times = {0, 1, 2, 3, 4, 5};
        Recording rec = new Recording(times, List.of(SolverRegistry.builtIn().byId("cme").descriptor()));
        for (int k = 0; k <= 3; k++) rec.put(0, k, snapshot(k));   // paused at t = 3
        Ghost g = Ghost.of(BD.model(), BD.run(), rec);
        assertEquals(2, g.indexAt("cme", 2.4));
        assertEquals(3, g.indexAt("cme", 2.6));
        assertEquals(3, g.indexAt("cme", 40), "past its end: its last frame");
        assertEquals(-1, g.indexAt("ssa", 1), "a solver it did not run");
        assertNotNull(g.at("cme", 4.9));
        assertEquals(3.0, g.at("cme", 4.9).time());
        assertEquals(0, g.speciesIndex("X"));
        assertEquals(-1, g.speciesIndex("Y"));
        assertTrue(g.sharesSpecies(BD.model()));
        assertFalse(g.sharesSpecies(PresetIO.read(Path.of("presets/skewed-kicks.json")).model()));
    }

    private static Snapshot snapshot(double t) {
        return new Snapshot(t, new double[] {t}, new double[][] {{1}}, null, null, null, 1);
    }
}
