package org.kmlab.model;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the linear noise approximation says the probability goes: the solution of
 * {@link MomentEquations} from a mean m₀ and covariance Σ₀ over {@code [0, duration]}, with dense
 * output (Dormand–Prince 8(5,3) and its 7th-order interpolant; Hairer, Nørsett &amp; Wanner,
 * <i>Solving ODEs I</i>, II.6). Used to size and move the grids of the master-equation and
 * Fokker–Planck solvers and to draw the deterministic path; x = n/Ω units, time from the start
 * of the path.
 *
 * <p>Once the mean stops changing (on three consecutive steps no component moves by more than
 * 10⁻¹² of its size plus the lattice step) at a stable fixed point, the path is held there to the
 * end, with the covariance from the stationary Lyapunov equation {@code JΣ + ΣJᵀ + B = 0} (an
 * explicit integrator only hovers around it at its stability limit): a stable model run to
 * t = 10⁶ costs what it costs to reach its fixed point. A path whose state stops
 * being finite throws {@link Diverges}. Not thread-safe (the interpolants keep state): one path per thread.
 */
public final class LinearNoisePath {
    /** Relative and absolute (in units of the lattice step 1/Ω) tolerance of the default paths. */
    public static final double TOLERANCE = 1e-9;
    /** Right-hand sides a path may take before it is given up ({@link Diverges}). */
    public static final int MAX_EVALUATIONS = 5_000_000;

    private final int d;
    private final double duration;
    private final double[] start;
    private final List<StepInterpolator> steps;
    private final double[] stepEnds;     // current time of each step, increasing
    private final double[] held;         // the state held from heldFrom on
    private final double heldFrom;

    /** The moment equations could not be integrated: the mean or the covariance blows up. */
    public static final class Diverges extends RuntimeException {
        private final double time;

        Diverges(double time, String detail) {
            super("the linear noise approximation diverges near t = " + Names.format(time) + " (" + detail + ")");
            this.time = time;
        }

        /** Roughly when the path stopped being finite. */
        public double time() { return time; }
    }

    private LinearNoisePath(int d, double duration, double[] start, List<StepInterpolator> steps, double[] held, double heldFrom) {
        this.d = d;
        this.duration = duration;
        this.start = start;
        this.steps = steps;
        this.stepEnds = new double[steps.size()];
        for (int i = 0; i < stepEnds.length; i++) stepEnds[i] = steps.get(i).getCurrentTime();
        this.held = held;
        this.heldFrom = heldFrom;
    }

    /** The path from the model's initial state with zero covariance (a sharp start), to {@code duration}. */
    public static LinearNoisePath fromInitialState(Model model, double duration) {
        int d = model.speciesCount();
        return of(model, model.initialX(), new double[d][d], duration, TOLERANCE, () -> {});
    }

    /**
     * The path from mean {@code m0} and covariance {@code cov0} over {@code [0, duration]}.
     *
     * @param tolerance  relative tolerance; the absolute one is this times 1/Ω (means) and 1/Ω² (covariances)
     * @param checkpoint called now and then, e.g. to throw when the caller is cancelled
     */
    public static LinearNoisePath of(Model model, double[] m0, double[][] cov0, double duration, double tolerance, Runnable checkpoint) {
        return of(model, m0, cov0, duration, tolerance, checkpoint, MAX_EVALUATIONS);
    }

    /** {@link #of(Model, double[], double[][], double, double, Runnable)} giving up ({@link Diverges}) after {@code maxEvaluations} right-hand sides. */
    public static LinearNoisePath of(Model model, double[] m0, double[][] cov0, double duration, double tolerance, Runnable checkpoint,
                                     int maxEvaluations) {
        int d = model.speciesCount();
        if (!(duration >= 0) || Double.isInfinite(duration)) throw new IllegalArgumentException("duration must be finite and ≥ 0, got " + duration);
        double[] y = MomentEquations.pack(m0, cov0);
        requireFinite(y, 0);
        if (duration == 0) return new LinearNoisePath(d, 0, y, List.of(), y.clone(), 0);
        MomentEquations equations = new MomentEquations(model, checkpoint);
        double lattice = 1 / model.size();
        double[] absolute = new double[y.length], relative = new double[y.length];
        Arrays.fill(relative, tolerance);
        for (int i = 0; i < y.length; i++) absolute[i] = tolerance * (i < d ? lattice : lattice * lattice);
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-14 * duration, duration, absolute, relative);
        integrator.setMaxEvaluations(maxEvaluations);
        List<StepInterpolator> steps = new ArrayList<>();
        double[] heldFrom = {Double.NaN};
        double[][] heldState = new double[1][];
        double[] scale = new double[y.length];
        for (int i = 0; i < y.length; i++) scale[i] = i < d ? lattice : lattice * lattice;
        integrator.addStepHandler(new StepHandler() {
            private int quiet;
            private double[] previous = y.clone();
            private final FixedPoint fixedPoint = new FixedPoint(model);

            @Override public void init(double t0, double[] y0, double t) {}

            @Override public void handleStep(StepInterpolator step, boolean isLast) {
                steps.add(step.copy());
                double t = step.getCurrentTime();
                double[] state = step.getInterpolatedState();
                boolean still = true;
                for (int i = 0; i < d && still; i++) {
                    still = Math.abs(state[i] - previous[i]) <= 1e-12 * (Math.abs(state[i]) + scale[i]);
                }
                previous = state.clone();
                quiet = still ? quiet + 1 : 0;
                if (quiet >= 3 && !isLast) {
                    double[] stationary = fixedPoint.stationaryState(MomentEquations.meanOf(state, d));
                    if (stationary != null) {
                        heldFrom[0] = t;
                        heldState[0] = stationary;
                        throw new Settled();
                    }
                }
            }
        });
        double[] end = y.clone();
        try {
            integrator.integrate(equations, 0, y, duration, end);
        } catch (Settled settled) {
            end = heldState[0];
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            double t = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).getCurrentTime();
            throw new Diverges(t, e.getMessage());
        }
        requireFinite(end, duration);
        double from = Double.isNaN(heldFrom[0]) ? duration : heldFrom[0];
        return new LinearNoisePath(d, duration, y, steps, end, from);
    }

    /** The stationary covariance at a fixed point of the mean, where it is stable. */
    private static final class FixedPoint {
        private final KramersMoyal km;
        private final DriftJacobian jacobian;
        private final int d;

        FixedPoint(Model model) {
            km = new KramersMoyal(model);
            jacobian = new DriftJacobian(model);
            d = model.speciesCount();
        }

        /**
         * (m, Σ) with Σ solving JΣ + ΣJᵀ + B = 0 (as a d²×d² linear system), or null when there is
         * no positive solution (J not stable: the covariance keeps growing).
         */
        double[] stationaryState(double[] m) {
            double[][] j = new double[d][d], b = new double[d][d];
            jacobian.at(m, j);
            km.diffusion(m, b);
            int n = d * d;
            double[][] lyapunov = new double[n][n];
            double[] rhs = new double[n];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    int row = r * d + c;
                    rhs[row] = -b[r][c];
                    for (int k = 0; k < d; k++) {
                        lyapunov[row][k * d + c] += j[r][k];     // (JΣ)_rc
                        lyapunov[row][r * d + k] += j[c][k];     // (ΣJᵀ)_rc
                    }
                }
            }
            double[] sigma;
            try {
                sigma = new LUDecomposition(new Array2DRowRealMatrix(lyapunov, false))
                        .getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
            } catch (SingularMatrixException e) {
                return null;
            }
            for (int s = 0; s < d; s++) if (!(sigma[s * d + s] >= 0)) return null;
            double[][] cov = new double[d][d];
            for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) cov[r][c] = 0.5 * (sigma[r * d + c] + sigma[c * d + r]);
            if (!stable(j)) return null;
            return MomentEquations.pack(m, cov);
        }

        /** All eigenvalues of J have negative real parts. */
        private boolean stable(double[][] j) {
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(j));
            for (double re : eigen.getRealEigenvalues()) if (!(re < 0)) return false;
            return true;
        }
    }

    /** Thrown by the step handler to stop at a fixed point. */
    private static final class Settled extends RuntimeException {
        Settled() { super(null, null, false, false); }
    }

    private static void requireFinite(double[] y, double t) {
        for (double v : y) if (!Double.isFinite(v)) throw new Diverges(t, "a moment is not finite");
    }

    public int species() { return d; }

    public double duration() { return duration; }

    /** The state (m, Σ row-major, as {@link MomentEquations#pack}) at time t in [0, duration], written into out. */
    public void state(double t, double[] out) {
        if (!(t >= 0 && t <= duration)) throw new IllegalArgumentException("t = " + t + " is outside the path [0, " + duration + "]");
        if (steps.isEmpty() || t == 0) {
            System.arraycopy(t == 0 ? start : held, 0, out, 0, out.length);
            return;
        }
        if (t >= heldFrom) {
            System.arraycopy(held, 0, out, 0, out.length);
            return;
        }
        int i = Arrays.binarySearch(stepEnds, t);
        if (i < 0) i = -i - 1;
        StepInterpolator step = steps.get(Math.min(i, steps.size() - 1));
        step.setInterpolatedTime(t);
        System.arraycopy(step.getInterpolatedState(), 0, out, 0, out.length);
    }

    /** The mean at time t (a new array). */
    public double[] mean(double t) {
        double[] y = new double[d + d * d];
        state(t, y);
        return MomentEquations.meanOf(y, d);
    }

    /** The covariance at time t (a new array). */
    public double[][] covariance(double t) {
        double[] y = new double[d + d * d];
        state(t, y);
        return MomentEquations.covarianceOf(y, d);
    }

    /**
     * {@code [s][0]} the lowest and {@code [s][1]} the highest of {@code m_s ∓ k·√(Σ_ss + floor²)}
     * over the path, sampled at every integration step and 8 points inside it; {@code floor} keeps
     * a sharp start (Σ = 0) from having zero width, e.g. the lattice step 1/Ω.
     */
    public double[][] envelope(double k, double floor) {
        double[][] env = new double[d][2];
        double[] y = start.clone();
        for (int s = 0; s < d; s++) env[s] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        widen(env, start, k, floor);
        double t0 = 0;
        for (StepInterpolator step : steps) {
            double t1 = step.getCurrentTime();
            for (int q = 1; q <= 8; q++) {
                step.setInterpolatedTime(t0 + (t1 - t0) * q / 8);
                System.arraycopy(step.getInterpolatedState(), 0, y, 0, y.length);
                widen(env, y, k, floor);
            }
            t0 = t1;
        }
        widen(env, held, k, floor);
        return env;
    }

    private void widen(double[][] env, double[] y, double k, double floor) {
        for (int s = 0; s < d; s++) {
            double sd = Math.sqrt(Math.max(0, y[d + s * d + s]) + floor * floor);
            env[s][0] = Math.min(env[s][0], y[s] - k * sd);
            env[s][1] = Math.max(env[s][1], y[s] + k * sd);
        }
    }

    /** Integration steps taken (0 for a path of zero length). */
    public int stepCount() { return steps.size(); }

    /** The time from which the state is held at its fixed point ({@link #duration()} when it never settled). */
    public double settledAt() { return heldFrom; }
}
