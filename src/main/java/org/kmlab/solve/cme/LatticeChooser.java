package org.kmlab.solve.cme;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.model.Propensities;
import org.kmlab.solve.SolverException;

/**
 * Chooses the box of a finite state projection from the model before solving. It integrates the
 * linear-noise equations in x = n/Ω units, {@code dm/dt = A(m)}, {@code dΣ/dt = JΣ + ΣJᵀ + B(m)}
 * (A, B from {@link KramersMoyal}, J = ∂A/∂x by finite differences) over [0, tEnd], and takes
 * the envelope {@code m ± k·√Σ_ss} over time, plus the initial state and a margin of whole
 * states. A count species starts its axis at 0; a signed one gets [lo, hi] from the envelope.
 * The Gaussian envelope understates heavy tails, which is why k is large and why the lost
 * probability is measured and reported by the solver rather than assumed small.
 */
final class LatticeChooser {
    /** Standard deviations above (and, for signed species, below) the mean, per dimension. */
    static final double[] SIGMAS = {10, 8};
    /** Extra states beyond the envelope, per dimension. */
    static final long[] MARGIN = {20, 10};
    /** Largest lattice per dimension. */
    static final long[] MAX_STATES = {100_000, 250_000};

    private LatticeChooser() {}

    /**
     * What to build: the bounding box and, for 2-D mass action, the largest exit rate a kept state
     * may have (+∞ keeps the whole box).
     */
    record Plan(long[] lo, long[] hi, double rateCap) {
        Plan {
            lo = lo.clone();
            hi = hi.clone();
        }

        @Override public long[] lo() { return lo.clone(); }
        @Override public long[] hi() { return hi.clone(); }
    }

    static Lattice choose(Model model, double tEnd) {
        return build(model, plan(model, tEnd));
    }

    /** The first plan, from the linear-noise envelope. */
    static Plan plan(Model model, double tEnd) {
        int dim = model.speciesCount();
        double omega = model.size();
        Envelope envelope = envelope(model, tEnd, SIGMAS[dim - 1]);
        long[] initial = model.initialCounts();
        long[] lo = new long[dim], hi = new long[dim];
        long margin = MARGIN[dim - 1];
        for (int s = 0; s < dim; s++) {
            double up = Math.ceil(envelope.upper[s] * omega), down = Math.floor(envelope.lower[s] * omega);
            if (!(up < 1e9) || !(down > -1e9)) throw tooLarge(dim, "the mean or spread grows past 10⁹ molecules");
            hi[s] = Math.max((long) up, initial[s]) + margin;
            lo[s] = model.species().get(s).signed() ? Math.min((long) down, initial[s]) - margin : 0;
        }
        boolean cut = dim == 2 && MassActionGenerator2D.applies(model);
        return new Plan(lo, hi, cut ? envelope.maxExit : Double.POSITIVE_INFINITY);
    }

    /** The lattice of a plan; SolverException past the state limit. */
    static Lattice build(Model model, Plan plan) {
        long[] lo = plan.lo, hi = plan.hi;
        int dim = lo.length;
        long cap = MAX_STATES[dim - 1];
        double boxStates = 1;
        for (int s = 0; s < dim; s++) boxStates *= hi[s] - lo[s] + 1;
        Lattice lattice;
        if (plan.rateCap < Double.POSITIVE_INFINITY) {
            if (boxStates > 4.0 * cap) throw tooLarge(dim, "its box " + describe(lo, hi) + " has " + (long) boxStates + " states");
            lattice = cutCorner(model, lo, hi, plan.rateCap);
        } else {
            if (boxStates > cap) throw tooLarge(dim, "it needs the box " + describe(lo, hi) + " of " + (long) boxStates + " states");
            lattice = Lattice.box(lo, hi);
        }
        if (lattice.states() > cap) throw tooLarge(dim, "it needs " + lattice.states() + " states in " + lattice);
        return lattice;
    }

    /**
     * A larger plan that stops the leaks measured by {@link LeakSides}: each side (or the cut corner)
     * losing at least a tenth of the worst one moves out by a quarter of the box width (at least 10
     * states); a count's axis never goes below 0. Null when nothing can grow.
     */
    static Plan grown(Model model, Plan plan, double[] leakBySide) {
        int dim = plan.lo.length;
        double worst = 0;
        for (double l : leakBySide) worst = Math.max(worst, l);
        if (!(worst > 0)) return null;
        long[] lo = plan.lo.clone(), hi = plan.hi.clone();
        double rateCap = plan.rateCap;
        boolean changed = false;
        for (int s = 0; s < dim; s++) {
            long step = Math.max(10, (hi[s] - lo[s] + 1) / 4);
            if (leakBySide[2 * s] >= 0.1 * worst && model.species().get(s).signed()) {
                lo[s] -= step;
                changed = true;
            }
            if (leakBySide[2 * s + 1] >= 0.1 * worst) {
                hi[s] += step;
                changed = true;
            }
        }
        if (leakBySide[2 * dim] >= 0.1 * worst && rateCap < Double.POSITIVE_INFINITY) {
            rateCap *= 1.25;
            changed = true;
        }
        return changed ? new Plan(lo, hi, rateCap) : null;
    }

    private static String describe(long[] lo, long[] hi) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < lo.length; s++) b.append(s > 0 ? " × [" : "[").append(lo[s]).append("..").append(hi[s]).append(']');
        return b.toString();
    }

    /**
     * Drops from a 2-D box the states whose total exit rate exceeds the largest one met on the
     * k-σ ellipses: such a corner (many predators and many prey at once) holds no probability to
     * speak of, but its rates would set the uniformization rate Λ and so the cost of every step.
     * Probability that does reach it is counted as lost, like any other leak.
     */
    private static Lattice cutCorner(Model model, long[] lo, long[] hi, double maxExit) {
        Propensities prop = model.propensities();
        double[] env = prop.newEnvironment();
        int rows = (int) (hi[1] - lo[1] + 1), cols = (int) (hi[0] - lo[0] + 1);
        int[] from = new int[rows], to = new int[rows];
        for (int j = 0; j < rows; j++) {
            env[1] = lo[1] + j;
            int first = -1, last = -2;
            for (int i = 0; i < cols; i++) {
                env[0] = lo[0] + i;
                double exit = 0;
                for (int r = 0; r < prop.size(); r++) exit += prop.propensity(r, env);
                if (exit <= maxExit) {
                    if (first < 0) first = i;
                    last = i;
                }
            }
            from[j] = first < 0 ? 0 : first;
            to[j] = first < 0 ? 0 : last + 1;
        }
        return Lattice.rows(lo, hi, from, to);
    }

    private static SolverException tooLarge(int dim, String why) {
        return new SolverException("cme: the master equation is too large to solve on a lattice (" + why
                + "); lower Ω, the end time or the rates (" + dim + "-D limit " + MAX_STATES[dim - 1] + " states)");
    }

    /** Over [0, tEnd]: the range of m ∓ k·sd in x units, and the largest total exit rate on the k-σ ellipses (2-D). */
    record Envelope(double[] lower, double[] upper, double maxExit) {}

    static Envelope envelope(Model model, double tEnd, double sigmas) {
        int dim = model.speciesCount();
        boolean[] signed = new boolean[dim];
        for (int s = 0; s < dim; s++) signed[s] = model.species().get(s).signed();
        LinearNoise ode = new LinearNoise(new KramersMoyal(model), signed);
        Propensities prop = model.propensities();
        double[] env = prop.newEnvironment();
        double omega = model.size();
        double[] y = new double[dim + dim * dim];
        double[] x0 = model.initialX();
        System.arraycopy(x0, 0, y, 0, dim);
        double[] lower = x0.clone(), upper = x0.clone();
        double[] maxExit = {exitRate(prop, env)};
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12 * tEnd, tEnd, 1e-10, 1e-8);
        integrator.addStepHandler(new StepHandler() {
            @Override public void init(double t0, double[] y0, double t) {}

            @Override public void handleStep(StepInterpolator step, boolean isLast) {
                double t0 = step.getPreviousTime(), t1 = step.getCurrentTime();
                for (int q = 1; q <= 8; q++) {
                    step.setInterpolatedTime(t0 + (t1 - t0) * q / 8);
                    double[] z = step.getInterpolatedState();
                    for (int s = 0; s < dim; s++) {
                        double sd = Math.sqrt(Math.max(0, z[dim + s * dim + s]));
                        lower[s] = Math.min(lower[s], z[s] - sigmas * sd);
                        upper[s] = Math.max(upper[s], z[s] + sigmas * sd);
                    }
                    if (dim == 2) maxExit[0] = Math.max(maxExit[0], maxExitOnEllipse(z, sigmas, signed, omega, prop, env));
                }
            }
        });
        try {
            integrator.integrate(ode, 0, y, tEnd, y);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {   // blow-up or step size underflow
            return new Envelope(fill(dim, Double.NEGATIVE_INFINITY), fill(dim, Double.POSITIVE_INFINITY), Double.POSITIVE_INFINITY);
        }
        return new Envelope(lower, upper, maxExit[0]);
    }

    private static double exitRate(Propensities prop, double[] env) {
        double exit = 0;
        for (int r = 0; r < prop.size(); r++) exit += Math.max(0, prop.propensity(r, env));
        return exit;
    }

    /** Largest exit rate on the ellipse m + k·L·(cos φ, sin φ), Σ = L·Lᵀ (z = (m, Σ) in x units). */
    private static double maxExitOnEllipse(double[] z, double k, boolean[] signed, double omega, Propensities prop, double[] env) {
        double l11 = Math.sqrt(Math.max(0, z[2])), l21 = l11 > 0 ? z[3] / l11 : 0;
        double l22 = Math.sqrt(Math.max(0, z[5] - l21 * l21));
        double max = 0;
        for (int a = 0; a < 64; a++) {
            double c = Math.cos(2 * Math.PI * a / 64), s = Math.sin(2 * Math.PI * a / 64);
            double x = z[0] + k * l11 * c, y = z[1] + k * (l21 * c + l22 * s);
            env[0] = (signed[0] ? x : Math.max(0, x)) * omega;
            env[1] = (signed[1] ? y : Math.max(0, y)) * omega;
            max = Math.max(max, exitRate(prop, env));
        }
        return max;
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** The LNA right-hand side; state = (m, Σ row-major). */
    private static final class LinearNoise implements FirstOrderDifferentialEquations {
        private final KramersMoyal km;
        private final int dim;
        private final boolean[] signed;
        private final double[] m, a, ap, am;
        private final double[][] jac, b;

        LinearNoise(KramersMoyal km, boolean[] signed) {
            this.km = km;
            this.signed = signed;
            this.dim = signed.length;
            m = new double[dim];
            a = new double[dim];
            ap = new double[dim];
            am = new double[dim];
            jac = new double[dim][dim];
            b = new double[dim][dim];
        }

        @Override public int getDimension() { return dim + dim * dim; }

        @Override public void computeDerivatives(double t, double[] y, double[] dy) {
            System.arraycopy(y, 0, m, 0, dim);
            for (int j = 0; j < dim; j++) {   // J = ∂A/∂x: central difference, one-sided at a count's x ≥ 0 edge
                double h = 1e-6 * Math.max(1e-3, Math.abs(m[j])), mj = m[j];
                m[j] = mj + h;
                km.drift(m, ap);
                double lowEnd = signed[j] || mj - h >= 0 ? mj - h : mj;
                m[j] = lowEnd;
                km.drift(m, am);
                m[j] = mj;
                for (int i = 0; i < dim; i++) jac[i][j] = (ap[i] - am[i]) / (mj + h - lowEnd);
            }
            km.drift(m, a);
            km.diffusion(m, b);
            System.arraycopy(a, 0, dy, 0, dim);
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    double s = b[i][j];
                    for (int k = 0; k < dim; k++) {
                        s += jac[i][k] * y[dim + k * dim + j] + y[dim + i * dim + k] * jac[j][k];
                    }
                    dy[dim + i * dim + j] = s;
                }
            }
        }
    }
}
