package org.kmlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Preset;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.run.ModelLibrary;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.fp.ChangCooperFokkerPlanck1D;
import org.kmlab.solve.fp.FokkerPlanck2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code kmlab bench}: measures the solvers on fixed problems and prints one JSON object per line,
 * e.g. {@code {"bench":"ssa.birth-death","eventsPerSecond":3.1E7,"threads":1}}. Each measurement
 * follows a warm-up run (so the JIT has compiled the hot loop); times are best of several runs.
 * A solver that is not implemented yet gives {@code {"bench":…,"skipped":"not implemented"}}.
 * {@code --quick} runs the same benches on problems about a thousand times smaller (for tests).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Measure solver speed; prints one JSON object per line (machine-readable):",
                "  ssa.birth-death eventsPerSecond (1 thread, then all; the 1-thread line adds",
                "  cEventsPerSecond and ratioToC, the C yardstick ../shared/yardsticks/ssa_bd.c run",
                "  before and after it, when gcc and the file are there), ssa.isomer-ring",
                "  eventsPerSecond (10 species, 20 reactions), ssa.multistate eventsPerSecond (a receptor with",
                "  two phosphorylation sites: 10 species, 22 reactions of orders 0 to 2), fp.birth-death millis (at Ω = 1, 100, 10⁴),",
                "  cme.birth-death millis (Ω = 1000 to t = 5), cle.birth-death pathsPerSecond, fp2d.step millis,",
                "  fp2d.predator-prey seconds (the whole 2-D run, Ω = 100 to t = 10),",
                "  cme.predator-prey seconds (Ω = 100 to t = 10), km.csv seconds (kmlab km on a 10⁶-point series),",
                "  km.ssa seconds with and without the Kramers–Moyal estimator.",
                "  A solver not implemented yet gives \"skipped\".",
                "The full run takes a few minutes; --quick takes seconds."})
final class BenchCommand implements Callable<Integer> {
    /** Birth–death at k1 = 1000, k2 = 1, Ω = 1 started at its mean 1000: E[total propensity] = 2000 at all times. */
    private static final double BIRTH_DEATH_EVENT_RATE = 2000;
    /** Species of the many-reaction bench: a ring of isomers with a reaction each way between neighbours. */
    private static final int ISOMERS = 10;
    /** SSA measurements: best of this many timed runs after the warm-up (the machine may be shared). */
    private static final int SSA_RUNS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** System sizes of the 1-D Fokker–Planck benches: a handful of molecules, the preset's range, far beyond it. */
    private static final double[] FP_OMEGAS = {1, 100, 1e4};
    /** Warm-up runs before the 1-D Fokker–Planck is timed: its runs take ~100 steps, and on the 2-core machine about 15 runs pass before its CPU time per run settles. */
    private static final int FP_WARMUPS = 15;

    @Spec private CommandSpec spec;

    @Option(names = "--quick", description = "tiny problems: checks that every bench runs, measures little")
    private boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "run only benches whose name starts with one of these, e.g. ssa,fp")
    private List<String> only;

    private final SolverRegistry solvers;

    BenchCommand(SolverRegistry solvers) { this.solvers = solvers; }

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int threads = Runtime.getRuntime().availableProcessors();
        bench(out, "environment", Map.of(), () -> environment(threads));
        bench(out, "ssa.birth-death", Map.of("threads", 1), () -> withYardstick(() -> ssaBirthDeath(1, 1, quick ? 1e5 : 4e7)));
        bench(out, "ssa.birth-death", Map.of("threads", threads), () -> ssaBirthDeath(threads, 20 * threads, quick ? 1e5 : 4e7));
        bench(out, "ssa.isomer-ring", Map.of("threads", 1, "species", ISOMERS, "reactions", 2 * ISOMERS), () -> ssaIsomerRing(quick ? 1e5 : 2e7));
        bench(out, "ssa.multistate", Map.of("threads", 1, "species", 10, "reactions", 22), () -> ssaMultistate(quick ? 1e5 : 2e7));
        for (double omega : FP_OMEGAS) {
            bench(out, "fp.birth-death", Map.of("omega", omega, "cells", fpCells(), "tEnd", 10), () -> fpBirthDeath(omega));
        }
        bench(out, "cme.birth-death", Map.of("omega", cmeBirthDeathOmega(), "tEnd", 5, "samples", 101), this::cmeBirthDeath);
        bench(out, "cle.birth-death", Map.of("threads", threads), () -> cleBirthDeath(threads));
        bench(out, "fp2d.step", Map.of("grid", fp2dCells() + "x" + fp2dCells()), this::fp2dStep);
        bench(out, "fp2d.predator-prey", Map.of("tEnd", cmePredatorPreyTEnd(), "samples", 101), this::fp2dPredatorPrey);
        bench(out, "cme.predator-prey", Map.of("tEnd", cmePredatorPreyTEnd(), "samples", 101), this::cmePredatorPrey);
        bench(out, "km.csv", Map.of("points", kmPoints(), "estimator", "binned"), () -> kmCsv("binned"));
        bench(out, "km.csv", Map.of("points", kmPoints(), "estimator", "kernel"), () -> kmCsv("kernel"));
        bench(out, "km.ssa", Map.of("trajectories", kmTrajectories(), "threads", threads), () -> kmSsa(threads));
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
     * events in total over {@code trajectories} trajectories per run, best of {@value #SSA_RUNS}
     * runs after a warm-up a tenth that size.
     */
    private Map<String, Object> ssaBirthDeath(int threads, int trajectories, double events) {
        Model model = ModelLibrary.standard().load("birth-death").model()
                .with("k1", 1000).with("k2", 1).with("Omega", 1).with("X0", 1000);
        return ssaEventsPerSecond(model, threads, trajectories, events / (BIRTH_DEATH_EVENT_RATE * trajectories));
    }

    /**
     * SSA throughput on a network of many reactions, one thread: a ring of {@value #ISOMERS}
     * isomers S0 … S9, S_i → S_{i+1} at 1 + 0.1·i and back at 0.5 (20 unimolecular reactions,
     * each event changes two species and so four propensities), 1,000 molecules of each, Ω = 1;
     * about {@code events} events per run. The SSA picks reactions from its partial-sum tree here.
     */
    private Map<String, Object> ssaIsomerRing(double events) {
        List<Species> species = new java.util.ArrayList<>();
        List<Parameter> parameters = new java.util.ArrayList<>();
        List<Reaction> reactions = new java.util.ArrayList<>();
        double rate = 0;
        for (int i = 0; i < ISOMERS; i++) {
            int next = (i + 1) % ISOMERS;
            species.add(new Species("S" + i, 1000, false));
            parameters.add(new Parameter("f" + i, 1 + 0.1 * i, 0, 10, ""));
            parameters.add(new Parameter("b" + i, 0.5, 0, 10, ""));
            reactions.add(new Reaction("S" + i + " to S" + next, "S" + i + " -> S" + next, "f" + i, null));
            reactions.add(new Reaction("S" + next + " to S" + i, "S" + next + " -> S" + i, "b" + i, null));
            rate += 1000 * (1 + 0.1 * i + 0.5);   // total propensity at the start, near its value throughout
        }
        Model ring = new Model("isomer ring", "", species, parameters, new SystemSize(1, 1, 1), reactions);
        return ssaEventsPerSecond(ring, 1, 1, events / rate);
    }

    /**
     * SSA throughput on a Multistate-like signalling network, one thread, Ω = 1: a ligand L binds a
     * receptor with two phosphorylation sites (free R_ab and bound LR_ab, a, b ∈ {0, 1}); bound
     * receptors phosphorylate either site, any receptor loses either phosphate, and the doubly
     * phosphorylated bound receptor makes a signal S that decays: 10 species, 22 reactions of
     * orders 0 to 2, where an event changes one to three species (a binding changes L and so
     * the propensities of all four bindings). Unlike the isomer ring, the reactions differ in
     * order and in how many propensities an event touches, as in the DSMTS and Multistate
     * benchmarks. Started near its stationary mix; about {@code events} events per run (the
     * total propensity at the start times the run's length; the line reports the events counted).
     */
    private Map<String, Object> ssaMultistate(double events) {
        List<Species> species = new java.util.ArrayList<>();
        List<Parameter> parameters = List.of(new Parameter("kon", 1e-3, 0, 1, "binding, per ligand–receptor pair"),
                new Parameter("koff", 0.5, 0, 10, "unbinding"), new Parameter("kp", 1, 0, 10, "phosphorylation of a bound receptor's site"),
                new Parameter("kdp", 0.3, 0, 10, "loss of a phosphate"), new Parameter("ks", 2, 0, 10, "signal made by LR11"),
                new Parameter("kds", 0.1, 0, 10, "signal decay"));
        List<Reaction> reactions = new java.util.ArrayList<>();
        species.add(new Species("L", 2000, false));
        for (String bound : List.of("", "L")) for (String state : List.of("00", "10", "01", "11")) species.add(new Species(bound + "R" + state, 100, false));
        species.add(new Species("S", 2000, false));
        for (String st : List.of("00", "10", "01", "11")) {
            reactions.add(new Reaction("bind " + st, "L + R" + st + " -> LR" + st, "kon", null));
            reactions.add(new Reaction("unbind " + st, "LR" + st + " -> L + R" + st, "koff", null));
        }
        for (String b : List.of("0", "1")) {
            reactions.add(new Reaction("phosphorylate site 1 (" + b + ")", "LR0" + b + " -> LR1" + b, "kp", null));
            reactions.add(new Reaction("phosphorylate site 2 (" + b + ")", "LR" + b + "0 -> LR" + b + "1", "kp", null));
            for (String bound : List.of("", "L")) {
                reactions.add(new Reaction("dephosphorylate site 1 (" + bound + b + ")", bound + "R1" + b + " -> " + bound + "R0" + b, "kdp", null));
                reactions.add(new Reaction("dephosphorylate site 2 (" + bound + b + ")", bound + "R" + b + "1 -> " + bound + "R" + b + "0", "kdp", null));
            }
        }
        reactions.add(new Reaction("signal", "LR11 -> LR11 + S", "ks", null));
        reactions.add(new Reaction("signal decay", "S -> 0", "kds", null));
        Model network = new Model("multistate", "", species, parameters, new SystemSize(1, 1, 1), reactions);
        org.kmlab.model.Propensities a = network.propensities();
        double[] env = a.newEnvironment();
        long[] n0 = network.initialCounts();
        for (int s = 0; s < n0.length; s++) env[s] = n0[s];
        double rate = 0;
        for (int r = 0; r < a.size(); r++) rate += a.propensity(r, env);
        return ssaEventsPerSecond(network, 1, 1, events / rate);
    }

    /**
     * The single-thread birth–death line with the C yardstick measured right before and after it
     * ({@code yardsticks/ssa_bd.c} under the {@code kmlab.shared} folder, default {@code ../shared},
     * built with gcc -O2): {@code cEventsPerSecond} (the better of the two runs) and
     * {@code ratioToC}. Absolute speeds drift on a shared machine; the ratio in one run does not.
     * Without the source or a compiler, or with --quick, the line says why in {@code yardstick}.
     */
    private Map<String, Object> withYardstick(Supplier<Map<String, Object>> body) {
        if (quick) {
            Map<String, Object> m = body.get();
            m.put("yardstick", "not run with --quick");
            return m;
        }
        Path source = Path.of(System.getProperty("kmlab.shared", "../shared"), "yardsticks", "ssa_bd.c");
        Path dir = null;
        try {
            if (!Files.isRegularFile(source)) return with(body.get(), "yardstick", "no " + source);
            dir = Files.createTempDirectory("kmlab-yardstick");
            Path exe = dir.resolve("ssa_bd");
            String built = runProcess(List.of("gcc", "-O2", "-o", exe.toString(), source.toString(), "-lm"));
            if (built == null) return with(body.get(), "yardstick", "gcc could not build " + source);
            double before = parseRate(runProcess(List.of(exe.toString(), "2")));
            Map<String, Object> m = body.get();
            double after = parseRate(runProcess(List.of(exe.toString(), "2")));
            double c = Math.max(before, after);
            if (!(c > 0)) return with(m, "yardstick", source + " printed no rate");
            m.put("cEventsPerSecond", Math.round(c));
            m.put("ratioToC", round3(((Number) m.get("eventsPerSecond")).doubleValue() / c));
            return m;
        } catch (java.io.IOException e) {
            return with(body.get(), "yardstick", KmlabCommand.oneLine(e.getMessage()));
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }

    /** A process's standard output, or null when it could not start or exited non-zero. */
    private static String runProcess(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? text : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static double parseRate(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Events per second of the SSA on {@code model} to {@code tEnd}: best of {@value #SSA_RUNS} runs after a warm-up. */
    private Map<String, Object> ssaEventsPerSecond(Model model, int threads, int trajectories, double tEnd) {
        Solver ssa = solver("ssa");
        SolverOptions options = SolverOptions.defaults().withThreads(threads).withKeepSamples(0);
        solve(ssa, new Problem(model, new double[] {0, tEnd / 10}, trajectories, 1, options));
        double best = 0;
        long events = 0;
        for (int run = 0; run < (quick ? 1 : SSA_RUNS); run++) {
            long start = System.nanoTime();
            SolverResult r = solve(ssa, new Problem(model, new double[] {0, tEnd}, trajectories, 2 + run, options));
            double wall = (System.nanoTime() - start) * 1e-9;
            Number reportedEvents = number(r, "events");
            Number reportedWall = number(r, "wallSeconds");
            if (reportedEvents == null) throw new SolverException("ssa reports no events");
            double seconds = reportedWall != null && reportedWall.doubleValue() > 0 ? reportedWall.doubleValue() : wall;
            best = Math.max(best, reportedEvents.doubleValue() / seconds);
            events = reportedEvents.longValue();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventsPerSecond", Math.round(best));
        m.put("trajectories", trajectories);
        m.put("events", events);
        m.put("runs", quick ? 1 : SSA_RUNS);
        return m;
    }

    /** Cells across the 1-D Fokker–Planck box: the solver's default (100 with --quick). */
    private int fpCells() { return quick ? 100 : ChangCooperFokkerPlanck1D.DEFAULT_CELLS; }

    private int fp2dCells() { return quick ? 64 : 256; }

    private double cmePredatorPreyTEnd() { return quick ? 0.1 : 10; }

    /**
     * 1-D Fokker–Planck on the birth–death preset at system size Ω from X0 = 0 to t = 10, 11
     * outputs, error estimate included (it is part of every run): best wall and best CPU time
     * (the solver is single-threaded) after {@value #FP_WARMUPS} warm-up runs, the run's steps
     * and its largest error estimate.
     */
    private Map<String, Object> fpBirthDeath(double omega) {
        Preset preset = ModelLibrary.standard().load("birth-death");
        Problem p = new Problem(preset.model().with("Omega", omega), Problem.uniformTimes(10, 11), 1, preset.run().seed(),
                SolverOptions.defaults().withGridCells(fpCells()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("millis", round3(bestMillis(solver("fp"), p, FP_WARMUPS)));
        m.put("cpuMillis", round3(bestCpuMillis(solver("fp"), p)));
        SolverResult r = solve(solver("fp"), p);
        m.put("steps", r.info().get("steps"));
        m.put("errorEstimate", r.info().get("errorEstimate"));
        return m;
    }

    /** Birth–death at Ω = 1000 (10 with --quick), k1 = 10, k2 = 1, from X0 = 0. */
    private int cmeBirthDeathOmega() { return quick ? 10 : 1000; }

    /**
     * Master equation on the birth–death preset at Ω = 1000 from 0 to t = 5 with 101 outputs: the
     * problem of the scipy yardstick {@code cme_bd_bdf.py 10 1 1000 5 101}.
     */
    private Map<String, Object> cmeBirthDeath() {
        Preset preset = ModelLibrary.standard().load("birth-death");
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
        FokkerPlanck2D fp = FokkerPlanck2D.prepare(ModelLibrary.standard().load("predator-prey").model(), 10, cells);
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
     * The whole 2-D Fokker–Planck run on predator–prey (Ω = 100) to t = 10 (0.1 with --quick), 101
     * outputs, the default grid and its check grid (two threads at most): the first (cold) run's
     * seconds, then the best of up to three more; with the run's steps and its error estimate.
     */
    private Map<String, Object> fp2dPredatorPrey() {
        Problem p = presetProblem("predator-prey", cmePredatorPreyTEnd(), 101, 1, SolverOptions.defaults());
        return firstAndBest(solver("fp"), p, (m, r) -> {
            for (String k : new String[] {"steps", "errorEstimate", "maxCells"}) m.put(k, r.info().get(k));
        });
    }

    /**
     * Seconds of the first (cold) run and the best of up to three more (while under 30 s in all),
     * then what {@code facts} takes from the last run's result.
     */
    private static Map<String, Object> firstAndBest(Solver solver, Problem p, java.util.function.BiConsumer<Map<String, Object>, SolverResult> facts) {
        long start = System.nanoTime();
        SolverResult r = solve(solver, p);
        double first = (System.nanoTime() - start) * 1e-9, best = first, spent = first;
        for (int run = 0; run < 3 && spent < 30; run++) {
            start = System.nanoTime();
            r = solve(solver, p);
            double s = (System.nanoTime() - start) * 1e-9;
            best = Math.min(best, s);
            spent += s;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", round3(best));
        m.put("firstSeconds", round3(first));
        facts.accept(m, r);
        return m;
    }

    /**
     * Master equation on predator–prey (Ω = 100) to t = 10 (0.1 with --quick), 101 outputs, all
     * cores: the first (cold) run's seconds, then the best of up to three more.
     */
    private Map<String, Object> cmePredatorPrey() {
        return firstAndBest(solver("cme"), presetProblem("predator-prey", cmePredatorPreyTEnd(), 101, 1, SolverOptions.defaults()), BenchCommand::putInfo);
    }

    private int kmPoints() { return quick ? 10_000 : 1_000_000; }

    private int kmTrajectories() { return quick ? 200 : 10_000; }

    /**
     * {@code kmlab km series.csv --out DIR} end to end (read, file the increments, estimate, Pawula,
     * the Fokker–Planck check, write km.csv and km.json) on an Ornstein–Uhlenbeck series of
     * {@link #kmPoints} samples (θ = 1, D = 0.5, every 0.01), in process: best of 3 runs after a
     * warm-up; {@code firstSeconds} is the warm-up's (a cold JVM, as a one-off command sees it).
     */
    private Map<String, Object> kmCsv(String estimator) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kmlab-bench");
            Path csv = dir.resolve("series.csv");
            try (java.io.Writer w = Files.newBufferedWriter(csv)) {
                java.util.SplittableRandom r = new java.util.SplittableRandom(1);
                double x = 0, a = Math.exp(-0.01), sd = Math.sqrt(0.5 * (1 - a * a) / 2);
                StringBuilder line = new StringBuilder("t,x\n");
                for (int i = 0; i < kmPoints(); i++) {
                    line.append(i * 0.01).append(',').append(x).append('\n');
                    if (line.length() > 1 << 16) { w.append(line); line.setLength(0); }
                    x = a * x + sd * r.nextGaussian();
                }
                w.append(line);
            }
            String[] args = {"km", csv.toString(), "--estimator", estimator, "--out", dir.resolve("out").toString()};
            java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
            double first = Double.NaN, best = Double.POSITIVE_INFINITY;
            for (int run = 0; run < (quick ? 2 : 4); run++) {
                long start = System.nanoTime();
                int exit = KmlabCommand.execute(args, quiet, quiet, solvers);
                double seconds = (System.nanoTime() - start) * 1e-9;
                if (exit != 0) throw new SolverException("km exited " + exit);
                if (run == 0) first = seconds;
                else best = Math.min(best, seconds);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seconds", round3(best));
            m.put("firstSeconds", round3(first));
            m.put("fileMegabytes", round3(Files.size(csv) / 1e6));
            return m;
        } catch (java.io.IOException e) {
            throw new SolverException("km bench: " + e.getMessage());
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /**
     * What the Kramers–Moyal estimator adds to an SSA run: birth–death (the preset: k1 = 10,
     * k2 = 1, Ω = 1, to t = 10) with {@link #kmTrajectories} trajectories, with and without the
     * estimator on the fine-step hook at the default Δt (0.02: 500 fine steps per trajectory, four
     * lags); best of 3 runs each after a warm-up, alternating.
     */
    private Map<String, Object> kmSsa(int threads) {
        Model model = ModelLibrary.standard().load("birth-death").model();
        double tEnd = 10, dt = org.kmlab.run.km.KmSettings.defaultDt(model, tEnd);
        Solver ssa = solver("ssa");
        double plain = Double.POSITIVE_INFINITY, watched = Double.POSITIVE_INFINITY;
        for (int run = 0; run < (quick ? 2 : 4); run++) {
            for (boolean observe : new boolean[] {false, true}) {
                SolverOptions o = SolverOptions.defaults().withThreads(threads).withKeepSamples(0);
                if (observe) {
                    o = o.withFineStepObserver(new org.kmlab.run.km.EnsembleIncrements(dt, org.kmlab.run.km.CellGrid.forEnsemble(model, tEnd, true), "SSA", 10, 0));
                }
                long start = System.nanoTime();
                solve(ssa, new Problem(model, Problem.uniformTimes(tEnd, 11), kmTrajectories(), 1 + run, o));
                double seconds = (System.nanoTime() - start) * 1e-9;
                if (run == 0) continue;   // warm-up
                if (observe) watched = Math.min(watched, seconds);
                else plain = Math.min(plain, seconds);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("secondsWithout", round3(plain));
        m.put("secondsWith", round3(watched));
        m.put("ratio", round3(watched / plain));
        m.put("dt", dt);
        return m;
    }

    private Solver solver(String id) {
        Solver s = solvers.byId(id);
        return s;
    }

    private static Problem presetProblem(String preset, double tEnd, int samples, int trajectories, SolverOptions options) {
        Preset p = ModelLibrary.standard().load(preset);
        return new Problem(p.model(), Problem.uniformTimes(tEnd, samples), trajectories, p.run().seed(), options);
    }

    private static SolverResult solve(Solver solver, Problem p) {
        if (!solver.supports(p.model())) throw new SolverException(solver.id() + ": not supported for this model");
        return solver.solve(p, SnapshotListener.NONE, CancellationToken.none());
    }

    /** Best wall time of several runs after warm-ups, in milliseconds. */
    private double bestMillis(Solver solver, Problem p) { return bestMillis(solver, p, 2); }

    /**
     * The same after {@code warmups} warm-up runs: a solver whose run is short (a hundred time
     * steps) needs more of them before the JIT has compiled its loops.
     */
    private double bestMillis(Solver solver, Problem p, int warmups) {
        if (quick) warmups = 1;
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

    /**
     * Best CPU time of the calling thread over several runs (after the warm-ups {@link #bestMillis}
     * did), in milliseconds: on a machine shared with other work, wall time measures the queue.
     */
    private double bestCpuMillis(Solver solver, Problem p) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int runs = quick ? 1 : 5;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < runs; i++) {
            long start = threads.getCurrentThreadCpuTime();
            solve(solver, p);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) * 1e-6);
        }
        return best;
    }

    private static Number number(SolverResult r, String key) {
        Object v = r.info().get(key);
        return v instanceof Number n ? n : null;
    }

    private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }
}
