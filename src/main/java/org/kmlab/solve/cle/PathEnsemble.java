package org.kmlab.solve.cle;

/**
 * The N paths of a CLE run at the current output time: state {@code x[i·d + s]} (x units) and the
 * position of each path's random stream. Each path owns its slots, so workers advancing disjoint
 * paths never share data.
 */
final class PathEnsemble {
    final int size;
    final int species;
    final double[] x;
    final long[] stream;

    PathEnsemble(double[] initial, int size, long seed) {
        this.size = size;
        this.species = initial.length;
        this.x = new double[size * species];
        this.stream = new long[size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(initial, 0, x, i * species, species);
            stream[i] = GaussianStream.streamState(seed, i);
        }
    }
}
