package org.kmlab.ui;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.run.Descriptors;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in solver for UI tests (never shipped): Gaussian marginals on the lattice around a mean
 * that relaxes from the initial state towards the first parameter's value, one snapshot per output
 * time at a chosen pace, polling the cancellation token. Exercises the threading and the charts
 * without depending on the real numerics.
 */
final class FakeSolver implements Solver {
    private final String id;
    private final AtomicLong pace;

    FakeSolver(String id, AtomicLong paceNanos) {
        this.id = id;
        this.pace = paceNanos;
    }

    /** Every built-in id answered by a fake at this pace per output time (changeable while running). */
    static SolverRegistry all(AtomicLong paceNanos) {
        return new SolverRegistry(SolverRegistry.builtIn().ids().stream().map(id -> new FakeSolver(id, paceNanos)).toList());
    }

    static SolverRegistry all(long paceNanos) { return all(new AtomicLong(paceNanos)); }

    @Override public SolverDescriptor descriptor() { return Descriptors.of(id); }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        Model m = problem.model();
        int d = m.speciesCount();
        double omega = m.size();
        double[] x0 = m.initialX();
        double target = m.parameters().isEmpty() ? 1 : m.parameters().get(0).value();
        SplittableRandom rng = new SplittableRandom(problem.seed());
        List<Snapshot> out = new ArrayList<>();
        for (int k = 0; k < problem.sampleCount(); k++) {
            long until = System.nanoTime() + pace.get();
            while (System.nanoTime() < until) {
                if (cancel.isCancelled()) throw new CancelledException();
                LockSupport.parkNanos(Math.min(1_000_000L, pace.get()));
            }
            cancel.check();
            double t = problem.time(k), decay = Math.exp(-t);
            double[] mean = new double[d];
            double[][] cov = new double[d][d];
            Density1D[] marginals = new Density1D[d];
            for (int s = 0; s < d; s++) {
                mean[s] = x0[s] * decay + target * (s + 1) * (1 - decay);
                double var = Math.max(Math.abs(mean[s]) / omega, 1 / (omega * omega)) * (1 - decay) + 1e-6;
                cov[s][s] = var;
                double dx = id.equals("fp") ? 0.25 / omega : 1 / omega;
                double sd = Math.sqrt(var);
                int cells = (int) Math.ceil(12 * sd / dx) + 1;
                double start = Math.floor((mean[s] - 6 * sd) / dx) * dx;
                double[] p = new double[cells];
                for (int i = 0; i < cells; i++) {
                    double z = (start + i * dx - mean[s]) / sd;
                    p[i] = Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
                }
                marginals[s] = new Density1D(start, dx, p);
            }
            int keep = id.equals("ssa") ? Math.min(problem.options().keepSamples(), problem.trajectories()) : 0;
            double[][] samples = new double[keep][d];
            for (int j = 0; j < keep; j++) for (int s = 0; s < d; s++) samples[j][s] = mean[s] + Math.sqrt(cov[s][s]) * gaussian(rng);
            Snapshot snap = new Snapshot(t, mean, cov, marginals, null, samples, 1);
            out.add(snap);
            listener.onSnapshot(k, snap);
            listener.onProgress((k + 1.0) / problem.sampleCount());
            listener.onEvents((long) (k + 1) * problem.trajectories() * 10);
        }
        return new SolverResult(descriptor(), out, Map.of("events", (long) problem.sampleCount() * problem.trajectories() * 10));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
