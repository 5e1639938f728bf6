package org.kmlab.solve.cme;

/**
 * The master-equation generator Q restricted to a window (a {@link Lattice}), stored as a band
 * matrix in the window's state order: {@code Q[i][j]} (j ≠ i) is the rate from state j to state i,
 * {@code Q[i][i] = −exit(i)}, per unit time. A jump that would leave the window goes to the sink
 * of the finite state projection (Munsky & Khammash 2006): its rate is in {@code exit} but in no
 * column entry, and {@link #leak(int)} holds it. So the columns of Q sum to −leak ≤ 0, and
 * {@code 1ᵀQ p = −leakᵀp} is the rate at which probability leaves.
 *
 * <p>Band layout (row-major, {@code kl} diagonals below and {@code ku} above):
 * {@code Q[i][j]} is at {@code band[i·width + j − i + kl]}, width = kl + ku + 1. In 1-D the
 * bands are the jump sizes; in 2-D a jump between rows spans about a row's length.
 */
final class BandOperator {
    final int n, kl, ku, width;
    final double[] band;
    /** Rate (per unit time) at which each state sends probability out of the window. */
    final double[] leak;
    private final double maxExit;

    private BandOperator(int n, int kl, int ku, double[] band, double[] leak, double maxExit) {
        this.n = n;
        this.kl = kl;
        this.ku = ku;
        this.width = kl + ku + 1;
        this.band = band;
        this.leak = leak;
        this.maxExit = maxExit;
    }

    /** Evaluates every propensity on every state of the window. */
    static BandOperator build(Rates rates, Lattice window) {
        int n = window.states(), dim = window.dimension(), reactions = rates.count();
        long[] state = new long[dim], target = new long[dim];
        // first pass: how far a jump moves in index, to size the band
        int kl = 0, ku = 0;
        for (int i = 0; i < n; i++) {
            window.countsAt(i, state);
            for (int k = 0; k < reactions; k++) {
                for (int s = 0; s < dim; s++) target[s] = state[s] + rates.jump(k, s);
                int t = window.index(target);
                if (t < 0) continue;
                if (t > i) kl = Math.max(kl, t - i);
                else ku = Math.max(ku, i - t);
            }
        }
        int width = kl + ku + 1;
        if ((long) n * width > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("band too large: " + n + " × " + width);
        double[] band = new double[n * width], leak = new double[n];
        double maxExit = 0;
        for (int i = 0; i < n; i++) {
            window.countsAt(i, state);
            double exit = 0;
            for (int k = 0; k < reactions; k++) {
                double a = rates.at(k, state);
                if (a == 0) continue;
                exit += a;
                for (int s = 0; s < dim; s++) target[s] = state[s] + rates.jump(k, s);
                int t = window.index(target);
                if (t < 0) leak[i] += a;
                else band[t * width + i - t + kl] += a;
            }
            band[i * width + kl] = -exit;
            maxExit = Math.max(maxExit, exit);
        }
        return new BandOperator(n, kl, ku, band, leak, maxExit);
    }

    /** The largest total exit rate of a state: the uniformization rate Λ of this window. */
    double maxExit() { return maxExit; }

    /**
     * The largest exit rate among the states where v is at least ε times its largest value: the
     * stiffness the rounding of a step can excite ({@link RadauStep#noise}). A state with nothing
     * to speak of adds nothing: on a window that spans a steep wall (exits of 10²³ per unit time
     * where the probability is below 10⁻²⁰) the rounding of a step stays at the level of a
     * gentle window's, 0.6–3.2·{@code ROUNDING_GAIN}·ε at h·Λ up to 10²⁶ (measured on the
     * double well at Ω = 5 and 20 held at its stationary law).
     */
    double occupiedMaxExit(double[] v) {
        double top = 0;
        for (int i = 0; i < n; i++) top = Math.max(top, v[i]);
        double cut = Math.ulp(1.0) * top, max = 0;
        for (int i = 0; i < n; i++) if (v[i] >= cut) max = Math.max(max, -band[i * width + kl]);
        return max;
    }

    /** {@code out = scale·Q v}. Allocates nothing. */
    void multiply(double[] v, double[] out, double scale) {
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - kl), to = Math.min(n - 1, i + ku), base = i * width - i + kl;
            double s = 0;
            for (int j = from; j <= to; j++) s += band[base + j] * v[j];
            out[i] = scale * s;
        }
    }

    /** Σ leak(i)·v(i): the rate at which v leaves the window. */
    double leakRate(double[] v) {
        double s = 0;
        for (int i = 0; i < n; i++) s += leak[i] * v[i];
        return s;
    }
}
