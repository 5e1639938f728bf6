package org.kmlab.solve.fp;

/**
 * Scharfetter–Gummel exponential fitting of a 1-D face flux {@code J = c·P − d·∂P} with c, d
 * frozen on the face (Scharfetter & Gummel 1969; Chang & Cooper 1970 for the Fokker–Planck form):
 * {@code J = w(c)·P_left − w(−c)·P_right}. Both weights are ≥ 0, so an implicit step has an
 * M-matrix and keeps P ≥ 0; at small cell Péclet number the flux is the central one (second order),
 * at large |Pe| it is upwind, and the discrete steady state is exact for constant c/d.
 */
final class ExponentialFitting {
    private ExponentialFitting() {}

    /** Bernoulli function z/(e^z − 1), with its limit 1 at z = 0. */
    static double bernoulli(double z) {
        if (Math.abs(z) < 1e-8) return 1 - 0.5 * z;
        return z / Math.expm1(z);
    }

    /**
     * Weight of the left (upstream for c > 0) cell in the face flux; the right cell's weight is
     * {@code leftWeight(−c, d, h)}. {@code d ≥ 0}; at d = 0 the flux is pure upwind.
     */
    static double leftWeight(double c, double d, double h) {
        if (!(d > 1e-300)) return c > 0 ? c : 0.0;
        return d / h * bernoulli(-c * h / d);
    }
}
