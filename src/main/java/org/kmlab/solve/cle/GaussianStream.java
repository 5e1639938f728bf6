package org.kmlab.solve.cle;

/**
 * Standard normal deviates from one path's SplitMix64 stream (Steele, Lea &amp; Flood, OOPSLA 2014;
 * the generator of {@link java.util.SplittableRandom}) by the Box–Muller transform (Box &amp; Muller,
 * Ann. Math. Stat. 29 (1958) 610), which yields them in pairs; the second of a pair is kept for
 * the next call. Path i of a run seeded S starts at state {@code mix64(mix64(S) + (i+1)·γ)}, so
 * every path has its own stream whatever thread runs it. A mutable cursor owned by one worker:
 * {@link #start} loads a path's state, {@link #state} gives it back. Allocation-free.
 */
final class GaussianStream {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spare;
    private boolean haveSpare;

    /** The initial state of path {@code index}'s stream in a run seeded with {@code seed}. */
    static long streamState(long seed, long index) {
        return mix64(mix64(seed) + (index + 1) * GAMMA);
    }

    /** Continue a path's stream from {@code s}; any spare deviate of the previous path is dropped. */
    void start(long s) {
        state = s;
        haveSpare = false;
    }

    /** The state to store so the path's stream can be continued later (the spare deviate is not kept). */
    long state() { return state; }

    double next() {
        if (haveSpare) {
            haveSpare = false;
            return spare;
        }
        double u1 = ((nextLong() >>> 11) + 1) * 0x1.0p-53;   // (0, 1]: safe under the logarithm
        double u2 = (nextLong() >>> 11) * 0x1.0p-53;         // [0, 1)
        double r = Math.sqrt(-2 * Math.log(u1)), a = 2 * Math.PI * u2;
        spare = r * Math.sin(a);
        haveSpare = true;
        return r * Math.cos(a);
    }

    private long nextLong() {
        state += GAMMA;
        return mix64(state);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
