package org.kmlab.solve.ensemble;

/**
 * The SplitMix64 generator (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014) written as static functions of a {@code long} state, so the event loop
 * keeps each trajectory's generator in a local variable and allocates nothing. The stream from a
 * state {@code s} is exactly that of {@code new java.util.SplittableRandom(s)}: state += γ, output
 * = mix64(state).
 *
 * <p>The one seed derivation of every ensemble (SSA and CLE alike): trajectory i of a run with
 * seed S starts at {@code mix64(mix64(S) + (i+1)·γ)}: scrambled, so
 * the N streams start at effectively random points of the 2^64 cycle (two streams of L draws
 * overlap with probability about N²L/2^64, below 10^-5 for 10^4 trajectories of 10^6 events).
 */
public final class SplitMix {
    /** The golden-ratio increment γ of SplittableRandom. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix() {}

    /** Stafford's "variant 13" finaliser, as in SplittableRandom. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The initial state of trajectory {@code index}'s stream in a run seeded with {@code seed}. */
    public static long streamState(long seed, long index) {
        return mix64(mix64(seed) + (index + 1) * GAMMA);
    }

    /** Uniform in [0, 1) from an output, as SplittableRandom.nextDouble. */
    public static double unitClosedOpen(long output) {
        return (output >>> 11) * 0x1.0p-53;
    }

    /** Uniform in (0, 1] from an output: safe under a logarithm. */
    public static double unitOpenClosed(long output) {
        return ((output >>> 11) + 1) * 0x1.0p-53;
    }
}
