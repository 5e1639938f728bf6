package org.kmlab.cli;

import org.kmlab.export.data.KmFiles;
import org.kmlab.export.data.OutputFolder;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.RunSettings;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;
import org.kmlab.run.km.CellGrid;
import org.kmlab.run.km.EnsembleIncrements;
import org.kmlab.run.km.IncrementTable;
import org.kmlab.run.km.Kernel;
import org.kmlab.run.km.KmAnalysis;
import org.kmlab.run.km.KmEstimate;
import org.kmlab.run.km.KmSettings;
import org.kmlab.run.km.SeriesCsv;
import org.kmlab.run.km.SeriesException;
import org.kmlab.run.km.SeriesIncrements;
import org.kmlab.run.km.TimeSeries;
import org.kmlab.solve.Density1D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kmlab km (PRESET|series.csv) ... --out DIR}: Kramers–Moyal coefficients estimated from
 * trajectories (a preset: the SSA, or the CLE, with the fine-step hook) or from a user's time
 * series (CSV), with Pawula's test and the Fokker–Planck check; writes {@code DIR/km.csv} and
 * {@code DIR/km.json} ({@link KmFiles}), together or not at all.
 */
@Command(name = "km", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Estimate Kramers–Moyal coefficients D_k = M_k/k! from trajectories of a preset (SSA or CLE) or from a",
                "time series (CSV: a time column and one or two value columns); write DIR/km.csv and DIR/km.json",
                "with Pawula's test (does D₄ vanish as Δt → 0?) and a Fokker–Planck model built from the estimates."},
        footer = {"", "Exit status: 0 done; 2 bad input (one line on stderr, no files written); 1 internal error; 130 interrupted."})
final class KmCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Mixin private RunFlags flags = new RunFlags();

    @Option(names = "--order", paramLabel = "K", defaultValue = "4", description = "highest order in km.csv, 1 to 6 (default: ${DEFAULT-VALUE})")
    private int order;

    @Option(names = "--dt", paramLabel = "DT", description = "the time step Δt of the increments (default: a fiftieth of the drift's time for a preset, the sampling step for a series)")
    private Double dt;

    @Option(names = "--estimator", paramLabel = "NAME", defaultValue = "binned", description = "binned or kernel (Nadaraya–Watson) (default: ${DEFAULT-VALUE})")
    private String estimator;

    @Option(names = "--kernel", paramLabel = "NAME", description = "epanechnikov or gaussian, with --estimator kernel (default: epanechnikov)")
    private String kernel;

    @Option(names = "--bandwidth", paramLabel = "B", description = "the kernel's bandwidth in x units (default: Silverman's rule)")
    private Double bandwidth;

    @Option(names = "--bins", paramLabel = "N", description = "bins of the binned estimator, 2 to " + CellGrid.MAX_CELLS + " (default: 30)")
    private Integer bins;

    @Option(names = "--correction", description = "extrapolate to Δt → 0 (a weighted line through Δt, 2Δt, 3Δt, 4Δt)")
    private boolean correction;

    @Option(names = "--source", paramLabel = "SOLVER", defaultValue = "ssa", description = "for a preset: ssa or cle (default: ${DEFAULT-VALUE})")
    private String source;

    @Option(names = "--column", paramLabel = "NAME", description = "for a series with two value columns: the one to estimate (default: the first)")
    private String column;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    private String out;

    private final SolverRegistry solvers;

    KmCommand(SolverRegistry solvers) { this.solvers = solvers; }

    @Override public Integer call() throws IOException {
        long start = System.nanoTime();
        KmSettings settings = settings();
        boolean series = flags.preset.toLowerCase(Locale.ROOT).endsWith(".csv");
        if (flags.solvers != null) throw new UserInputException("--solvers: km runs one solver; choose it with --source ssa or --source cle");
        if (series) refuseRunFlags();
        else if (column != null) throw new UserInputException("--column: for a series CSV; a preset's model has its own species");
        OutputFolder folder = OutOption.prepare(out);   // before the work: a folder that cannot be written is said at once
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> facts = new LinkedHashMap<>();
        KmEstimate e;
        try (FolderGuard guard = new FolderGuard(folder, err)) {
            Model model = null;
            if (series) {
                e = fromSeries(settings, facts);
            } else {
                Preset p = flags.preset();
                model = flags.model(p);
                e = fromPreset(p, model, settings, facts);
            }
            KmEstimate estimate = e;
            Model analytic = model;
            double seconds = (System.nanoTime() - start) * 1e-9;
            folder.stage("km.csv", o -> KmFiles.writeCsv(estimate, analytic, o));
            folder.stage("km.json", o -> KmFiles.writeJson(estimate, facts, seconds, o));   // last: its presence means km.csv is there
            folder.commit();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("kmlab: wrote " + folder.dir() + " (km.csv, km.json)");
        o.println("kmlab: " + e.pawula().line());
        o.println("kmlab: " + (e.fp() != null ? e.fp().line() : "no Fokker–Planck check: " + e.fpProblem()));
        o.flush();
        return KmCommand.OK;
    }

    private static final int OK = KmlabCommand.OK;

    private KmSettings settings() {
        if (order < 1 || order > 6) throw new UserInputException("--order: must be from 1 to 6, got " + order);
        if (dt != null && !(dt > 0 && dt < Double.POSITIVE_INFINITY)) throw new UserInputException("--dt: must be a number > 0, got " + dt);
        if (bins != null && (bins < 2 || bins > CellGrid.MAX_CELLS)) throw new UserInputException("--bins: must be from 2 to " + CellGrid.MAX_CELLS + ", got " + bins);
        KmSettings s = KmSettings.defaults().withMaxOrder(order).withCorrection(correction);
        if (dt != null) s = s.withDt(dt);
        if (bins != null) s = s.withBins(bins);
        switch (estimator.strip().toLowerCase(Locale.ROOT)) {
            case "binned" -> {
                if (kernel != null) throw new UserInputException("--kernel: for --estimator kernel; the binned estimator has none");
                if (bandwidth != null) throw new UserInputException("--bandwidth: for --estimator kernel; the binned estimator has bins (--bins)");
            }
            case "kernel" -> {
                Kernel k = Kernel.EPANECHNIKOV;
                if (kernel != null) {
                    k = switch (kernel.strip().toLowerCase(Locale.ROOT)) {
                        case "epanechnikov" -> Kernel.EPANECHNIKOV;
                        case "gaussian" -> Kernel.GAUSSIAN;
                        default -> throw new UserInputException("--kernel: unknown kernel '" + kernel + "': use epanechnikov or gaussian");
                    };
                }
                s = s.withKernel(k);
                if (bandwidth != null) {
                    if (!(bandwidth > 0 && bandwidth < Double.POSITIVE_INFINITY)) throw new UserInputException("--bandwidth: must be a number > 0, got " + bandwidth);
                    s = s.withBandwidth(bandwidth);
                }
            }
            default -> throw new UserInputException("--estimator: unknown estimator '" + estimator + "': use binned or kernel");
        }
        return s;
    }

    /** The run flags mean nothing for a series: refused, not ignored. */
    private void refuseRunFlags() {
        if (!flags.sets.isEmpty()) throw new UserInputException("--set: for a preset; a series has no parameters");
        if (flags.tEnd != null || flags.samples != null || flags.trajectories != null || flags.seed != null || flags.fpCells != null) {
            throw new UserInputException("--t-end, --samples, --trajectories, --seed and --fp-cells are for a preset; a series is already recorded");
        }
        if (!source.equals("ssa")) throw new UserInputException("--source: for a preset; a series is its own source");
    }

    private KmEstimate fromSeries(KmSettings settings, Map<String, Object> facts) {
        Path file;
        try {
            file = Path.of(flags.preset);
        } catch (InvalidPathException ex) {
            throw new UserInputException(flags.preset + ": not a valid path");
        }
        try {
            TimeSeries s = SeriesCsv.read(file);
            int c = 0;
            if (column != null) {
                c = s.columnIndex(column);
                if (c < 0) throw new UserInputException("--column: no column '" + column + "' in " + s.name() + " (columns: " + String.join(", ", s.columns()) + ")");
            }
            IncrementTable table = SeriesIncrements.of(s, c, dt == null ? Double.NaN : dt);
            facts.put("kind", "series");
            facts.put("file", file.toAbsolutePath().toString());
            facts.put("column", s.columns().get(c));
            facts.put("samples", s.size());
            facts.put("regular", s.isRegular());
            facts.put("samplingStep", s.medianStep());
            KmEstimate e = KmAnalysis.estimate(table, settings);
            return KmAnalysis.checkedAgainstSeries(e, s.column(c));
        } catch (SeriesException | IllegalArgumentException ex) {
            throw new UserInputException(ex.getMessage(), ex);
        }
    }

    private KmEstimate fromPreset(Preset p, Model model, KmSettings settings, Map<String, Object> facts) {
        String id = source.strip().toLowerCase(Locale.ROOT);
        if (!id.equals("ssa") && !id.equals("cle")) throw new UserInputException("--source: unknown source '" + source + "': use ssa or cle");
        if (!solvers.has(id)) throw new UserInputException("--source: " + solvers.unknown(id));
        if (model.speciesCount() != 1) {
            throw new UserInputException(p.id() + ": Kramers–Moyal estimation needs a model with 1 species; this one has " + model.speciesCount());
        }
        RunSettings run = flags.settings(p, solvers).withSolvers(List.of(id));
        double step = settings.dtFor(model, run.tEnd());
        if (step * 4 > run.tEnd()) throw new UserInputException(String.format(Locale.ROOT, "--dt: %.4g is too long for a run to t = %.4g (4·Δt must fit)", step, run.tEnd()));
        EnsembleIncrements observer = new EnsembleIncrements(step, CellGrid.forEnsemble(model, run.tEnd(), id.equals("ssa")),
                id.toUpperCase(Locale.ROOT), run.samples() - 1, 0);
        Run done;
        try (SimulationService service = SimulationService.sameThread(solvers)) {
            done = BatchRuns.execute(service, RunRequest.batch(model, run, flags.threads).observedBy(id, observer), spec.commandLine().getErr());
        }
        IncrementTable table = observer.latest();
        if (table == null || !observer.complete()) throw new IllegalStateException(id + " ran without showing the estimator every output time");
        facts.put("kind", id);
        facts.put("model", p.id());
        facts.put("omega", model.size());
        facts.put("trajectories", run.trajectories());
        facts.put("tEnd", run.tEnd());
        facts.put("seed", run.seed());
        Object events = done.info(id).get("events");
        if (events != null) facts.put("events", events);
        KmEstimate e = KmAnalysis.estimate(table, settings.withDt(step));
        Density1D last = done.recording().get(id, run.samples() - 1).marginal(0);
        return KmAnalysis.checkedAgainstEnsemble(e, model, run.tEnd(), last, run.trajectories());
    }

}
