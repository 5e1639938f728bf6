package org.kmlab.solve.ssa;

/**
 * One trajectory's random numbers: a SplitMix64 stream (see {@link SplitMix}) whose state is
 * loaded from and stored back to the ensemble around each stretch of simulation, plus the two
 * variates the direct method needs. Exponentials use the ziggurat of Marsaglia &amp; Tsang ("The
 * ziggurat method for generating random variables", J. Stat. Softw. 5(8), 2000; 256 layers),
 * exact in law and about 98.9% of the time one draw and one multiply, instead of a logarithm.
 * Unlike the original, the layer index (low 8 bits) and the position within the layer (high 53
 * bits) come from disjoint bits of one 64-bit output, so they are independent. Not thread-safe.
 */
final class RandomStream {
    private static final int LAYERS = 256;
    /** Right edge of the base layer, and the common area of every layer (Marsaglia &amp; Tsang). */
    static final double R = 7.69711747013104972;
    static final double V = 0.0039496598225815571993;
    /** Layer i covers x in [0, WIDTH[i]); below FAST[i]·WIDTH[i] every point lies under e^{−x}. */
    private static final double[] WIDTH = new double[LAYERS];
    private static final double[] FAST = new double[LAYERS];
    /** F[i] = e^{−x_i}; layer i ≥ 1 spans heights [F[i], F[i−1]]. */
    private static final double[] F = new double[LAYERS];
    /** Area of the top layer recomputed from the table: V up to rounding when R and V agree. */
    static final double TOP_LAYER_AREA;

    static {
        double q = V / Math.exp(-R);                  // pseudo-width of the base layer (rectangle + tail)
        WIDTH[0] = q;
        FAST[0] = R / q;
        F[0] = 1.0;
        WIDTH[LAYERS - 1] = R;
        F[LAYERS - 1] = Math.exp(-R);
        double x = R;
        for (int i = LAYERS - 2; i >= 1; i--) {
            double inner = -Math.log(V / x + Math.exp(-x));
            FAST[i + 1] = inner / x;
            WIDTH[i] = inner;
            F[i] = Math.exp(-inner);
            x = inner;
        }
        FAST[1] = 0;                                  // the top layer has no rectangle under the curve
        TOP_LAYER_AREA = x * (1 - Math.exp(-x));
    }

    long state;

    /** Uniform in [0, 1). */
    double nextUnit() {
        return SplitMix.unitClosedOpen(SplitMix.mix64(state += SplitMix.GAMMA));
    }

    /** Exponential with mean 1. */
    double nextExponential() {
        while (true) {
            long z = SplitMix.mix64(state += SplitMix.GAMMA);
            int i = (int) z & (LAYERS - 1);
            double u = SplitMix.unitClosedOpen(z);
            double x = u * WIDTH[i];
            if (u < FAST[i]) return x;
            if (i == 0) return R - Math.log(SplitMix.unitOpenClosed(SplitMix.mix64(state += SplitMix.GAMMA)));
            if (F[i] + nextUnit() * (F[i - 1] - F[i]) < Math.exp(-x)) return x;
        }
    }
}
