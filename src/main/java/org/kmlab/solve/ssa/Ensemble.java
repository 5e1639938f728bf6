package org.kmlab.solve.ssa;

import org.kmlab.model.Model;

/**
 * The state of N trajectories between output times: counts {@code n} (lattice units, index-major:
 * {@code counts[i·S + s]}) and each trajectory's random stream state. Nothing else is kept —
 * waiting times are memoryless, so a trajectory stopped at an output time simply redraws — which
 * bounds memory by N·S, whatever the number of events.
 */
final class Ensemble {
    final int size;
    final int species;
    final long[] counts;
    final long[] streams;

    private Ensemble(int size, int species) {
        this.size = size;
        this.species = species;
        this.counts = new long[Math.multiplyExact(size, species)];
        this.streams = new long[size];
    }

    /** N copies of the model's initial state, trajectory i's stream derived from (seed, i). */
    static Ensemble start(Model model, int size, long seed) {
        long[] initial = model.initialCounts();
        Ensemble e = new Ensemble(size, initial.length);
        for (int i = 0; i < size; i++) {
            System.arraycopy(initial, 0, e.counts, i * e.species, e.species);
            e.streams[i] = SplitMix.streamState(seed, i);
        }
        return e;
    }

    long count(int trajectory, int s) { return counts[trajectory * species + s]; }
}
