package org.kmlab.run.sweep;

import org.kmlab.model.Environment;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.RunSettings;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Workers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The mean first-passage time T against the system size Ω (issue 12: extinction of the logistic
 * population, switching in the Schlögl model): at each Ω, T from the exact closed sum of a one-step
 * process ({@link org.kmlab.model.OneStepPassage}), from every chosen solver that computes it
 * directly ({@link org.kmlab.solve.Solver#meanFirstPassage}: the master equation's generator, the
 * Fokker–Planck backward quadrature), from an ensemble's absorbed trajectories when that is
 * affordable (at most {@value PassageRun#EVENT_BUDGET} expected events, T × total rate at the start
 * × trajectories; otherwise skipped with the estimate), and Kramers' formula for a switching
 * problem. Values run side by side on the given {@link Workers}, one task each; the result is in
 * value order, so the same seed gives the same sweep on any number of threads.
 */
public final class PassageSweep {
    /** The solvers of a passage sweep unless told otherwise. */
    public static final List<String> DEFAULT_SOLVERS = List.of("ssa", "cme", "fp");

    private final SolverRegistry registry;

    public PassageSweep(SolverRegistry registry) { this.registry = Objects.requireNonNull(registry); }

    /**
     * A checked request: what passage ({@link PassageProblem}), the values of Ω, and the solvers,
     * seed and trajectories.
     */
    public record Request(PassageProblem problem, double[] values, RunSettings settings) {
        public Request {
            values = values.clone();
        }

        @Override public double[] values() { return values.clone(); }

        public int size() { return values.length; }

        public Model modelAt(int i) { return problem.at(values[i]); }
    }

    /**
     * @throws ModelException no passage to measure (the message says what to add), bad values, unknown solvers
     */
    public Request request(Model model, double[] values, RunSettings settings) {
        PassageProblem problem = PassageProblem.of(model);
        double[] sorted = SweepRequest.checkedValues(model, Environment.OMEGA, values);
        for (double v : sorted) problem.at(v);   // a start or a bound the model refuses throws here
        List<String> unknown = new ArrayList<>();
        for (String id : settings.solvers()) if (!registry.has(id)) unknown.add(id);
        if (!unknown.isEmpty()) throw new ModelException(registry.unknown(unknown.get(0)));
        return new Request(problem, sorted, settings.withSolvers(registry.inDisplayOrder(settings.solvers())));
    }

    /** Starts the sweep: one task per value on {@code workers}, which the caller owns. */
    public PassageRun start(Request request, Workers workers) {
        PassageRun run = new PassageRun(request, registry);
        run.submitAll(workers);
        return run;
    }
}
