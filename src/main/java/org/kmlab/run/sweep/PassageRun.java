package org.kmlab.run.sweep;

import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.OneStepPassage;
import org.kmlab.model.Propensities;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One passage sweep under way (cf. {@link SweepRun}): its own {@link CancellationToken}, progress
 * over all values, the result so far and the final one. Any thread may read it; worker threads
 * write it.
 */
public final class PassageRun extends ValueRun<PassageRun.Point, PassageResult> {
    /** Most expected SSA events per value (T × total rate at the start × trajectories); above it the ensemble is skipped. */
    public static final double EVENT_BUDGET = 1e8;
    /** An ensemble runs to this many reference times T, so that e^−15 of it is censored. */
    static final double HORIZON = 15;
    private static final int SAMPLES = 31;

    /** What one value gave, per series. */
    record Point(double[] time, double[] error, String[] notes) {}

    private final PassageSweep.Request request;
    private final List<String> ids = new ArrayList<>(), labels = new ArrayList<>();
    private final List<Solver> solvers = new ArrayList<>();   // null for exact and Kramers

    PassageRun(PassageSweep.Request request, SolverRegistry registry) {
        super(request.size());
        this.request = request;
        add(PassageResult.EXACT, "exact", null);
        for (String id : request.settings().solvers()) add(id, registry.descriptor(id).shortLabel(), registry.byId(id));
        if (request.problem().isSwitching()) add(PassageResult.KRAMERS, "Kramers (FP)", null);
    }

    private void add(String id, String label, Solver solver) {
        ids.add(id);
        labels.add(label);
        solvers.add(solver);
    }

    public PassageSweep.Request request() { return request; }

    @Override protected Point failed(String why) {
        String[] notes = new String[ids.size()];
        Arrays.fill(notes, "failed: " + why);
        return new Point(nan(ids.size()), nan(ids.size()), notes);
    }

    @Override protected Point measure(int i) {
        Model m = request.modelAt(i);
        int n = ids.size();
        double[] time = nan(n), error = nan(n);
        String[] notes = new String[n];
        Arrays.fill(notes, "");
        List<Integer> ensembles = new ArrayList<>();
        double reference = Double.NaN;
        for (int s = 0; s < n; s++) {
            token.check();
            String id = ids.get(s);
            try {
                if (id.equals(PassageResult.EXACT)) {
                    String why = OneStepPassage.unsupportedReason(m);
                    if (why == null) time[s] = OneStepPassage.meanTime(m);
                    else notes[s] = "not applicable: " + why;
                } else if (solvers.get(s) == null) {
                    time[s] = request.problem().kramersTime(m);
                } else {
                    OptionalDouble t = solvers.get(s).meanFirstPassage(m);
                    if (t.isPresent()) time[s] = t.getAsDouble();
                    else ensembles.add(s);
                }
            } catch (ModelException | SolverException e) {
                notes[s] = "skipped: " + e.getMessage();
            }
            if (Double.isFinite(time[s])) error[s] = 0;
            if (Double.isNaN(reference) && Double.isFinite(time[s]) && !id.equals(PassageResult.KRAMERS)) reference = time[s];
        }
        for (int k = 0; k < ensembles.size(); k++) {
            int s = ensembles.get(k);
            sample(i, m, s, reference, (double) k / ensembles.size(), 1.0 / ensembles.size(), time, error, notes);
        }
        return new Point(time, error, notes);
    }

    /** An ensemble's mean over its absorbed trajectories, run to {@value #HORIZON} reference times, if the event budget allows. */
    private void sample(int i, Model m, int s, double reference, double done, double share, double[] time, double[] error, String[] notes) {
        Solver solver = solvers.get(s);
        if (!solver.descriptor().isEnsemble()) {
            notes[s] = "skipped: " + solver.id() + " gives no mean first-passage time";
            return;
        }
        if (!(reference > 0) || Double.isInfinite(reference)) {
            notes[s] = "skipped: no computed T to size the run by";
            return;
        }
        int trajectories = request.settings().trajectories();
        double events = reference * startRate(m) * trajectories;
        if (!(events <= EVENT_BUDGET)) {
            notes[s] = String.format(Locale.ROOT, "skipped: about %.1e events expected (T × total rate at the start × %d trajectories), over the budget of %.0e",
                    events, trajectories, EVENT_BUDGET);
            return;
        }
        SolverOptions options = SolverOptions.defaults().withThreads(1).withKeepSamples(0);
        Problem p = new Problem(m, Problem.uniformTimes(HORIZON * reference, SAMPLES), trajectories, request.settings().seed(), options);
        SnapshotListener listener = new SnapshotListener() {
            @Override public void onSnapshot(int k, Snapshot snapshot) { }

            @Override public void onProgress(double fraction) { setProgress(i, Math.min(0.99, done + share * fraction)); }
        };
        FirstPassage f = FirstPassage.of(solver.solve(p, listener, token)).orElse(null);
        if (f == null) {
            notes[s] = "skipped: " + solver.id() + " recorded no first passage";
            return;
        }
        time[s] = f.meanTime();
        error[s] = f.meanTimeSE();
        if (f.absorbed() >= 0 && f.absorbed() < trajectories) {
            notes[s] = String.format(Locale.ROOT, "%d of %d trajectories not absorbed by t = %.4g (censored)", trajectories - f.absorbed(), trajectories, HORIZON * reference);
        }
    }

    /** Σ_r a_r(n₀): the event rate at the start. */
    private static double startRate(Model m) {
        Propensities p = m.propensities();
        double[] env = p.newEnvironment();
        long[] n0 = m.initialCounts();
        for (int k = 0; k < n0.length; k++) env[k] = n0[k];
        double sum = 0;
        for (int r = 0; r < p.size(); r++) sum += Math.max(0, p.propensity(r, env));
        return sum;
    }

    @Override protected PassageResult assemble(SweepResult.State state) {
        int values = request.size(), n = ids.size();
        double[] x = request.values();
        boolean[] finished = new boolean[values];
        double[][] time = new double[n][values], error = new double[n][values];
        String[][] notes = new String[n][values];
        for (int s = 0; s < n; s++) {
            Arrays.fill(time[s], Double.NaN);
            Arrays.fill(error[s], Double.NaN);
            Arrays.fill(notes[s], "");
        }
        for (int i = 0; i < values; i++) {
            Point p = point(i);
            if (p == null) continue;
            finished[i] = true;
            for (int s = 0; s < n; s++) {
                time[s][i] = p.time()[s];
                error[s][i] = p.error()[s];
                notes[s][i] = p.notes()[s];
            }
        }
        List<PassageResult.Series> series = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            SolverDescriptor d = solvers.get(s) == null ? null : solvers.get(s).descriptor();
            series.add(new PassageResult.Series(ids.get(s), labels.get(s), d, time[s], error[s], notes[s], ExponentialFit.of(x, time[s])));
        }
        return new PassageResult(request.problem().model().name(), request.problem().description(), x, series, finished, request.settings(),
                seconds(), state);
    }


    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
