package org.kmlab.model;

/**
 * Kramers' formula for the mean time a 1-D process takes to escape from a well at x = a over a
 * barrier at x = b (both zeros of the drift: A(a) = A(b) = 0, A′(a) &lt; 0 &lt; A′(b)) into the
 * next well, for the Fokker–Planck equation ∂P/∂t = −∂(AP) + ½∂²(BP) with the model's A and B
 * (x units; B carries the 1/Ω):
 * <pre>τ ≈ 2π/√(|A′(a)|·A′(b)) · √(B(b)/B(a)) · exp(Φ),   Φ = −∫ₐᵇ 2A/B dx</pre>
 * (Laplace's method on the exact mean first-passage time, Gardiner <i>Stochastic Methods</i> §9.2;
 * to the barrier top itself it is half of this). The master equation's exponent is instead
 * {@code Ω∫ₐᵇ ln(W−/W+) dx} (W± the summed rates of the up and down jumps: the one-step
 * detailed-balance law's), of which Φ is the first term in (W+ − W−)/(W+ + W−): Fokker–Planck
 * gets the exponent wrong (Hänggi, Grabert, Talkner &amp; Thomas, Phys. Rev. A 29 (1984) 371).
 * Both exponents are here so the error can be printed. One-step models only for the master
 * equation's exponent; the integrals use Simpson's rule on {@value #INTERVALS} intervals.
 */
public final class KramersTime {
    private static final int INTERVALS = 4000;

    private final Model model;
    private final double a, b;

    /** @param a the well, @param b the barrier (x units); they must be zeros of the drift of the right stability. */
    public KramersTime(Model model, double a, double b) {
        if (model.speciesCount() != 1) throw new ModelException("Kramers' formula is for one species; the model has " + model.speciesCount());
        if (!Double.isFinite(a) || !Double.isFinite(b) || a == b) throw new ModelException("Kramers' formula needs a well and a barrier at two finite places, got " + a + " and " + b);
        this.model = model;
        this.a = a;
        this.b = b;
    }

    /** Φ = −∫ₐᵇ 2A/B dx, the Fokker–Planck exponent. */
    public double fokkerPlanckExponent() {
        KramersMoyal km = new KramersMoyal(model);
        return simpson(x -> -2 * km.drift(x) / km.diffusion(x));
    }

    /** Ω∫ₐᵇ ln(W−/W+) dx, the master equation's exponent (W± at n = Ωx). */
    public double masterEquationExponent() {
        Propensities p = model.propensities();
        double[] env = p.newEnvironment();
        double omega = model.size();
        return omega * simpson(x -> {
            env[0] = omega * x;
            double up = 0, down = 0;
            for (int r = 0; r < p.size(); r++) {
                int jump = p.jump(r, 0);
                if (Math.abs(jump) != 1) throw new ModelException("the master equation's exponent is for one-step processes; reaction '" + model.reactions().get(r).name() + "' jumps by " + jump);
                if (jump > 0) up += p.propensity(r, env);
                else down += p.propensity(r, env);
            }
            return Math.log(down / up);
        });
    }

    /** 2π/√(|A′(a)|·A′(b)) · √(B(b)/B(a)): the prefactor of both times. */
    public double prefactor() {
        KramersMoyal km = new KramersMoyal(model);
        double da = slope(km, a), db = slope(km, b);
        if (!(da < 0 && db > 0)) throw new ModelException(String.format(java.util.Locale.ROOT, "Kramers' formula needs a stable well and an unstable barrier: A′ = %.4g at x = %.4g, %.4g at x = %.4g", da, a, db, b));
        return 2 * Math.PI / Math.sqrt(-da * db) * Math.sqrt(km.diffusion(b) / km.diffusion(a));
    }

    /** The Fokker–Planck mean escape time, Kramers' formula. */
    public double fokkerPlanckTime() { return prefactor() * Math.exp(fokkerPlanckExponent()); }

    /** The same prefactor with the master equation's exponent: the leading behaviour of its switching time. */
    public double masterEquationTime() { return prefactor() * Math.exp(masterEquationExponent()); }

    private static double slope(KramersMoyal km, double x) {
        double d = 1e-5 * Math.max(1, Math.abs(x));
        return (km.drift(x + d) - km.drift(x - d)) / (2 * d);
    }

    private double simpson(java.util.function.DoubleUnaryOperator f) {
        double h = (b - a) / INTERVALS, sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < INTERVALS; i++) sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        return sum * h / 3;
    }
}
