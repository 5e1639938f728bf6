package org.kmlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.fp.FokkerPlanck2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code kmlab bench}: measures the solvers on fixed problems and prints one JSON object per line,
 * e.g. {@code {"bench":"ssa.birth-death","eventsPerSecond":3.1E7,"threads":1}}. Each measurement
 * follows a warm-up run (so the JIT has compiled the hot loop); times are best of several runs.
 * A solver that is not implemented yet gives {@code {"bench":…,"skipped":"not implemented"}}.
 * {@code --quick} runs the same benches on problems about a thousand times smaller (for tests).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, version = "kmlab 0.1.0",
        description = {"Measure solver speed; prints one JSON object per line (machine-readable):",
                "  ssa.birth-death eventsPerSecond (1 thread, then all), fp.birth-death millis,",
                "  cme.birth-death millis (Ω = 1000 to t = 5), cle.birth-death pathsPerSecond,",
                "  fp2d.step millis, cme.predator-prey seconds (Ω = 100 to t = 10). A solver not implemented yet gives \"skipped\".",
                "The full run takes a few minutes; --quick takes seconds."})
final class BenchCommand implements Callable<Integer> {
    /** Birth–death at k1 = 1000, k2 = 1, Ω = 1 started at its mean 1000: E[total propensity] = 2000 at all times. */
    private static final double BIRTH_DEATH_EVENT_RATE = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec private CommandSpec spec;

    @Option(names = "--quick", description = "tiny problems: checks that every bench runs, measures little")
    private boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "run only benches whose name starts with one of these, e.g. ssa,fp")
    private List<String> only;

    private final Function<String, Solver> solvers;

    BenchCommand(Function<String, Solver> solvers) { this.solvers = solvers; }

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int threads = Runtime.getRuntime().availableProcessors();
        bench(out, "environment", Map.of(), () -> environment(threads));
        bench(out, "ssa.birth-death", Map.of("threads", 1), () -> ssaBirthDeath(1, 1, quick ? 1e5 : 1e8));
        bench(out, "ssa.birth-death", Map.of("threads", threads), () -> ssaBirthDeath(threads, 20 * threads, quick ? 1e5 : 1e8));
        bench(out, "fp.birth-death", Map.of("cells", fpCells(), "tEnd", 10), this::fpBirthDeath);
        bench(out, "cme.birth-death", Map.of("omega", cmeBirthDeathOmega(), "tEnd", 5, "samples", 101), this::cmeBirthDeath);
        bench(out, "cle.birth-death", Map.of("threads", threads), () -> cleBirthDeath(threads));
        bench(out, "fp2d.step", Map.of("grid", fp2dCells() + "x" + fp2dCells()), this::fp2dStep);
        bench(out, "cme.predator-prey", Map.of("tEnd", cmePredatorPreyTEnd(), "samples", 101), this::cmePredatorPrey);
        return KmlabCommand.OK;
    }

    /**
     * Runs one bench and prints its line: the name, what it measured (or why it was skipped),
     * then the settings that identify it ({@code setup}, printed even when skipped).
     */
    private void bench(PrintWriter out, String name, Map<String, Object> setup, Supplier<Map<String, Object>> body) {
        if (only != null && only.stream().noneMatch(name::startsWith)) return;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", name);
        try {
            line.putAll(body.get());
        } catch (SolverException e) {
            line.put("skipped", e.getMessage() != null && e.getMessage().contains("not implemented") ? "not implemented" : KmlabCommand.oneLine(e.getMessage()));
        }
        new java.util.TreeMap<>(setup).forEach(line::putIfAbsent);
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private Map<String, Object> environment(int threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cores", threads);
        m.put("quick", quick);
        return m;
    }

    /**
     * SSA throughput on birth–death with k1 = 1000, k2 = 1, Ω = 1, X0 = 1000: {@code events}
     * events in total over {@code trajectories} trajectories, after a warm-up a tenth that size.
     */
    private Map<String, Object> ssaBirthDeath(int threads, int trajectories, double events) {
        Solver ssa = solver("ssa");
        Model model = PresetLibrary.load("birth-death").model()
                .with("k1", 1000).with("k2", 1).with("Omega", 1).with("X0", 1000);
        SolverOptions options = SolverOptions.defaults().withThreads(threads).withKeepSamples(0);
        double tEnd = events / (BIRTH_DEATH_EVENT_RATE * trajectories);
        solve(ssa, new Problem(model, new double[] {0, tEnd / 10}, trajectories, 1, options));
        long start = System.nanoTime();
        SolverResult r = solve(ssa, new Problem(model, new double[] {0, tEnd}, trajectories, 2, options));
        double wall = (System.nanoTime() - start) * 1e-9;
        Map<String, Object> m = new LinkedHashMap<>();
        Number reportedEvents = number(r, "events");
        Number reportedWall = number(r, "wallSeconds");
        double n = reportedEvents != null ? reportedEvents.doubleValue() : events;
        double seconds = reportedWall != null && reportedWall.doubleValue() > 0 ? reportedWall.doubleValue() : wall;
        m.put("eventsPerSecond", Math.round(n / seconds));
        m.put("trajectories", trajectories);
        m.put("events", Math.round(n));
        if (reportedEvents == null) m.put("eventsEstimated", true);
        return m;
    }

    /** 1-D Fokker–Planck on the birth–death preset to t = 10 on 2,000 cells (200 with --quick). */
    private int fpCells() { return quick ? 200 : 2000; }

    private int fp2dCells() { return quick ? 64 : 256; }

    private double cmePredatorPreyTEnd() { return quick ? 0.1 : 10; }

    private Map<String, Object> fpBirthDeath() {
        int cells = fpCells();
        Problem p = presetProblem("birth-death", 10, 11, 1, SolverOptions.defaults().withGridCells(cells));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("millis", round3(bestMillis(solver("fp"), p)));
        return m;
    }

    /** Birth–death at Ω = 1000 (10 with --quick), k1 = 10, k2 = 1, from X0 = 0. */
    private int cmeBirthDeathOmega() { return quick ? 10 : 1000; }

    /**
     * Master equation on the birth–death preset at Ω = 1000 from 0 to t = 5 with 101 outputs: the
     * problem of the scipy yardstick {@code cme_bd_bdf.py 10 1 1000 5 101}.
     */
    private Map<String, Object> cmeBirthDeath() {
        Preset preset = PresetLibrary.load("birth-death");
        Model model = preset.model().with("Omega", cmeBirthDeathOmega()).with("X0", 0);
        Problem p = new Problem(model, Problem.uniformTimes(5, 101), 1, preset.run().seed(), SolverOptions.defaults());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("millis", round3(bestMillis(solver("cme"), p)));
        putInfo(m, solve(solver("cme"), p));
        return m;
    }

    /** The numbers and words of a result's info, by key, after what the bench measured. */
    private static void putInfo(Map<String, Object> m, SolverResult r) {
        r.info().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue() instanceof Number || e.getValue() instanceof String)
                .forEach(e -> m.putIfAbsent(e.getKey(), e.getValue()));
    }

    /** Chemical Langevin paths per second on the birth–death preset to t = 10, all threads. */
    private Map<String, Object> cleBirthDeath(int threads) {
        int paths = quick ? 200 : 20_000;
        Problem p = presetProblem("birth-death", 10, 11, paths, SolverOptions.defaults().withThreads(threads).withKeepSamples(0));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pathsPerSecond", Math.round(paths / (bestMillis(solver("cle"), p) / 1000)));
        m.put("paths", paths);
        m.put("tEnd", 10);
        return m;
    }

    /**
     * One time step of the 2-D Fokker–Planck solver on an exact 256×256 grid (64×64 with --quick)
     * on predator–prey: the operator is built once by {@code FokkerPlanck2D.prepare(model, tEnd,
     * cells)} with its default step for t = 10, then {@code step()} is timed alone; the median of
     * timed batches after a warm-up (the minimum is printed too).
     */
    private Map<String, Object> fp2dStep() {
        int cells = fp2dCells();
        FokkerPlanck2D fp = FokkerPlanck2D.prepare(PresetLibrary.load("predator-prey").model(), 10, cells);
        int warmups = quick ? 5 : 50, batches = quick ? 3 : 15, perBatch = quick ? 2 : 10;
        for (int i = 0; i < warmups; i++) fp.step();
        double[] millis = new double[batches];
        for (int b = 0; b < batches; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < perBatch; i++) fp.step();
            millis[b] = (System.nanoTime() - start) * 1e-6 / perBatch;
        }
        java.util.Arrays.sort(millis);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("millis", round3(millis[batches / 2]));
        m.put("bestMillis", round3(millis[0]));
        m.put("steps", warmups + batches * perBatch);
        m.put("directions", fp.directions());
        return m;
    }

    /**
     * Master equation on predator–prey (Ω = 100) to t = 10 (0.1 with --quick), 101 outputs, all
     * cores: the first (cold) run's seconds, then the best of up to three more.
     */
    private Map<String, Object> cmePredatorPrey() {
        double tEnd = cmePredatorPreyTEnd();
        Solver cme = solver("cme");
        Problem p = presetProblem("predator-prey", tEnd, 101, 1, SolverOptions.defaults());
        long start = System.nanoTime();
        SolverResult r = solve(cme, p);
        double first = (System.nanoTime() - start) * 1e-9, best = first, spent = first;
        for (int run = 0; run < 3 && spent < 30; run++) {
            start = System.nanoTime();
            r = solve(cme, p);
            double s = (System.nanoTime() - start) * 1e-9;
            best = Math.min(best, s);
            spent += s;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", round3(best));
        m.put("firstSeconds", round3(first));
        putInfo(m, r);
        return m;
    }

    private Solver solver(String id) {
        Solver s = solvers.apply(id);
        return s;
    }

    private static Problem presetProblem(String preset, double tEnd, int samples, int trajectories, SolverOptions options) {
        Preset p = PresetLibrary.load(preset);
        return new Problem(p.model(), Problem.uniformTimes(tEnd, samples), trajectories, p.run().seed(), options);
    }

    private static SolverResult solve(Solver solver, Problem p) {
        if (!solver.supports(p.model())) throw new SolverException(solver.id() + ": not supported for this model");
        return solver.solve(p, SnapshotListener.NONE, CancellationToken.none());
    }

    /** Best wall time of several runs after warm-ups, in milliseconds; fewer runs when one takes seconds. */
    private double bestMillis(Solver solver, Problem p) {
        int warmups = quick ? 1 : 2;
        int runs = quick ? 1 : 5;
        double spent = 0;
        for (int i = 0; i < warmups && spent < 5_000; i++) spent += timeMillis(solver, p);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < runs && (i == 0 || spent < 30_000); i++) {
            double ms = timeMillis(solver, p);
            best = Math.min(best, ms);
            spent += ms;
        }
        return best;
    }

    private static double timeMillis(Solver solver, Problem p) {
        long start = System.nanoTime();
        solve(solver, p);
        return (System.nanoTime() - start) * 1e-6;
    }

    private static Number number(SolverResult r, String key) {
        Object v = r.info().get(key);
        return v instanceof Number n ? n : null;
    }

    private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }
}
