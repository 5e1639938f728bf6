package org.kmlab.cli;

import org.kmlab.chart.ChartSet;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.PaneKind;
import org.kmlab.chart.Panes;
import org.kmlab.export.ExportException;
import org.kmlab.export.FigureFiles;
import org.kmlab.export.FigureFormat;
import org.kmlab.export.FigureSize;
import org.kmlab.export.PaneFigures;
import org.kmlab.export.PngFigureWriter;
import org.kmlab.export.PublicationStyle;
import org.kmlab.export.data.OutputFolder;
import org.kmlab.export.data.PassageFiles;
import org.kmlab.model.Environment;
import org.kmlab.export.data.SweepFiles;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.RunSettings;
import org.kmlab.run.SolverRegistry;
import org.kmlab.run.sweep.PassageProblem;
import org.kmlab.run.sweep.PassageResult;
import org.kmlab.run.sweep.PassageRun;
import org.kmlab.run.sweep.PassageSweep;
import org.kmlab.run.sweep.SolverSeries;
import org.kmlab.run.sweep.SweepRequest;
import org.kmlab.run.sweep.SweepResult;
import org.kmlab.run.sweep.SweepRun;
import org.kmlab.run.sweep.SystemSizeSweep;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code kmlab sweep PRESET --param Omega --values 1,3,10,30,100 [--t T] --out DIR}: the system-size
 * sweep ({@link SystemSizeSweep}) on the command line, writing {@code DIR/sweep.csv} and
 * {@code DIR/sweep.json} ({@link SweepFiles}) together or not at all. The preset and run flags
 * mean what they mean for {@code run}; the solvers default to cme, fp, lna. All input is checked
 * before any work starts; bad input exits 2 with one line.
 */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sweep a parameter (Omega by default) and measure each solver's L1 and Hellinger distance to the master equation at time T,",
                "with log-log slopes, and the Kramers-Moyal coefficients at the fixed point; writes DIR/sweep.csv and DIR/sweep.json.",
                "With --quantity passage: the mean first-passage time T into the preset's absorbing set (or between the two wells of a",
                "bistable model) against Omega, from the exact one-step sum, each solver (ssa only within a budget of events) and Kramers'",
                "formula, with the fitted exponent S of T ~ exp(S*Omega); writes DIR/passage.csv and DIR/passage.json."},
        footer = {"", "Example: kmlab sweep birth-death --values 3,10,30,100 --out out/sweep",
                "         kmlab sweep logistic --quantity passage --values 2,5,10,20,40 --out out/passage --figure png",
                "Exit status: 0 done; 2 bad input (one line on stderr, no files written); 1 internal error; 130 interrupted (no files written)."})
final class SweepCommand implements Callable<Integer> {
    private static final double QUIET_SECONDS = 1, INTERVAL_SECONDS = 2;

    @Spec private CommandSpec spec;

    @Mixin private RunFlags flags = new RunFlags();

    @Option(names = "--param", paramLabel = "NAME", defaultValue = "Omega",
            description = "the name to sweep: a parameter, Omega (system size; every value starts from the same x0 = X0/Omega, its counts round(x0*Omega)) or an initial count such as X0 (default: ${DEFAULT-VALUE})")
    private String parameter;

    @Option(names = "--quantity", paramLabel = "Q", defaultValue = "distances",
            description = "what is swept: distances (to the master equation at T) or passage (the mean first-passage time against Omega; default: ${DEFAULT-VALUE})")
    private String quantity;

    @Option(names = "--values", required = true, split = ",", paramLabel = "V", description = "the values, comma-separated, each > 0 (e.g. 1,3,10,30,100)")
    private List<String> values;

    @Option(names = "--t", paramLabel = "T", description = "the time at which the distances are measured; every run goes from 0 to T (default: --t-end, else the preset's end time)")
    private Double time;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    private String out;

    @Option(names = "--figure", paramLabel = "FORMAT", description = "also write DIR/sweep.FORMAT (png, svg or pdf): the sweep pane in the publication style, a double column wide")
    private String figure;

    private final SolverRegistry solvers;

    SweepCommand(SolverRegistry solvers) { this.solvers = solvers; }

    @Override public Integer call() throws IOException, InterruptedException {
        String q = quantity.strip().toLowerCase(Locale.ROOT);
        if (q.equals("passage")) return passage();
        if (!q.equals("distances")) throw new UserInputException("--quantity: '" + quantity + "': use distances or passage");
        if (flags.samples != null) throw new UserInputException("--samples: a sweep compares the solvers at T only; leave it out");
        Preset p = flags.preset();
        Model model = flags.model(p);
        if (flags.solvers == null) flags.solvers = SweepRequest.DEFAULT_SOLVERS;
        RunSettings settings = flags.settings(p, solvers);
        double t = time != null ? checkedTime(time) : settings.tEnd();
        SweepRequest request = SweepRequest.of(model, parameter, parse(values), t, settings, solvers);
        FigureFormat figureFormat = figure == null ? null : figureFormat(figure);
        OutputFolder folder = OutOption.prepare(out);

        PrintWriter err = spec.commandLine().getErr();
        int threads = flags.threads > 0 ? flags.threads : Runtime.getRuntime().availableProcessors();
        try (Workers pool = Workers.pool("sweep", threads); FolderGuard guard = new FolderGuard(folder, err)) {
            SweepRun run = new SystemSizeSweep(solvers).start(request, pool);
            guard.stopWith(run::cancel);
            SweepResult result = follow(run, err);
            if (result.state() == SweepResult.State.CANCELLED) throw new CancelledException();
            reportGaps(result, err);
            SweepFiles.stage(folder, p.id(), request, result);
            commit(folder, SweepFiles.CSV + ", " + SweepFiles.JSON_FILE, "sweep", model, Panes.SWEEP, SweepResult.class, result, figureFormat);
            PrintWriter o = spec.commandLine().getOut();
            o.println("kmlab: slopes against " + result.parameter() + ": " + slopes(result));
            o.flush();
            return KmlabCommand.OK;
        }
    }

    /** {@code --quantity passage}: T(Ω) from each source, into passage.csv and passage.json (and passage.FORMAT). */
    private int passage() throws IOException, InterruptedException {
        if (flags.samples != null) throw new UserInputException("--samples: a passage sweep computes mean times only; leave it out");
        if (time != null) throw new UserInputException("--t: a passage sweep has no comparison time; leave it out");
        if (!Environment.OMEGA.equals(parameter)) throw new UserInputException("--param: the mean first-passage time is swept over Omega only, got '" + parameter + "'");
        Preset p = flags.preset();
        Model model = flags.model(p);
        String why = PassageProblem.unsupportedReason(model, p.id());
        if (why != null) throw new UserInputException(why);
        if (flags.solvers == null) flags.solvers = PassageSweep.DEFAULT_SOLVERS;
        RunSettings settings = flags.settings(p, solvers);
        PassageSweep sweep = new PassageSweep(solvers);
        PassageSweep.Request request = sweep.request(model, parse(values), settings);
        FigureFormat figureFormat = figure == null ? null : figureFormat(figure);
        OutputFolder folder = OutOption.prepare(out);
        PrintWriter err = spec.commandLine().getErr();
        int threads = flags.threads > 0 ? flags.threads : Runtime.getRuntime().availableProcessors();
        try (Workers pool = Workers.pool("passage", threads); FolderGuard guard = new FolderGuard(folder, err)) {
            PassageRun run = sweep.start(request, pool);
            guard.stopWith(run::cancel);
            long start = System.nanoTime(), last = start;
            while (!run.waitFor(200)) {
                long now = System.nanoTime();
                if ((now - start) * 1e-9 < QUIET_SECONDS || (now - last) * 1e-9 < INTERVAL_SECONDS) continue;
                last = now;
                PassageResult so = run.result();
                err.printf(Locale.ROOT, "sweep %3d%%  (%d of %d values done)%n", (int) Math.floor(100 * run.progress()), so.finishedCount(), so.size());
                err.flush();
            }
            PassageResult result = run.await();
            if (result.state() == SweepResult.State.CANCELLED) throw new CancelledException();
            for (PassageResult.Series s : result.series()) {
                for (int i = 0; i < result.size(); i++) {
                    if (!s.notes()[i].isEmpty()) err.println("kmlab: " + s.id() + " at Omega = " + format(result.values()[i]) + ": " + s.notes()[i]);
                }
            }
            PassageFiles.stage(folder, p.id(), model, result);
            commit(folder, PassageFiles.CSV + ", " + PassageFiles.JSON_FILE, "passage", model, Panes.PASSAGE_SWEEP, PassageResult.class, result, figureFormat);
            PrintWriter o = spec.commandLine().getOut();
            List<String> parts = new ArrayList<>();
            for (PassageResult.Series s : result.series()) parts.add(s.id() + " " + (s.fit().exists() ? String.format(Locale.ROOT, "%.4f", s.fit().rate()) : "none"));
            o.println("kmlab: exponent S of T ~ exp(S*Omega): " + String.join("; ", parts));
            o.flush();
            return KmlabCommand.OK;
        }
    }

    private static FigureFormat figureFormat(String name) {
        try {
            FigureFormat f = FigureFormat.named(name);
            if (f == FigureFormat.GIF) throw new UserInputException("--figure: a sweep is a still picture; use png, svg or pdf");
            return f;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--figure: " + e.getMessage());
        }
    }

    /**
     * Stages the sweep's figure {@code stem.FORMAT} beside the data files already staged (when a
     * format was asked for), commits the folder and says what it holds.
     */
    private void commit(OutputFolder folder, String dataFiles, String stem, Model model, PaneKind pane, Class<?> kind, Object result,
                        FigureFormat format) throws IOException {
        String written = dataFiles;
        if (format != null) {
            String name = stem + "." + format.extension();
            folder.stage(name, o -> writeFigure(model, pane, kind, result, format, o));
            written += ", " + name;
        }
        folder.commit();
        spec.commandLine().getOut().println("kmlab: wrote " + folder.dir() + " (" + written + ")");
    }

    /** A sweep's pane as the window draws it, in the publication style, written through a temporary file into the staged one. */
    private static void writeFigure(Model model, PaneKind pane, Class<?> kind, Object result, FigureFormat format, OutputStream out) throws IOException {
        ChartSet charts = new ChartSet(model, ChartStyle.light());
        double t = result instanceof SweepResult r ? r.time() : 1;   // a passage sweep has no time: any positive end for the run panes beside it
        charts.show(charts.frame(model, t, null, -1, Set.of(), Map.of(kind, result)));
        Path tmp = Files.createTempFile("kmlab-sweep", "." + format.extension());
        try {
            FigureFiles.write(PaneFigures.of(charts, List.of(pane), FigureSize.DOUBLE, PublicationStyle.DEFAULT), format, tmp, PngFigureWriter.DEFAULT_DPI);
            Files.copy(tmp, out);
        } catch (ExportException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Waits for the sweep, with a sparse progress line on stderr once it takes more than a second. */
    private static SweepResult follow(SweepRun run, PrintWriter err) throws InterruptedException {
        long start = System.nanoTime(), last = start;
        while (!run.waitFor(200)) {
            long now = System.nanoTime();
            if ((now - start) * 1e-9 < QUIET_SECONDS || (now - last) * 1e-9 < INTERVAL_SECONDS) continue;
            last = now;
            SweepResult so = run.result();
            err.printf(Locale.ROOT, "sweep %3d%%  (%d of %d values done)%n", (int) Math.floor(100 * run.progress()), so.finishedCount(), so.size());
            err.flush();
        }
        return run.await();
    }

    /** Names values without a distance on stderr; refuses a sweep that measured nothing at all. */
    private static void reportGaps(SweepResult r, PrintWriter err) {
        boolean any = false;
        String first = null;
        for (SolverSeries s : r.series()) {
            for (int i = 0; i < r.size(); i++) {
                if (Double.isFinite(s.l1()[i])) { any = true; continue; }
                String note = s.notes()[i].isEmpty() ? "no distance" : s.notes()[i];
                if (first == null) first = s.id() + " at " + r.parameter() + " = " + format(r.values()[i]) + ": " + note;
                err.println("kmlab: " + s.id() + " at " + r.parameter() + " = " + format(r.values()[i]) + ": " + note);
            }
        }
        if (!any) throw new UserInputException("the sweep measured no distance (" + first + ")");
    }

    private static String slopes(SweepResult r) {
        List<String> parts = new ArrayList<>();
        for (SolverSeries s : r.series()) {
            parts.add(String.format(Locale.ROOT, "%s L1 %s, Hellinger %s", s.id(), slope(s.l1Fit().slope()), slope(s.hellingerFit().slope())));
        }
        return String.join("; ", parts);
    }

    private static String slope(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "none"; }

    private static String format(double v) { return String.format(Locale.ROOT, "%.6g", v); }

    private static double checkedTime(double t) {
        if (!(t > 0) || Double.isInfinite(t)) throw new UserInputException("--t: must be a finite number > 0, got " + t);
        return t;
    }

    private static double[] parse(List<String> texts) {
        List<Double> out = new ArrayList<>();
        for (String text : texts) {
            String v = text.strip();
            if (v.isEmpty()) continue;
            try {
                out.add(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                throw new UserInputException("--values: '" + v + "' is not a number");
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

}
