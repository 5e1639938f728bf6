package org.kmlab.model;

/**
 * Analytic jump moments and Kramers–Moyal coefficients in x = n/Ω units:
 * {@code M_α(x) = Ω^(−|α|) Σ_r Π_s ν_rs^(α_s) a_r(Ωx)}; the k-th KM coefficient in 1-D is
 * {@code M_k/k!}. The Fokker–Planck drift is {@code A = M_1} and diffusion {@code B = M_2}
 * (in the form ∂P/∂t = −∂(AP) + ½∂²(BP)). Holds a scratch environment: one instance per thread.
 */
public final class KramersMoyal {
    private final Propensities propensities;
    private final double omega;
    private final double[] env;
    private final double[] rates;
    private final int species;

    public KramersMoyal(Model model) {
        this.propensities = model.propensities();
        this.omega = model.size();
        this.env = propensities.newEnvironment();
        this.rates = new double[propensities.size()];
        this.species = model.speciesCount();
    }

    public int dimension() { return species; }

    private void evaluateAt(double[] x) {
        boolean finite = true;
        for (int s = 0; s < species; s++) {
            env[s] = x[s] * omega;
            finite &= Double.isFinite(env[s]);
        }
        for (int r = 0; r < rates.length; r++) {
            double a = propensities.propensity(r, env);
            // A formula that is NaN at a finite state is an error (named, like the SSA's), never a
            // silent zero; a negative value is continuous x leaving a formula's domain: no negative
            // rates. A non-finite state or +∞ is an explosion, which the solvers report themselves.
            if (Double.isNaN(a) && finite) propensities.checked(r, a, env);
            rates[r] = a > 0 ? a : 0.0;
        }
    }

    /** Mixed jump moment M_α at x; {@code orders[s]} is the power of species s. */
    public double moment(int[] orders, double[] x) { return moment(orders, x, false); }

    /**
     * Σ_r Π_s |ν_rs|^(α_s) a_r(Ωx) Ω^(−|α|): the size M_α would have if no jumps cancelled. A
     * moment small against it vanishes by cancellation (M₁ at a fixed point, M₃ of symmetric
     * jumps), not by being small.
     */
    public double absoluteMoment(int[] orders, double[] x) { return moment(orders, x, true); }

    private double moment(int[] orders, double[] x, boolean absolute) {
        evaluateAt(x);
        int total = 0;
        for (int o : orders) total += o;
        double sum = 0;
        for (int r = 0; r < rates.length; r++) {
            double term = rates[r];
            for (int s = 0; s < species; s++) {
                int nu = propensities.jump(r, s);
                if (absolute) nu = Math.abs(nu);
                for (int k = 0; k < orders[s]; k++) term *= nu;
            }
            sum += term;
        }
        return sum * Math.pow(omega, -total);
    }

    /** 1-D: k-th jump moment M_k(x). */
    public double moment(int k, double x) {
        return moment(new int[] {k}, new double[] {x});
    }

    /** 1-D: k-th Kramers–Moyal coefficient M_k(x)/k!. */
    public double coefficient(int k, double x) {
        double f = 1;
        for (int i = 2; i <= k; i++) f *= i;
        return moment(k, x) / f;
    }

    /** 1-D drift A(x) = M_1(x). */
    public double drift(double x) { return moment(1, x); }

    /** 1-D diffusion B(x) = M_2(x). */
    public double diffusion(double x) { return moment(2, x); }

    /** Drift vector A(x), written into {@code out}. Allocation-free. */
    public void drift(double[] x, double[] out) {
        evaluateAt(x);
        for (int s = 0; s < species; s++) out[s] = 0;
        for (int r = 0; r < rates.length; r++) {
            for (int s = 0; s < species; s++) out[s] += propensities.jump(r, s) * rates[r];
        }
        for (int s = 0; s < species; s++) out[s] /= omega;
    }

    /**
     * Drift A(x) and diffusion B(x) together, from one evaluation of the propensities (the CLE's
     * inner loop needs both at every step); equal to {@link #drift(double[], double[])} and
     * {@link #diffusion(double[], double[][])} up to rounding. Allocation-free.
     */
    public void driftAndDiffusion(double[] x, double[] drift, double[][] diffusion) {
        evaluateAt(x);
        for (int i = 0; i < species; i++) {
            drift[i] = 0;
            for (int j = 0; j < species; j++) diffusion[i][j] = 0;
        }
        for (int r = 0; r < rates.length; r++) {
            double a = rates[r];
            for (int i = 0; i < species; i++) {
                int ni = propensities.jump(r, i);
                if (ni == 0) continue;
                drift[i] += ni * a;
                for (int j = 0; j < species; j++) diffusion[i][j] += ni * propensities.jump(r, j) * a;
            }
        }
        double perOmega = 1 / omega, perOmega2 = perOmega * perOmega;   // multiplying is cheaper than dividing
        for (int i = 0; i < species; i++) {
            drift[i] *= perOmega;
            for (int j = 0; j < species; j++) diffusion[i][j] *= perOmega2;
        }
    }

    /** Diffusion matrix B(x) = Σ ν νᵀ a / Ω², written into {@code out}. Allocation-free. */
    public void diffusion(double[] x, double[][] out) {
        evaluateAt(x);
        for (int i = 0; i < species; i++) for (int j = 0; j < species; j++) out[i][j] = 0;
        for (int r = 0; r < rates.length; r++) {
            for (int i = 0; i < species; i++) {
                int ni = propensities.jump(r, i);
                if (ni == 0) continue;
                for (int j = 0; j < species; j++) out[i][j] += ni * propensities.jump(r, j) * rates[r];
            }
        }
        double w = omega * omega;
        for (int i = 0; i < species; i++) for (int j = 0; j < species; j++) out[i][j] /= w;
    }
}
