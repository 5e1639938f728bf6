package org.kmlab.solve.lna;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.kmlab.model.Model;
import org.kmlab.model.MomentEquations;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The linear noise approximation (van Kampen's system-size expansion to order Ω^(−1/2); van Kampen,
 * <i>Stochastic Processes in Physics and Chemistry</i>, ch. X): the state is Gaussian with mean
 * m(t) and covariance Σ(t), in x = n/Ω units, obeying {@code dm/dt = A(m)} and
 * {@code dΣ/dt = JΣ + ΣJᵀ + B(m)} (see {@link MomentEquations}), from m(0) = the initial state and
 * Σ(0) = 0. For a linear network (all propensities affine in n) these are the exact first and
 * second moments of the master equation.
 *
 * <p>Integrated by Dormand–Prince 8(5,3) (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>) with
 * relative and absolute tolerance 10⁻¹², stopping exactly at each output time. Snapshots carry the
 * Gaussian drawn on grids ({@link GaussianSnapshots}); there are no samples. {@code info}:
 * {@code evaluations} (right-hand sides), {@code wallSeconds}.
 */
public final class LinearNoiseApproximation implements Solver {
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_EVALUATIONS = 20_000_000;

    public static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("lna", "Linear noise", "LNA",
            SolverDescriptor.Output.GAUSSIAN, 0, 4, "the linear noise approximation: a Gaussian around the deterministic path");

    @Override public SolverDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String unsupportedReason(Model model) { return Solver.eventsReason(model); }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        Model model = problem.model();
        if (model.hasEvents()) throw new SolverException("lna: " + Solver.eventsReason(model));
        int d = model.speciesCount();
        MomentEquations equations = new MomentEquations(model, cancel::check);
        GaussianSnapshots gaussians = new GaussianSnapshots(model.size(), model.observableWeights());
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(
                1e-14 * Math.max(1, problem.tEnd()), Math.max(problem.tEnd(), 1e-300), TOLERANCE, TOLERANCE);
        integrator.setMaxEvaluations(MAX_EVALUATIONS);

        double[] y = MomentEquations.pack(model.initialX(), new double[d][d]);
        double t = 0;
        List<Snapshot> snapshots = new ArrayList<>(problem.sampleCount());
        for (int k = 0; k < problem.sampleCount(); k++) {
            cancel.check();
            double tk = problem.time(k);
            if (tk > t) {
                try {
                    integrator.integrate(equations, t, y, tk, y);
                } catch (MathIllegalStateException | MathIllegalArgumentException e) {
                    throw new SolverException("lna: the moment equations could not be integrated from t = " + t
                            + " to " + tk + " (" + e.getMessage() + "); the deterministic path may blow up");
                }
                t = tk;
            }
            requireFinite(y, model, tk);
            Snapshot s = gaussians.snapshot(tk, MomentEquations.meanOf(y, d), MomentEquations.covarianceOf(y, d));
            snapshots.add(s);
            listener.onSnapshot(k, s);
            listener.onProgress((k + 1.0) / problem.sampleCount());
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        return new SolverResult(DESCRIPTOR, snapshots, Map.of("evaluations", equations.evaluations(), "wallSeconds", wall));
    }

    private static void requireFinite(double[] y, Model model, double t) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                int d = model.speciesCount();
                String what = i < d ? "mean of " + model.species().get(i).name() : "covariance";
                throw new SolverException("lna: the " + what + " is not finite at t = " + t + "; the deterministic path blows up");
            }
        }
    }
}
