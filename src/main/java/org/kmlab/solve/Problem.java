package org.kmlab.solve;

import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;

/**
 * What to solve: a model, the output times (a fixed grid shared by every solver, so results line
 * up), the ensemble size and seed for stochastic solvers, and solver options.
 */
public record Problem(Model model, double[] times, int trajectories, long seed, SolverOptions options) {
    public Problem {
        if (times.length < 1) throw new IllegalArgumentException("need at least one output time");
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) throw new IllegalArgumentException("output times must increase");
        }
        if (!(times[0] >= 0)) throw new IllegalArgumentException("output times start at t ≥ 0");
        if (trajectories < 1) throw new IllegalArgumentException("trajectories must be ≥ 1, got " + trajectories);
        times = times.clone();
    }

    @Override public double[] times() { return times.clone(); }

    public int sampleCount() { return times.length; }

    public double time(int k) { return times[k]; }

    public double tEnd() { return times[times.length - 1]; }

    /** K equally spaced output times from 0 to tEnd. */
    public static double[] uniformTimes(double tEnd, int samples) {
        double[] t = new double[samples];
        for (int k = 0; k < samples; k++) t[k] = tEnd * k / (samples - 1);
        t[samples - 1] = tEnd;
        return t;
    }

    public static Problem of(Model model, RunSettings run, SolverOptions options) {
        return new Problem(model, uniformTimes(run.tEnd(), run.samples()), run.trajectories(), run.seed(), options);
    }

    public Problem withModel(Model m) { return new Problem(m, times, trajectories, seed, options); }
    public Problem withOptions(SolverOptions o) { return new Problem(model, times, trajectories, seed, o); }
}
