package org.kmlab.solve.ensemble;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SplitMixTest {
    @Test
    void streamIsThatOfSplittableRandom() {
        long state = SplitMix.streamState(42, 7);
        SplittableRandom reference = new SplittableRandom(state);
        for (int k = 0; k < 1000; k++) {
            state += SplitMix.GAMMA;
            long out = SplitMix.mix64(state);
            assertEquals(reference.nextLong(), out, "draw " + k);
        }
        SplittableRandom doubles = new SplittableRandom(SplitMix.streamState(42, 7));
        state = SplitMix.streamState(42, 7);
        for (int k = 0; k < 1000; k++) {
            state += SplitMix.GAMMA;
            assertEquals(doubles.nextDouble(), SplitMix.unitClosedOpen(SplitMix.mix64(state)));
        }
    }

    @Test
    void neighbouringTrajectoriesAreNotShiftedCopiesOfOneStream() {
        // Without the outer scramble, trajectory i+1 would start one γ-step after trajectory i.
        long a = SplitMix.streamState(1, 0), b = SplitMix.streamState(1, 1);
        for (int k = -1000; k <= 1000; k++) assertNotEquals(a + k * SplitMix.GAMMA, b);
        assertNotEquals(SplitMix.streamState(1, 0), SplitMix.streamState(2, 0));
    }

    @Test
    void uniformsStayInTheirIntervals() {
        assertEquals(0.0, SplitMix.unitClosedOpen(0L));
        assertTrue(SplitMix.unitClosedOpen(-1L) < 1.0);
        assertTrue(SplitMix.unitOpenClosed(0L) > 0.0);
        assertEquals(1.0, SplitMix.unitOpenClosed(-1L));
    }
}
