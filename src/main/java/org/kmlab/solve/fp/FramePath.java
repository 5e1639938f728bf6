package org.kmlab.solve.fp;

import org.kmlab.model.DriftJacobian;
import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.MomentEquations;

/**
 * The mean c(u) and variance Σ(u) of one linear-noise path ({@link LinearNoisePath}, u = time
 * since the plan), sampled with their exact derivatives (the moment equations) and read back by
 * cubic Hermite interpolation: a C¹ curve whose derivative is exactly the derivative of its
 * values, so the moving box's velocity is consistent with its positions, and look-ups allocate
 * nothing (the step loop asks for the box several times per step). Samples are spaced
 * geometrically from the path's own starting time scale, at most 1/20 of the linear relaxation
 * time 1/|J| apart; from the time the path settles at its fixed point, the state is held.
 * One instance per thread (it remembers the last interval looked up). Units: x = n/Ω.
 */
final class FramePath {
    private static final double GROWTH = 1.08, RELAXATION_FRACTION = 0.05, FIRST_FRACTION = 0.05;

    private final double[] u, c, cRate, v, vRate;
    private final int count;
    private int interval;

    private FramePath(double[] u, double[] c, double[] cRate, double[] v, double[] vRate, int count) {
        this.u = u; this.c = c; this.cRate = cRate; this.v = v; this.vRate = vRate; this.count = count;
    }

    static FramePath sample(LinearNoisePath path, MomentEquations equations, DriftJacobian jacobian) {
        double end = Math.min(path.duration(), path.settledAt());
        double[] y = new double[2], rate = new double[2];
        double[][] j = new double[1][1];
        int capacity = 64;
        double[] us = new double[capacity], cs = new double[capacity], cr = new double[capacity], vs = new double[capacity], vr = new double[capacity];
        int n = 0;
        double t = 0, step = Double.NaN;
        while (true) {
            path.state(t, y);
            equations.computeDerivatives(t, y, rate);
            if (t >= end && end < path.duration()) rate[0] = rate[1] = 0;       // held from here on
            if (n == capacity) {
                capacity *= 2;
                us = java.util.Arrays.copyOf(us, capacity); cs = java.util.Arrays.copyOf(cs, capacity); cr = java.util.Arrays.copyOf(cr, capacity);
                vs = java.util.Arrays.copyOf(vs, capacity); vr = java.util.Arrays.copyOf(vr, capacity);
            }
            us[n] = t; cs[n] = y[0]; cr[n] = rate[0]; vs[n] = y[1]; vr[n] = rate[1];
            n++;
            if (t >= end) break;
            jacobian.at(new double[] {Math.max(0, y[0])}, j);
            double relax = j[0][0] != 0 ? RELAXATION_FRACTION / Math.abs(j[0][0]) : Double.POSITIVE_INFINITY;
            if (Double.isNaN(step)) {
                // the start's own time scales: moving one sd, doubling the variance
                double sd = Math.sqrt(Math.max(y[1], 0)), scale = Double.POSITIVE_INFINITY;
                if (rate[0] != 0 && sd > 0) scale = Math.min(scale, sd / Math.abs(rate[0]));
                if (rate[1] != 0 && y[1] > 0) scale = Math.min(scale, y[1] / Math.abs(rate[1]));
                step = Math.min(FIRST_FRACTION * scale, end);
                if (!(step > 0)) step = end;
            } else {
                step *= GROWTH;
            }
            step = Math.min(step, relax);
            t = end - t <= step * 1.5 ? end : t + step;
        }
        return new FramePath(us, cs, cr, vs, vr, n);
    }

    /** A path that stays at mean c and variance v. */
    static FramePath constant(double c, double v) {
        return new FramePath(new double[] {0}, new double[] {c}, new double[1], new double[] {v}, new double[1], 1);
    }

    /** Writes {c, dc/du, Σ, dΣ/du} at u ≥ 0 into {@code out}. */
    void at(double time, double[] out) {
        if (time >= u[count - 1]) {
            out[0] = c[count - 1]; out[1] = cRate[count - 1]; out[2] = v[count - 1]; out[3] = vRate[count - 1];
            if (time > u[count - 1]) { out[1] = 0; out[3] = 0; }
            return;
        }
        int k = interval;
        if (k >= count - 1 || u[k] > time || u[k + 1] <= time) {
            int lo = 0, hi = count - 1;                   // u[lo] ≤ time < u[hi]
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (u[mid] <= time) lo = mid; else hi = mid;
            }
            k = lo;
            interval = k;
        }
        double h = u[k + 1] - u[k], s = (time - u[k]) / h;
        hermite(c[k], cRate[k] * h, c[k + 1], cRate[k + 1] * h, s, h, out, 0);
        hermite(v[k], vRate[k] * h, v[k + 1], vRate[k + 1] * h, s, h, out, 2);
    }

    /** Cubic Hermite value and derivative at s ∈ [0, 1] of an interval of length h, into out[at], out[at + 1]. */
    private static void hermite(double y0, double m0, double y1, double m1, double s, double h, double[] out, int at) {
        double s2 = s * s, s3 = s2 * s;
        out[at] = (2 * s3 - 3 * s2 + 1) * y0 + (s3 - 2 * s2 + s) * m0 + (-2 * s3 + 3 * s2) * y1 + (s3 - s2) * m1;
        out[at + 1] = ((6 * s2 - 6 * s) * y0 + (3 * s2 - 4 * s + 1) * m0 + (-6 * s2 + 6 * s) * y1 + (3 * s2 - 2 * s) * m1) / h;
    }
}
