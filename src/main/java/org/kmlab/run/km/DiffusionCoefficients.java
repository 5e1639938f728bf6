package org.kmlab.run.km;

import java.util.ArrayList;
import java.util.List;

/**
 * A drift A(x) and diffusion B(x) known at points (estimates), as functions: straight lines between
 * the points and constant beyond the first and last (the data say nothing there; a constant keeps
 * a restoring drift restoring without letting it grow). Points without an estimate, or with B ≤ 0
 * (a diffusion cannot be negative; a bin where it comes out so has too few data), are left out.
 */
public final class DiffusionCoefficients {
    private final double[] x, a, b;

    private DiffusionCoefficients(double[] x, double[] a, double[] b) {
        this.x = x;
        this.a = a;
        this.b = b;
    }

    /**
     * From estimated moments: A = M₁, B = M₂ at the points that have both.
     *
     * @throws SeriesException fewer than 3 usable points
     */
    public static DiffusionCoefficients of(MomentEstimates m) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            if (!m.has(1, i) || !m.has(2, i) || !(m.moment(2, i) > 0)) continue;
            if (!kept.isEmpty() && !(m.x(i) > kept.get(kept.size() - 1)[0])) continue;
            kept.add(new double[] {m.x(i), m.moment(1, i), m.moment(2, i)});
        }
        if (kept.size() < 3) throw new SeriesException("too few estimates of A and B (" + kept.size() + " points) to build a Fokker–Planck model");
        double[] x = new double[kept.size()], a = new double[x.length], b = new double[x.length];
        for (int i = 0; i < x.length; i++) { x[i] = kept.get(i)[0]; a[i] = kept.get(i)[1]; b[i] = kept.get(i)[2]; }
        return new DiffusionCoefficients(x, a, b);
    }

    /** Directly from tables (for tests and the model builder). */
    public static DiffusionCoefficients of(double[] x, double[] a, double[] b) {
        for (int i = 1; i < x.length; i++) if (!(x[i] > x[i - 1])) throw new IllegalArgumentException("x must increase");
        for (double v : b) if (!(v > 0)) throw new IllegalArgumentException("B must be > 0");
        if (x.length < 2 || a.length != x.length || b.length != x.length) throw new IllegalArgumentException("need at least 2 points, one A and B each");
        return new DiffusionCoefficients(x.clone(), a.clone(), b.clone());
    }

    public int size() { return x.length; }

    public double x(int i) { return x[i]; }

    public double a(int i) { return a[i]; }

    public double b(int i) { return b[i]; }

    public double first() { return x[0]; }

    public double last() { return x[x.length - 1]; }

    public double drift(double at) { return interpolate(a, at); }

    public double diffusion(double at) { return interpolate(b, at); }

    private double interpolate(double[] y, double at) {
        if (at <= x[0]) return y[0];
        int n = x.length;
        if (at >= x[n - 1]) return y[n - 1];
        int lo = 0, hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= at) lo = mid; else hi = mid;
        }
        double f = (at - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + f * (y[hi] - y[lo]);
    }
}
