package org.kmlab.solve.cle;

import java.util.SplittableRandom;

/**
 * The N paths of a CLE run at the current output time: state {@code x[i·d + s]} (x units) and each
 * path's own random stream. Each path owns its slots, so workers advancing disjoint paths never
 * share data.
 *
 * <p>Path i of a run seeded S draws from a {@link SplittableRandom} (SplitMix64; Steele, Lea &amp;
 * Flood, OOPSLA 2014) started at {@code mix64(mix64(S) + (i+1)·γ)}, so the N streams begin at
 * scrambled, effectively independent points of the cycle and a path's numbers do not depend on
 * which thread runs it. Normal deviates come from its {@code nextGaussian()} (the JDK's modified
 * ziggurat, McFarland 2016).
 */
final class PathEnsemble {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    final int size;
    final int species;
    final double[] x;
    final SplittableRandom[] streams;

    PathEnsemble(double[] initial, int size, long seed) {
        this.size = size;
        this.species = initial.length;
        this.x = new double[size * species];
        this.streams = new SplittableRandom[size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(initial, 0, x, i * species, species);
            streams[i] = new SplittableRandom(streamSeed(seed, i));
        }
    }

    /** The seed of path {@code index}'s stream in a run seeded with {@code seed}. */
    static long streamSeed(long seed, long index) {
        return mix64(mix64(seed) + (index + 1) * GAMMA);
    }

    /** Stafford's "variant 13" finaliser, as in SplittableRandom. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
