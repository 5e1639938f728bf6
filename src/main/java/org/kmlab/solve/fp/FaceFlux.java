package org.kmlab.solve.fp;

/**
 * The face flux of {@code J = A P − ½ ∂(B P)} between a cell (A_L, B_L at its centre) and the next
 * one on its line (A_R, B_R), cell size h:
 * {@code J = ½(A_L P_L + A_R P_R) − (B_R P_R − B_L P_L)/(2h) + δ (P_L − P_R)}, i.e.
 * {@code J = w_L P_L − w_R P_R}. The central part telescopes in the moment sums, so the discrete
 * d⟨x⟩/dt = ⟨A⟩ and d⟨x²⟩/dt = ⟨2xA + B⟩ hold exactly for any A, B (away from walls) — the
 * first two moment equations of the master equation, as the Kramers–Moyal truncation promises.
 * δ ≥ 0 is the least extra diffusion that keeps both weights ≥ 0 (zero while |A|·h ≤ B, the
 * cell Péclet condition; otherwise the flux tends to upwinding, cf. the hybrid scheme of
 * Spalding 1972). Non-negative weights make every implicit step an M-matrix: P stays ≥ 0.
 *
 * <p>Why not Chang & Cooper's (1970) exponentially fitted weights? They are positive and exact at
 * steady state, but add an artificial diffusion ≈ d·Pe²/12 at every Péclet number; with B ~ 1/Ω
 * and A = O(1) that inflates transient variances by percents on practical grids.
 */
final class FaceFlux {
    private FaceFlux() {}

    /**
     * The same weights for the drift and diffusion at two cell centres given with the reciprocal
     * cell size (the 1-D moving grid builds its operator at every stage and multiplies instead of
     * dividing); the 2-D solver's {@link #weights} is unchanged.
     */
    static void weightsPerInverse(double aLeft, double bLeft, double aRight, double bRight, double inverseH, double[] out) {
        double left = 0.5 * aLeft + 0.5 * bLeft * inverseH;
        double right = -0.5 * aRight + 0.5 * bRight * inverseH;
        double extra = extra(left, right);
        out[0] = left + extra;
        out[1] = right + extra;
    }

    /** Writes {w_L, w_R} into {@code out}. */
    static void weights(double aLeft, double bLeft, double aRight, double bRight, double h, double[] out) {
        double left = 0.5 * aLeft + 0.5 * bLeft / h;
        double right = -0.5 * aRight + 0.5 * bRight / h;
        double extra = extra(left, right);
        out[0] = left + extra;
        out[1] = right + extra;
    }

    /**
     * δ = max(0, −left, −right), by comparisons: Math.max's NaN and −0 care made this a third of
     * the 1-D solver's time (a signed zero here adds to a weight as +0 either way: same weights).
     */
    private static double extra(double left, double right) {
        double least = left < right ? left : right;
        return least < 0 ? -least : 0;
    }
}
