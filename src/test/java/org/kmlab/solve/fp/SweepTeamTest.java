package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.*;

class SweepTeamTest {
    @Test
    void everyPartRunsOnceASweepOnOneAndTwoThreads() {
        for (int threads : new int[] {1, 2}) {
            try (SweepTeam team = SweepTeam.of(threads)) {
                for (int run = 0; run < 20_000; run++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(SweepTeam.PARTS);
                    team.run(seen::incrementAndGet);
                    for (int p = 0; p < SweepTeam.PARTS; p++) assertEquals(1, seen.get(p), "part " + p + " of run " + run + " on " + threads);
                }
            }
        }
    }

    /** A sweep's parts are done when run returns: the caller sees what the helper wrote. */
    @Test
    void theCallerSeesEveryPartsWork() {
        try (SweepTeam team = SweepTeam.of(2)) {
            long[] cells = new long[SweepTeam.PARTS * 1000];
            for (int run = 1; run <= 2000; run++) {
                final long value = run;
                team.run(part -> {
                    for (int c = part * 1000; c < (part + 1) * 1000; c++) cells[c] = value;
                });
                for (long c : cells) assertEquals(run, c);
            }
        }
    }

    @Test
    void aFailingPartFailsTheSweepAndTheTeamGoesOn() {
        try (SweepTeam team = SweepTeam.of(2)) {
            for (int bad = 0; bad < SweepTeam.PARTS; bad++) {
                int failing = bad;
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(part -> {
                    if (part == failing) throw new IllegalStateException("part " + part);
                }));
                assertEquals("part " + failing, e.getMessage());
                AtomicIntegerArray seen = new AtomicIntegerArray(SweepTeam.PARTS);
                team.run(seen::incrementAndGet);
                for (int p = 0; p < SweepTeam.PARTS; p++) assertEquals(1, seen.get(p));
            }
        }
    }

    @Test
    void oneThreadRunsThePartsInOrderOnTheCaller() {
        Thread caller = Thread.currentThread();
        StringBuilder order = new StringBuilder();
        try (SweepTeam team = SweepTeam.of(1)) {
            team.run(part -> {
                assertSame(caller, Thread.currentThread());
                order.append(part);
            });
        }
        assertEquals("0123".substring(0, SweepTeam.PARTS), order.toString());
        assertThrows(IllegalArgumentException.class, () -> SweepTeam.of(0));
    }
}
