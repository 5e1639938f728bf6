package org.kmlab.model;

import java.util.List;

/**
 * Default run settings stored with a preset: end time, output samples K, ensemble size N, seed,
 * the solvers to run (by id; which ids exist is the run layer's business) and the Fokker–Planck
 * resolution ({@code fpCells}: cells across the solver's moving box, 0 = the solver's choice).
 */
public record RunSettings(double tEnd, int samples, int trajectories, long seed, List<String> solvers, int fpCells) {
    /** Ensembles larger than this would not fit in memory on an ordinary machine (window and CLI alike). */
    public static final int MAX_TRAJECTORIES = 10_000_000;
    /** Every output time holds a snapshot per solver; beyond this the memory runs out first. */
    public static final int MAX_SAMPLES = 100_001;
    /** The finest Fokker–Planck grid one may ask for (cells across the box, per axis). */
    public static final int MAX_FP_CELLS = 4096;

    public RunSettings {
        solvers = List.copyOf(solvers);
        if (!(tEnd > 0) || Double.isInfinite(tEnd)) throw new ModelException("run.tEnd: must be a finite number > 0, got " + Names.format(tEnd));
        if (samples < 2 || samples > MAX_SAMPLES) throw new ModelException("run.samples: must be from 2 to " + MAX_SAMPLES + ", got " + samples);
        if (trajectories < 1 || trajectories > MAX_TRAJECTORIES) throw new ModelException("run.trajectories: must be from 1 to " + MAX_TRAJECTORIES + ", got " + trajectories);
        if (fpCells != 0 && (fpCells < 8 || fpCells > MAX_FP_CELLS)) throw new ModelException("run.fpCells: must be 0 (automatic) or from 8 to " + MAX_FP_CELLS + ", got " + fpCells);
        for (int i = 0; i < solvers.size(); i++) {
            if (!Names.isIdentifier(solvers.get(i))) throw new ModelException("run.solvers[" + i + "]: expected a solver name, got '" + solvers.get(i) + "'");
        }
    }

    public RunSettings(double tEnd, int samples, int trajectories, long seed, List<String> solvers) {
        this(tEnd, samples, trajectories, seed, solvers, 0);
    }

    public static RunSettings defaults() { return new RunSettings(10, 101, 10_000, 1, List.of("ssa", "cme", "fp")); }

    public RunSettings withTEnd(double t) { return new RunSettings(t, samples, trajectories, seed, solvers, fpCells); }
    public RunSettings withSamples(int k) { return new RunSettings(tEnd, k, trajectories, seed, solvers, fpCells); }
    public RunSettings withTrajectories(int n) { return new RunSettings(tEnd, samples, n, seed, solvers, fpCells); }
    public RunSettings withSeed(long s) { return new RunSettings(tEnd, samples, trajectories, s, solvers, fpCells); }
    public RunSettings withSolvers(List<String> s) { return new RunSettings(tEnd, samples, trajectories, seed, s, fpCells); }
    public RunSettings withFpCells(int c) { return new RunSettings(tEnd, samples, trajectories, seed, solvers, c); }
}
