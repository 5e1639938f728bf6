package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.*;

class LanesTest {
    /** Each run calls every lane exactly once, and returns only after all of them are done. */
    @Test
    void everyRunCallsEveryLaneOnceAndWaitsForAll() {
        try (Lanes lanes = Lanes.of(3)) {
            AtomicIntegerArray calls = new AtomicIntegerArray(3);
            int[] done = new int[3];
            for (int run = 1; run <= 2000; run++) {
                lanes.run(lane -> {
                    calls.incrementAndGet(lane);
                    done[lane]++;
                });
                for (int lane = 0; lane < 3; lane++) assertEquals(run, calls.get(lane), "lane " + lane + " after run " + run);
            }
            for (int lane = 0; lane < 3; lane++) assertEquals(2000, done[lane], "lane " + lane + "'s plain writes are seen after run");
        }
    }

    /** A failure on a helper lane reaches the caller, and the team still works afterwards. */
    @Test
    void aHelperLanesFailureIsRethrownToTheCaller() {
        try (Lanes lanes = Lanes.of(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> lanes.run(lane -> {
                if (lane == 1) throw new IllegalStateException("lane 1 failed");
            }));
            assertEquals("lane 1 failed", e.getMessage());
            int[] seen = new int[2];
            lanes.run(lane -> seen[lane]++);
            assertArrayEquals(new int[] {1, 1}, seen);
        }
    }

    @Test
    void oneLaneRunsOnTheCallersThread() {
        try (Lanes lanes = Lanes.of(1)) {
            Thread me = Thread.currentThread();
            lanes.run(lane -> assertSame(me, Thread.currentThread()));
        }
        assertThrows(IllegalArgumentException.class, () -> Lanes.of(0));
    }
}
