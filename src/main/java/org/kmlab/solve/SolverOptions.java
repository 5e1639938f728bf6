package org.kmlab.solve;

/**
 * Knobs shared by the solvers, with defaults that suit the window and the CLI.
 *
 * @param threads         worker threads for ensembles; 0 means all cores
 * @param populationBound a count (|n|) past which an ensemble run stops with a message
 * @param gridCells       FP resolution; 0 lets the solver choose. 1-D: cells across the moving box of
 *                        the coarse solution (the reported density and the error estimate's check
 *                        solution have twice as many); 2-D: cells per axis
 * @param keepSamples     how many trajectories' states each snapshot keeps (sample paths, 2-D cloud)
 * @param snapshotsPerSecond how often an ensemble publishes partial snapshots while running; 0 for only final ones
 * @param fineStepObserver sees every ensemble trajectory at fine fixed steps between output times
 *                         (SSA and CLE); null for none, which costs nothing
 */
public record SolverOptions(int threads, long populationBound, int gridCells, int keepSamples, double snapshotsPerSecond,
                            FineStepObserver fineStepObserver) {
    public SolverOptions {
        if (threads < 0) throw new IllegalArgumentException("threads must be ≥ 0, got " + threads);
        if (!(populationBound > 0)) throw new IllegalArgumentException("populationBound must be > 0, got " + populationBound);
        if (gridCells < 0) throw new IllegalArgumentException("gridCells must be ≥ 0, got " + gridCells);
        if (keepSamples < 0) throw new IllegalArgumentException("keepSamples must be ≥ 0, got " + keepSamples);
        if (fineStepObserver != null && !(fineStepObserver.step() > 0 && fineStepObserver.step() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("fineStepObserver.step() must be a finite number > 0, got " + fineStepObserver.step());
        }
    }

    /** Options without a fine-step observer. */
    public SolverOptions(int threads, long populationBound, int gridCells, int keepSamples, double snapshotsPerSecond) {
        this(threads, populationBound, gridCells, keepSamples, snapshotsPerSecond, null);
    }

    public static SolverOptions defaults() { return new SolverOptions(0, 10_000_000L, 0, 2000, 0); }

    public int effectiveThreads() { return threads > 0 ? threads : Runtime.getRuntime().availableProcessors(); }

    public SolverOptions withThreads(int t) { return new SolverOptions(t, populationBound, gridCells, keepSamples, snapshotsPerSecond, fineStepObserver); }
    public SolverOptions withPopulationBound(long b) { return new SolverOptions(threads, b, gridCells, keepSamples, snapshotsPerSecond, fineStepObserver); }
    public SolverOptions withGridCells(int c) { return new SolverOptions(threads, populationBound, c, keepSamples, snapshotsPerSecond, fineStepObserver); }
    public SolverOptions withKeepSamples(int k) { return new SolverOptions(threads, populationBound, gridCells, k, snapshotsPerSecond, fineStepObserver); }
    public SolverOptions withSnapshotsPerSecond(double r) { return new SolverOptions(threads, populationBound, gridCells, keepSamples, r, fineStepObserver); }
    public SolverOptions withFineStepObserver(FineStepObserver o) { return new SolverOptions(threads, populationBound, gridCells, keepSamples, snapshotsPerSecond, o); }
}
