package org.kmlab.solve.ensemble;

/**
 * The state of N trajectories between output times, whatever the method: each member's state
 * ({@code state[i·d + s]}, in the method's own units: counts n for the SSA, x = n/Ω for the CLE;
 * {@link #scale()} converts) and its random stream state. Nothing else is kept — the SSA's
 * waiting times are memoryless and the CLE is Markov, so a member stopped at an output time
 * simply goes on — which bounds memory by N·(d + 1) numbers, whatever the number of events.
 *
 * <p>Member i of a run seeded S draws from the stream {@link SplitMix#streamState}(S, i): the one
 * seed derivation of every ensemble method. Each member owns its slots, so workers advancing
 * disjoint members never share data and the result does not depend on which thread ran which.
 */
public final class Ensemble {
    private final int size;
    private final int dimension;
    private final double scale;
    private final double omega;
    /** Members' states, index-major; steppers read and write their members' slots directly. */
    final double[] state;
    /** Members' stream states (see {@link RandomStream#load}). */
    final long[] streams;
    /** Members' first-passage times into the absorbing set (NaN: not absorbed); null when nobody asked. */
    private double[] passage;

    private Ensemble(int size, int dimension, double scale, double omega) {
        this.size = size;
        this.dimension = dimension;
        this.scale = scale;
        this.omega = omega;
        this.state = new double[Math.multiplyExact(size, dimension)];
        this.streams = new long[size];
    }

    /**
     * N copies of {@code initial}, member i's stream derived from (seed, i).
     *
     * @param scale state units per x unit: Ω when the state is a count n, 1 when it is x itself
     * @param omega the system size Ω (the lattice x = n/Ω that histograms align with)
     */
    public static Ensemble start(double[] initial, double scale, double omega, int size, long seed) {
        if (size < 1) throw new IllegalArgumentException("size must be ≥ 1, got " + size);
        if (!(scale > 0) || !(omega > 0)) throw new IllegalArgumentException("scale and omega must be > 0");
        Ensemble e = new Ensemble(size, initial.length, scale, omega);
        for (int i = 0; i < size; i++) {
            System.arraycopy(initial, 0, e.state, i * e.dimension, e.dimension);
            e.streams[i] = SplitMix.streamState(seed, i);
        }
        return e;
    }

    public int size() { return size; }

    public int dimension() { return dimension; }

    /** State units per x unit (x = state/scale). */
    public double scale() { return scale; }

    /** The system size Ω. */
    public double omega() { return omega; }

    /** Member i's state in the method's units, species s. */
    public double state(int i, int s) { return state[i * dimension + s]; }

    /** Copies member i's state into {@code to[0..d)}. */
    public void read(int i, double[] to) { System.arraycopy(state, i * dimension, to, 0, dimension); }

    /** Stores {@code from[0..d)} as member i's state. */
    public void write(int i, double[] from) { System.arraycopy(from, 0, state, i * dimension, dimension); }

    /** Member i's stream state. */
    public long stream(int i) { return streams[i]; }

    public void setStream(int i, long streamState) { streams[i] = streamState; }

    /** Starts recording first-passage times: every member not absorbed yet. */
    public void trackPassage() {
        passage = new double[size];
        java.util.Arrays.fill(passage, Double.NaN);
    }

    public boolean tracksPassage() { return passage != null; }

    /** True when member i entered the absorbing set (it then stays where it entered). */
    public boolean absorbed(int i) { return passage != null && passage[i] == passage[i]; }

    /** Member i entered the absorbing set at time t. */
    public void absorb(int i, double t) { passage[i] = t; }

    /** Member i's first-passage time, NaN when not absorbed. */
    public double passageTime(int i) { return passage == null ? Double.NaN : passage[i]; }
}
