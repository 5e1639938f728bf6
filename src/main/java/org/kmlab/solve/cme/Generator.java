package org.kmlab.solve.cme;

import org.kmlab.model.Model;

/**
 * The master-equation generator Q restricted to a {@link Lattice}, uniformized: it applies
 * {@code P ↦ (I + Q/Λ) P} with Λ the largest exit rate in the box, so the matrix is non-negative
 * and every step keeps P ≥ 0. Transitions that would leave the box go to an absorbing sink
 * (finite state projection, Munsky & Khammash 2006): a step reports the probability they carry
 * away, so the sink is tracked independently of the mass left in the box.
 *
 * <p>The states are split into blocks (rows of a 2-D lattice, fixed chunks otherwise) that a
 * step computes independently: each block writes only its own states and its own entry of the
 * leak, so threads given disjoint block ranges produce exactly what one thread does.
 */
interface Generator {
    int states();

    /** Λ, the uniformization rate: the largest total exit rate of a state in the box (per unit time). */
    double lambda();

    /** Number of blocks; they cover the states in order. */
    int blocks();

    /** First state of block b; {@code blockStart(blocks()) == states()}. */
    int blockStart(int b);

    /** A kernel with its own scratch rows: one per thread. */
    Kernel newKernel();

    /** Applies the generator to a range of blocks. Allocates nothing. */
    interface Kernel {
        /**
         * On the states of blocks [from, to): {@code w = (I + Q/Λ) v}, then
         * {@code acc[a] += weight[a]·w} for a < accs; {@code leak[b]} = the probability block b
         * sends to the sink, {@code Σ_n out(n) v(n) / Λ} over its states.
         */
        void step(int from, int to, double[] v, double[] w, double[][] acc, double[] weight, int accs, double[] leak);
    }

    /**
     * One whole step on the calling thread: {@code w = (I + Q/Λ) v}, {@code acc += weight·w}
     * unless weight is 0; returns the probability sent to the sink. Allocates: for tests and
     * one-off use, not for the time loop.
     */
    default double step(double[] v, double[] w, double[] acc, double weight) {
        double[] leak = new double[blocks()];
        newKernel().step(0, blocks(), v, w, new double[][] {acc}, new double[] {weight}, weight != 0 ? 1 : 0, leak);
        return sumInOrder(leak);
    }

    /** Σ leak in block order: the same rounding whatever the number of threads. */
    static double sumInOrder(double[] leak) {
        double s = 0;
        for (double l : leak) s += l;
        return s;
    }

    /** The fastest generator for the model: separable mass action in 2-D, stored propensities otherwise. */
    static Generator of(Model model, Lattice box) {
        if (box.dimension() == 2 && MassActionGenerator2D.applies(model)) return MassActionGenerator2D.build(model, box);
        return StoredGenerator.build(model, box);
    }
}
