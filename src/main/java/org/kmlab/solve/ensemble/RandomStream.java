package org.kmlab.solve.ensemble;

/**
 * One trajectory's random numbers: a SplitMix64 stream (see {@link SplitMix}) whose state is
 * loaded from and stored back to the {@link Ensemble} around each stretch of simulation
 * ({@link #load}, {@link #save}), plus the variates the ensemble methods need: uniforms, unit
 * exponentials (the SSA's waiting times) and standard normals (the CLE's Wiener increments).
 *
 * <p>Exponentials and normals use the ziggurat of Marsaglia &amp; Tsang ("The ziggurat method for
 * generating random variables", J. Stat. Softw. 5(8), 2000; 256 layers for Exp(1), 128 for
 * N(0,1)), exact in law and about 99% of the time one draw and one multiply, instead of a
 * logarithm. Unlike the original, the layer index (low bits) and the position within the layer
 * (high 53 bits) come from disjoint bits of one 64-bit output, so they are independent (the flaw
 * Doornik pointed out in 2005); the normal's sign takes one more low bit. Not thread-safe: one per
 * worker.
 */
public final class RandomStream {
    /** Exponential ziggurat: right edge of the base layer and the common area of every layer. */
    static final double R = 7.69711747013104972;
    static final double V = 0.0039496598225815571993;
    /**
     * Normal ziggurat (of the half-normal shape e^{−x²/2}): the same two constants, solved to double
     * precision (Marsaglia &amp; Tsang print R = 3.442619855899, whose top layer misses V by 10⁻⁹).
     */
    static final double NORMAL_R = 3.442619855896652;
    static final double NORMAL_V = 9.912563035336461e-3;

    // The tables as static final arrays, not fields of an object: the JIT treats these as constants
    // in the event loop, where a final instance field would be reloaded on every draw.
    private static final Ziggurat EXPONENTIAL = new Ziggurat(256, R, V, false);
    private static final Ziggurat NORMAL = new Ziggurat(128, NORMAL_R, NORMAL_V, true);
    private static final double[] EXP_WIDTH = EXPONENTIAL.width, EXP_FAST = EXPONENTIAL.fast, EXP_F = EXPONENTIAL.f;
    private static final double[] NORMAL_WIDTH = NORMAL.width, NORMAL_FAST = NORMAL.fast, NORMAL_F = NORMAL.f;
    /** Areas of the top layers recomputed from the tables: V up to rounding when R and V agree. */
    static final double TOP_LAYER_AREA = EXPONENTIAL.topLayerArea;
    static final double NORMAL_TOP_LAYER_AREA = NORMAL.topLayerArea;

    private long state;

    /** Starts drawing from a stored stream state (see {@link SplitMix#streamState}). */
    public void load(long streamState) { state = streamState; }

    /** The stream state to store, so the next {@link #load} continues where this left off. */
    public long save() { return state; }

    /** Uniform in [0, 1). */
    public double nextUnit() {
        return SplitMix.unitClosedOpen(SplitMix.mix64(state += SplitMix.GAMMA));
    }

    /** Exponential with mean 1. */
    public double nextExponential() {
        return exponentialAfter(SplitMix.mix64(state += SplitMix.GAMMA));
    }

    /**
     * The exponential that one output {@code bits} gives at once, about 98.9% of the time, or NaN
     * when the ziggurat needs more draws (then {@link #exponentialAfter}). For a loop that keeps
     * the stream state in a local variable, where the JIT holds it in a register: a field updated
     * on every draw costs a store and a reload per draw on the critical path.
     */
    public static double fastExponential(long bits) {
        int i = (int) bits & 255;
        double u = SplitMix.unitClosedOpen(bits);
        return u < EXP_FAST[i] ? u * EXP_WIDTH[i] : Double.NaN;
    }

    /**
     * The exponential whose first output was {@code bits} (drawn from this stream's state before
     * the current one): exactly what {@link #nextExponential} returns when that draw was its first.
     */
    public double exponentialAfter(long bits) {
        while (true) {
            int i = (int) bits & 255;
            double u = SplitMix.unitClosedOpen(bits);
            double x = u * EXP_WIDTH[i];
            if (u < EXP_FAST[i]) return x;
            if (i == 0) return R - Math.log(SplitMix.unitOpenClosed(SplitMix.mix64(state += SplitMix.GAMMA)));
            if (EXP_F[i] + nextUnit() * (EXP_F[i - 1] - EXP_F[i]) < Math.exp(-x)) return x;
            bits = SplitMix.mix64(state += SplitMix.GAMMA);
        }
    }

    /** Standard normal. */
    public double nextGaussian() {
        while (true) {
            long bits = SplitMix.mix64(state += SplitMix.GAMMA);
            int i = (int) bits & 127;
            double sign = (bits & 128) == 0 ? 1.0 : -1.0;
            double u = SplitMix.unitClosedOpen(bits);
            double x = u * NORMAL_WIDTH[i];
            if (u < NORMAL_FAST[i]) return sign * x;
            if (i == 0) return sign * normalTail();
            if (NORMAL_F[i] + nextUnit() * (NORMAL_F[i - 1] - NORMAL_F[i]) < Math.exp(-0.5 * x * x)) return sign * x;
        }
    }

    /** The tail x > R of the half-normal by Marsaglia's method (1964): exact, two logarithms a try. */
    private double normalTail() {
        while (true) {
            double x = -Math.log(SplitMix.unitOpenClosed(SplitMix.mix64(state += SplitMix.GAMMA))) / NORMAL_R;
            double y = -Math.log(SplitMix.unitOpenClosed(SplitMix.mix64(state += SplitMix.GAMMA)));
            if (y + y >= x * x) return NORMAL_R + x;
        }
    }

    /**
     * The tables of a ziggurat for a decreasing density shape f on [0, ∞) with f(0) = 1: layer i
     * covers x in [0, width[i]) between heights f[i] and f[i−1]; below fast[i]·width[i] every point
     * lies under f. Layer 0 is the base rectangle plus the tail beyond R, of the same area V, which
     * is why its pseudo-width is V/f(R).
     */
    private static final class Ziggurat {
        final double[] width, fast, f;
        final double topLayerArea;

        Ziggurat(int layers, double r, double v, boolean normal) {
            width = new double[layers];
            fast = new double[layers];
            f = new double[layers];
            double q = v / shape(r, normal);
            width[0] = q;
            fast[0] = r / q;
            f[0] = 1.0;
            width[layers - 1] = r;
            f[layers - 1] = shape(r, normal);
            double x = r;
            for (int i = layers - 2; i >= 1; i--) {
                double inner = inverse(v / x + shape(x, normal), normal);
                fast[i + 1] = inner / x;
                width[i] = inner;
                f[i] = shape(inner, normal);
                x = inner;
            }
            fast[1] = 0;                              // the top layer has no rectangle under the curve
            topLayerArea = x * (1 - shape(x, normal));
        }

        private static double shape(double x, boolean normal) { return normal ? Math.exp(-0.5 * x * x) : Math.exp(-x); }

        private static double inverse(double y, boolean normal) { return normal ? Math.sqrt(-2 * Math.log(y)) : -Math.log(y); }
    }
}
