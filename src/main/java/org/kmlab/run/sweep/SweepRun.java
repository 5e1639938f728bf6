package org.kmlab.run.sweep;

import org.kmlab.model.Model;
import org.kmlab.run.Run;
import org.kmlab.run.RunListener;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverComparison;
import org.kmlab.run.SolverRegistry;
import org.kmlab.run.SolverState;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One sweep under way (cf. {@link Run}): its own {@link CancellationToken}, progress over all
 * values, the result so far ({@link #result()}: finished values filled in, slopes fitted on
 * them) and the final result once every value is done ({@link #await()}). Any thread may read it;
 * worker threads write it. {@link #cancel} stops the runs in progress at their solvers' next token
 * check and the values not started at once.
 */
public final class SweepRun extends ValueRun<SweepRun.Point, SweepResult> {
    /** What one value gave: per measured solver a distance pair or a note, per coefficient source the sizes. */
    record Point(double[] l1, double[] hellinger, double[] ownError, String[] notes, double[][] sizes, String[] coefficientNotes) {}

    private final SweepRequest request;
    private final SolverRegistry registry;
    private final List<CoefficientSource> sources;
    private final int[] orders;
    private final SolverDescriptor reference;
    private final List<SolverDescriptor> measured;
    private final Set<SimulationService> active = ConcurrentHashMap.newKeySet();

    SweepRun(SweepRequest request, SolverRegistry registry, List<CoefficientSource> sources, int[] orders) {
        super(request.size());
        this.request = request;
        this.registry = registry;
        this.sources = sources;
        this.orders = orders.clone();
        List<SolverDescriptor> solvers = request.settings().solvers().stream().map(registry::descriptor).toList();
        this.reference = SolverRegistry.bestReference(solvers).orElseThrow();
        this.measured = solvers.stream().filter(d -> !d.equals(reference)).toList();
    }

    public SweepRequest request() { return request; }

    /** Stops the sweep: runs in progress stop at their next token check, values not started are skipped. */
    @Override public void cancel() {
        super.cancel();
        for (SimulationService s : active) s.close();
    }

    @Override protected Point failed(String why) {
        String[] notes = new String[measured.size()];
        Arrays.fill(notes, "failed: " + why);
        return new Point(nan(measured.size()), nan(measured.size()), nan(measured.size()), notes, new double[sources.size()][], new String[sources.size()]);
    }

    @Override protected Point measure(int i) {
        Model model = request.modelAt(i);
        FixedPoint fixed = FixedPoint.of(model, request.time(), token);
        List<CoefficientSource.Probe> probes = new ArrayList<>();
        for (CoefficientSource source : sources) probes.add(fixed == null ? null : source.probe(model, fixed.x(), orders));
        RunRequest runRequest = new RunRequest(model, request.settings(), request.options(), false);
        for (CoefficientSource.Probe probe : probes) if (probe != null) runRequest = probe.prepare(runRequest);

        Run run;
        SimulationService service = SimulationService.sameThread(registry);
        active.add(service);
        try {
            if (token.isCancelled()) service.close();   // cancelled between the check and the add: the run starts cancelled
            run = service.start(runRequest, new PointProgress(i, request.settings().solvers().size()));
        } finally {
            active.remove(service);
            service.close();
        }
        if (token.isCancelled()) throw new CancelledException();   // (not run.isCancelled(): closing the service cancels even a finished run)

        int last = run.recording().timeCount() - 1;
        SolverComparison comparison = SolverComparison.at(run.recording(), last);
        boolean referenceRan = reference.id().equals(comparison.reference());
        int n = measured.size();
        double[] l1 = nan(n), hellinger = nan(n), ownError = nan(n);
        String[] notes = new String[n];
        for (int j = 0; j < n; j++) {
            String id = measured.get(j).id();
            notes[j] = note(run.state(id));
            if (!notes[j].isEmpty()) continue;
            if (!referenceRan) {
                notes[j] = "no reference: " + reference.id() + " " + note(run.state(reference.id()));
                continue;
            }
            for (SolverComparison.Row row : comparison.rows()) {
                if (!row.solver().equals(id)) continue;
                l1[j] = row.headlineL1();
                hellinger[j] = row.headlineHellinger();
            }
            Snapshot atT = run.recording().get(id, last);
            if (atT != null) ownError[j] = atT.error();
        }
        double[][] sizes = new double[sources.size()][];
        String[] coefficientNotes = new String[sources.size()];
        for (int s = 0; s < sources.size(); s++) {
            CoefficientSource.Probe probe = probes.get(s);
            sizes[s] = probe == null ? nan(orders.length) : probe.sizes(run);
            coefficientNotes[s] = fixed == null ? "the deterministic path diverges: no fixed point"
                    : fixed.settled() ? "" : "the deterministic path does not settle: coefficients at its state at T";
        }
        return new Point(l1, hellinger, ownError, notes, sizes, coefficientNotes);
    }

    /** "" when the solver finished, else why it has no distance. */
    private static String note(SolverState s) {
        if (s == null) return "not run";
        return switch (s.phase()) {
            case DONE -> "";
            case SKIPPED -> "skipped: " + s.message();
            case FAILED -> "failed: " + s.message();
            default -> s.phase().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override protected SweepResult assemble(SweepResult.State state) {
        int values = request.size(), n = measured.size();
        double[] x = request.values();
        boolean[] finished = new boolean[values];
        double[][] l1 = new double[n][values], hellinger = new double[n][values], ownError = new double[n][values];
        String[][] notes = new String[n][values];
        for (double[] row : l1) Arrays.fill(row, Double.NaN);
        for (double[] row : hellinger) Arrays.fill(row, Double.NaN);
        for (double[] row : ownError) Arrays.fill(row, Double.NaN);
        for (String[] row : notes) Arrays.fill(row, "");
        double[][][] sizes = new double[sources.size()][orders.length][values];
        for (double[][] a : sizes) for (double[] row : a) Arrays.fill(row, Double.NaN);
        Map<Integer, List<String>> coefficientNotes = new HashMap<>();
        for (int i = 0; i < values; i++) {
            Point p = point(i);
            if (p == null) continue;
            finished[i] = true;
            for (int j = 0; j < n; j++) {
                l1[j][i] = p.l1()[j];
                hellinger[j][i] = p.hellinger()[j];
                ownError[j][i] = p.ownError()[j];
                notes[j][i] = p.notes()[j];
            }
            for (int s = 0; s < sources.size(); s++) {
                if (p.sizes()[s] != null) for (int k = 0; k < orders.length; k++) sizes[s][k][i] = p.sizes()[s][k];
                if (p.coefficientNotes()[s] != null && !p.coefficientNotes()[s].isEmpty()) coefficientNotes.computeIfAbsent(s, key -> new ArrayList<>()).add(p.coefficientNotes()[s]);
            }
        }
        List<SolverSeries> series = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            series.add(new SolverSeries(measured.get(j), l1[j], hellinger[j], ownError[j], notes[j], LogLogFit.of(x, l1[j]), LogLogFit.of(x, hellinger[j])));
        }
        List<CoefficientScaling> scalings = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            LogLogFit[] fits = new LogLogFit[orders.length];
            double[] expected = new double[orders.length];
            String[] why = new String[orders.length];
            for (int k = 0; k < orders.length; k++) {
                fits[k] = LogLogFit.of(x, sizes[s][k]);
                expected[k] = request.overSystemSize() ? 1 - orders[k] : Double.NaN;
                why[k] = coefficientNote(sizes[s][k], finished, coefficientNotes.get(s));
            }
            scalings.add(new CoefficientScaling(sources.get(s).id(), sources.get(s).label(), orders, sizes[s], fits, expected, why));
        }
        return new SweepResult(request.model().name(), request.parameter(), x, request.time(), reference.id(), series, scalings, finished,
                request.settings(), seconds(), state);
    }

    /** Why an order has no slope: it cancels at the fixed point wherever it was measured, or the path had no fixed point. */
    private static String coefficientNote(double[] sizes, boolean[] finished, List<String> pointNotes) {
        if (pointNotes != null && !pointNotes.isEmpty()) return pointNotes.get(0);
        boolean any = false, all = true;
        for (int i = 0; i < sizes.length; i++) {
            if (!finished[i]) continue;
            any = true;
            all &= Double.isNaN(sizes[i]);
        }
        return any && all ? "vanishes at the fixed point (the jumps' k-th powers cancel there)" : "";
    }


    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** One value's progress: the mean of its solvers' (finished ones count 1). */
    private final class PointProgress implements RunListener {
        private final int point;
        private final Map<String, Double> bySolver = new ConcurrentHashMap<>();
        private final int solvers;

        PointProgress(int point, int solvers) {
            this.point = point;
            this.solvers = solvers;
        }

        @Override public void changed(SolverState s) {
            bySolver.put(s.solver(), s.phase().isFinal() ? 1.0 : s.progress());
            double sum = 0;
            for (double v : bySolver.values()) sum += v;
            setProgress(point, Math.min(0.99, sum / solvers));
        }
    }
}
