package org.kmlab.model;

import java.util.List;

/** Default run settings stored with a preset: end time, output samples K, ensemble size N, seed, solvers. */
public record RunSettings(double tEnd, int samples, int trajectories, long seed, List<String> solvers) {
    /** Solver ids known to kmlab, in display order. */
    public static final List<String> KNOWN_SOLVERS = List.of("ssa", "cme", "fp", "cle", "lna");
    /** Ensembles larger than this would not fit in memory on an ordinary machine. */
    public static final int MAX_TRAJECTORIES = 10_000_000;
    /** Every output time holds a snapshot per solver; beyond this the memory runs out first. */
    public static final int MAX_SAMPLES = 100_001;

    public RunSettings {
        solvers = List.copyOf(solvers);
        if (!(tEnd > 0) || Double.isInfinite(tEnd)) throw new ModelException("run.tEnd: must be a finite number > 0, got " + tEnd);
        if (samples < 2 || samples > MAX_SAMPLES) throw new ModelException("run.samples: must be from 2 to " + MAX_SAMPLES + ", got " + samples);
        if (trajectories < 1 || trajectories > MAX_TRAJECTORIES) throw new ModelException("run.trajectories: must be from 1 to " + MAX_TRAJECTORIES + ", got " + trajectories);
        for (int i = 0; i < solvers.size(); i++) {
            if (!KNOWN_SOLVERS.contains(solvers.get(i))) throw new ModelException("run.solvers[" + i + "]: unknown solver '" + solvers.get(i) + "' (known: " + String.join(", ", KNOWN_SOLVERS) + ")");
        }
    }

    public static RunSettings defaults() { return new RunSettings(10, 101, 10_000, 1, List.of("ssa", "cme", "fp")); }

    public RunSettings withTEnd(double t) { return new RunSettings(t, samples, trajectories, seed, solvers); }
    public RunSettings withSamples(int k) { return new RunSettings(tEnd, k, trajectories, seed, solvers); }
    public RunSettings withTrajectories(int n) { return new RunSettings(tEnd, samples, n, seed, solvers); }
    public RunSettings withSeed(long s) { return new RunSettings(tEnd, samples, trajectories, s, solvers); }
    public RunSettings withSolvers(List<String> s) { return new RunSettings(tEnd, samples, trajectories, seed, s); }
}
