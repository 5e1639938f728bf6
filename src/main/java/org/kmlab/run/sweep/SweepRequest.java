package org.kmlab.run.sweep;

import org.kmlab.model.Environment;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.RunSettings;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.SolverOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a sweep runs: a model at its current values, the name it sweeps (a parameter, {@code Omega}
 * or an initial count {@code X0}: {@link Model#settableNames()}) and the values, in increasing
 * order, the time T at which the densities are compared (each point runs from 0 to T), and the
 * run settings of each point (seed, trajectories for the SSA, FP cells, and the solvers: a
 * reference, the master equation or else the SSA, and the approximations measured against it).
 * Validated on construction, with messages for people that name the problem.
 */
public record SweepRequest(Model model, String parameter, double[] values, double time, RunSettings settings) {
    /** The solvers of a sweep unless told otherwise: the reference and the two continuous approximations. */
    public static final List<String> DEFAULT_SOLVERS = List.of("cme", "fp", "lna");
    /** The most values a sweep takes: each is a full run of every solver. */
    public static final int MAX_VALUES = 64;
    /**
     * Output times of each point's run, from 0 to T: only the last is compared, but ensembles
     * report progress per output time, and a sweep's progress bar should move.
     */
    static final int SAMPLES = 21;

    public SweepRequest {
        values = values.clone();
    }

    @Override public double[] values() { return values.clone(); }

    /**
     * A checked request.
     *
     * @param time     the comparison time T, > 0
     * @param settings seed, trajectories, FP cells and the solvers (their end time is replaced by T, their output times by {@value #SAMPLES} from 0 to T)
     * @throws ModelException a name the model does not have, a value it refuses, too few values, no reference solver
     */
    public static SweepRequest of(Model model, String parameter, double[] values, double time, RunSettings settings, SolverRegistry registry) {
        double[] sorted = checkedValues(model, parameter, values);
        if (!(time > 0) || Double.isInfinite(time)) throw new ModelException("the sweep's time T must be a finite number > 0, got " + format(time));
        List<String> unknown = new ArrayList<>();
        for (String id : settings.solvers()) if (!registry.has(id)) unknown.add(id);
        if (!unknown.isEmpty()) throw new ModelException(registry.unknown(unknown.get(0)));
        if (SolverRegistry.bestReference(settings.solvers().stream().map(registry::descriptor).toList()).isEmpty()) {
            throw new ModelException("a sweep measures distances to a reference: include cme (the master equation) or ssa among the solvers");
        }
        if (settings.solvers().size() < 2) throw new ModelException("a sweep needs a reference and at least one solver to measure against it");
        return new SweepRequest(model, parameter, sorted, time, settings.withTEnd(time).withSamples(SAMPLES).withSolvers(registry.inDisplayOrder(settings.solvers())));
    }

    /**
     * The values sorted, after checking them against the model (shared by every sweep).
     *
     * @throws ModelException a name the model does not have, a value it refuses, too few or too many values, a repeat
     */
    static double[] checkedValues(Model model, String parameter, double[] values) {
        if (!model.settableNames().contains(parameter)) {
            throw new ModelException("unknown parameter '" + parameter + "' to sweep (known: " + String.join(", ", model.settableNames()) + ")");
        }
        if (values.length < 2) throw new ModelException("a sweep needs at least 2 values, got " + values.length);
        if (values.length > MAX_VALUES) throw new ModelException("a sweep takes at most " + MAX_VALUES + " values, got " + values.length);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            double v = sorted[i];
            if (!(v > 0) || Double.isInfinite(v)) throw new ModelException(parameter + " = " + format(v) + ": the values of a sweep must be finite numbers > 0 (slopes are fitted on log–log axes)");
            if (i > 0 && v == sorted[i - 1]) throw new ModelException(parameter + " = " + format(v) + " is given twice");
            at(model, parameter, v);   // refused values throw here, before any run
        }
        return sorted;
    }

    public int size() { return values.length; }

    public double value(int i) { return values[i]; }

    /** True when the sweep is over the system size Ω (the KM coefficients then scale like Ω^(1−k)). */
    public boolean overSystemSize() { return Environment.OMEGA.equals(parameter); }

    /** The model at the i-th value. */
    public Model modelAt(int i) { return at(model, parameter, values[i]); }

    /** {@code model} with {@code parameter} at v; over Ω, with the same initial state in x units ({@link Model#atSystemSize}). */
    private static Model at(Model model, String parameter, double v) {
        return Environment.OMEGA.equals(parameter) ? model.atSystemSize(v) : model.with(parameter, v);
    }

    /**
     * The options of one point: one thread (points run side by side, so the pool's threads are
     * already busy; results do not depend on the count), final snapshots only, no kept states.
     */
    public SolverOptions options() {
        return SolverOptions.defaults().withThreads(1).withGridCells(settings.fpCells()).withKeepSamples(0);
    }

    private static String format(double v) { return String.format(Locale.ROOT, "%.6g", v); }
}
