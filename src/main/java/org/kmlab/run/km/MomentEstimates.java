package org.kmlab.run.km;

/**
 * Estimated jump moments M_k(x) = ⟨(X(t+τ) − X(t))^k | X(t) = x⟩/τ for k = 1..{@value #MAX_ORDER} at a
 * set of points, for one time step τ, with a standard error each (x units; M_k in x^k per unit
 * time), and the increments' cumulants per unit time K_k = κ_k/τ, which have the same τ → 0 limit
 * and get there faster ({@link IncrementStatistics}). The Kramers–Moyal coefficients are
 * D_k = M_k/k! ({@link #coefficient}); the Fokker–Planck drift is A = M₁ and diffusion B = M₂. A
 * point with too few data holds NaN. For an extrapolation to τ = 0 the moments and the cumulants
 * are the same numbers. Immutable.
 */
public final class MomentEstimates {
    public static final int MAX_ORDER = 6;

    private final double tau;
    private final double[] x;
    private final double[] samples;
    private final double[][] moment;   // [k − 1][i]
    private final double[][] se;
    private final double[][] cumulant;
    private final double[][] cumulantSe;

    /**
     * @param tau     the time step (0 for an extrapolation to Δt → 0)
     * @param x       the points (bin means or kernel evaluation points)
     * @param samples increments behind each point (the effective number for a kernel estimate)
     * @param moment  {@code moment[k−1][i]} = M_k at x[i]
     * @param se      its standard error
     * @param cumulant   {@code cumulant[k−1][i]} = K_k = κ_k/τ at x[i]
     * @param cumulantSe its standard error
     */
    public MomentEstimates(double tau, double[] x, double[] samples, double[][] moment, double[][] se, double[][] cumulant, double[][] cumulantSe) {
        if (moment.length != MAX_ORDER || se.length != MAX_ORDER) throw new IllegalArgumentException("need orders 1.." + MAX_ORDER);
        this.tau = tau;
        this.x = x.clone();
        this.samples = samples.clone();
        this.moment = deepCopy(moment);
        this.se = deepCopy(se);
        this.cumulant = deepCopy(cumulant);
        this.cumulantSe = deepCopy(cumulantSe);
        for (int k = 0; k < MAX_ORDER; k++) {
            if (moment[k].length != x.length || se[k].length != x.length || cumulant[k].length != x.length || cumulantSe[k].length != x.length) {
                throw new IllegalArgumentException("one value per point");
            }
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    public double tau() { return tau; }

    public int size() { return x.length; }

    public double x(int i) { return x[i]; }

    public double[] xs() { return x.clone(); }

    public double samples(int i) { return samples[i]; }

    /** M_k at point i (k = 1..6). */
    public double moment(int k, int i) { return moment[k - 1][i]; }

    /** The standard error of M_k at point i. */
    public double se(int k, int i) { return se[k - 1][i]; }

    /** K_k = κ_k/τ at point i (k = 1..6): the cumulant of the increment per unit time. */
    public double cumulant(int k, int i) { return cumulant[k - 1][i]; }

    /** The standard error of K_k at point i. */
    public double cumulantSe(int k, int i) { return cumulantSe[k - 1][i]; }

    /** D_k = M_k/k! at point i. */
    public double coefficient(int k, int i) { return moment(k, i) / factorial(k); }

    /** The standard error of D_k at point i. */
    public double coefficientSe(int k, int i) { return se(k, i) / factorial(k); }

    /** True when point i has an estimate of order k. */
    public boolean has(int k, int i) { return Double.isFinite(moment[k - 1][i]) && Double.isFinite(se[k - 1][i]); }

    /** True when point i has a cumulant estimate of order k. */
    public boolean hasCumulant(int k, int i) { return Double.isFinite(cumulant[k - 1][i]) && Double.isFinite(cumulantSe[k - 1][i]); }

    /** Arrays of NaN, [order][point], for estimators to fill. */
    static double[][] blank(int points) {
        double[][] a = new double[MAX_ORDER][points];
        for (double[] row : a) java.util.Arrays.fill(row, Double.NaN);
        return a;
    }

    /** Stores the statistics of point i (from {@link IncrementStatistics#compute}). */
    static void store(IncrementStatistics s, int i, double[][] m, double[][] se, double[][] k, double[][] kse) {
        for (int o = 1; o <= MAX_ORDER; o++) {
            m[o - 1][i] = s.moment[o];
            se[o - 1][i] = s.momentSe[o];
            k[o - 1][i] = s.cumulant[o];
            kse[o - 1][i] = s.cumulantSe[o];
        }
    }

    public static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) f *= i;
        return f;
    }
}
