package org.kmlab.solve.cme;

import org.kmlab.model.Model;

/**
 * The master-equation generator Q restricted to a {@link Lattice}, uniformized: it applies
 * {@code P ↦ (I + Q/Λ) P} with Λ the largest exit rate in the box, so the matrix is non-negative
 * and every step keeps P ≥ 0. Transitions that would leave the box go to an absorbing sink
 * (finite state projection, Munsky & Khammash 2006): {@link #step} returns the probability they
 * carry away, so the sink is tracked independently of the mass left in the box. An instance may
 * hold scratch rows: one per run, not shared between threads.
 */
interface Generator {
    int states();

    /** Λ, the uniformization rate: the largest total exit rate of a state in the box (per unit time). */
    double lambda();

    /**
     * {@code w = (I + Q/Λ) v} on the box, then {@code acc += weight·w} unless weight is 0; returns
     * the probability sent to the sink in this step, {@code Σ_n out(n) v(n) / Λ}. Allocates nothing.
     */
    double step(double[] v, double[] w, double[] acc, double weight);

    /** The fastest generator for the model: separable mass action in 2-D, stored propensities otherwise. */
    static Generator of(Model model, Lattice box) {
        if (box.dimension() == 2 && MassActionGenerator2D.applies(model)) return MassActionGenerator2D.build(model, box);
        return StoredGenerator.build(model, box);
    }
}
