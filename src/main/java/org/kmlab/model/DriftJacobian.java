package org.kmlab.model;


/**
 * The Jacobian {@code J_ij = ∂A_i/∂x_j} of the Fokker–Planck drift A(x) = Σ_r ν_r a_r(Ωx)/Ω (x =
 * n/Ω units, so J is a rate, per unit time), by fourth-order finite differences of
 * {@link KramersMoyal#drift(double[], double[])}.
 *
 * <p>The step is {@code δ_j = 10⁻³·max(1, |x_j|)}. Inside the domain the central stencil
 * {@code (−A(x+2δ) + 8A(x+δ) − 8A(x−δ) + A(x−2δ))/(12δ)} is used; for a species that is a count
 * (not signed) lying within 2δ of zero, the one-sided stencil
 * {@code (−25A(x) + 48A(x+δ) − 36A(x+2δ) + 16A(x+3δ) − 3A(x+4δ))/(12δ)}, so the kink of the
 * propensities at n = 0 (they are clamped to zero for negative counts) is never straddled. Both
 * stencils are exact for polynomials of degree ≤ 4, hence for every mass-action drift up to
 * fourth order; the rounding error is about 10⁻¹³·|A|/max(1,|x|). A propensity formula with a kink
 * (max, abs) is differentiated across it as if smooth, to O(δ).
 *
 * <p>Holds a {@link KramersMoyal} and scratch arrays: one instance per thread. Allocation-free.
 */
public final class DriftJacobian {
    private static final double RELATIVE_STEP = 1e-3;

    private final KramersMoyal km;
    private final boolean[] signed;
    private final int d;
    private final double[] shifted;
    private final double[][] values;   // A at the 5 stencil points (or 4 for the central one)

    public DriftJacobian(Model model) {
        this.km = new KramersMoyal(model);
        this.d = model.speciesCount();
        this.signed = new boolean[d];
        for (int s = 0; s < d; s++) signed[s] = model.species().get(s).signed();
        this.shifted = new double[d];
        this.values = new double[5][d];
    }

    public int dimension() { return d; }

    /** How far from x_j the stencils of {@link #at} reach along axis j (the one-sided one: 4δ). */
    public static double reach(double xj) { return 4 * RELATIVE_STEP * Math.max(1, Math.abs(xj)); }

    /** Writes J(x) into {@code out} (d×d). */
    public void at(double[] x, double[][] out) {
        for (int j = 0; j < d; j++) {
            double delta = RELATIVE_STEP * Math.max(1, Math.abs(x[j]));
            System.arraycopy(x, 0, shifted, 0, d);
            boolean central = signed[j] || x[j] - 2 * delta >= 0;
            if (central) {
                evaluate(j, x[j] - 2 * delta, values[0]);
                evaluate(j, x[j] - delta, values[1]);
                evaluate(j, x[j] + delta, values[2]);
                evaluate(j, x[j] + 2 * delta, values[3]);
                for (int i = 0; i < d; i++) {
                    out[i][j] = (values[0][i] - 8 * values[1][i] + 8 * values[2][i] - values[3][i]) / (12 * delta);
                }
            } else {
                for (int k = 0; k < 5; k++) evaluate(j, x[j] + k * delta, values[k]);
                for (int i = 0; i < d; i++) {
                    out[i][j] = (-25 * values[0][i] + 48 * values[1][i] - 36 * values[2][i]
                            + 16 * values[3][i] - 3 * values[4][i]) / (12 * delta);
                }
            }
        }
    }

    /** The infinity norm max_i Σ_j |J_ij| of J(x): a bound on the fastest drift rate there. */
    public double norm(double[] x, double[][] scratch) {
        at(x, scratch);
        double max = 0;
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) row += Math.abs(scratch[i][j]);
            max = Math.max(max, row);
        }
        return max;
    }

    private void evaluate(int j, double xj, double[] out) {
        double keep = shifted[j];
        shifted[j] = xj;
        km.drift(shifted, out);
        shifted[j] = keep;
    }
}
