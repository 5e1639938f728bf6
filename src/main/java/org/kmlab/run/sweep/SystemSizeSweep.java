package org.kmlab.run.sweep;

import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Workers;

import java.util.List;
import java.util.Objects;

/**
 * The system-size sweep (the seed's system-size argument as numbers): for each value of a
 * parameter (Ω by default), one run of the chosen solvers through the one run pipeline
 * ({@link org.kmlab.run.SimulationService}), each approximation's L1 and Hellinger distance to the
 * reference at time T ({@link org.kmlab.run.SolverComparison}), the log–log slope of each against
 * the parameter, and the size of the k-th Kramers–Moyal coefficient at the fixed point (slope 1 − k
 * against Ω) from each {@link CoefficientSource}. For birth–death with its production k1·Ω, the
 * stationary Fokker–Planck error falls like Ω⁻¹ and the linear noise approximation's like Ω^(−½).
 *
 * <p>Values run side by side on the given {@link Workers} (one task per value, each on one thread),
 * so the cores are used however few values there are; results are put together in value order,
 * so the same seed gives the same sweep on any number of threads. See {@link SweepRun} for
 * progress, partial results and cancellation.
 */
public final class SystemSizeSweep {
    /** The Kramers–Moyal orders whose scaling a sweep measures. */
    static final int[] ORDERS = {2, 3, 4, 5, 6};

    private final SolverRegistry registry;
    private final List<CoefficientSource> sources;

    /** A sweep with the model's analytic coefficients as the only coefficient source. */
    public SystemSizeSweep(SolverRegistry registry) { this(registry, List.of(new AnalyticCoefficients())); }

    /** @param sources where the coefficient sizes come from (the analytic one, estimators from trajectories…) */
    public SystemSizeSweep(SolverRegistry registry, List<CoefficientSource> sources) {
        this.registry = Objects.requireNonNull(registry);
        this.sources = List.copyOf(sources);
    }

    public SolverRegistry registry() { return registry; }

    /**
     * Starts the sweep: one task per value on {@code workers}, which the caller owns (and closes).
     * With {@link Workers#sameThread()} this returns when the sweep is done.
     */
    public SweepRun start(SweepRequest request, Workers workers) {
        SweepRun run = new SweepRun(request, registry, sources, ORDERS);
        run.submitAll(workers);
        return run;
    }
}
