package org.kmlab.cli;

import org.kmlab.chart.ChartStyle;
import org.kmlab.export.ExportException;
import org.kmlab.export.FigureFiles;
import org.kmlab.export.FigureFormat;
import org.kmlab.export.FigureSize;
import org.kmlab.export.GifAnimationWriter;
import org.kmlab.export.PaneFigures;
import org.kmlab.export.PngFigureWriter;
import org.kmlab.export.PublicationStyle;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.MarginalChoice;
import org.kmlab.chart.PaneKind;
import org.kmlab.chart.PaneOption;
import org.kmlab.chart.Panes;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.RunSettings;
import org.kmlab.model.ModelException;
import org.kmlab.run.Ghost;
import org.kmlab.run.ModelLibrary;
import org.kmlab.run.Recording;
import org.kmlab.solve.SolverException;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code kmlab export PRESET.json --figure PANE --out FILE}: runs the solvers as {@code run} does
 * (the same flags) and the window does (the same solver options), builds the window's charts with
 * {@code org.kmlab.chart}, and writes one figure: PNG, SVG, PDF, or an animated GIF over the
 * output times. Headless: no display and no JavaFX.
 */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run solvers on a preset and write a figure of one chart pane (or all of them): PNG, SVG, PDF or animated GIF.",
                "PRESET.json is a preset file, or the name of a built-in preset (birth-death, ornstein-uhlenbeck, predator-prey, ...)."},
        footer = {"", "Exit status: 0 done; 2 bad input, a run that cannot go on or a file that cannot be written (one line on stderr, no file written); 1 internal error."})
final class ExportCommand implements Callable<Integer> {
    static final double DEFAULT_FPS = 10;

    @Spec private CommandSpec spec;

    @Mixin private RunFlags run = new RunFlags();

    @Option(names = "--figure", required = true, paramLabel = "PANE", description = "distribution, timecourse, km, cloud (2-species models), profile (3 or more species) or all (one multi-panel figure)")
    private String figure;

    @Option(names = "--format", paramLabel = "FMT", description = "png, svg, pdf or gif (default: from the --out file name, else png)")
    private String format;

    @Option(names = "--dpi", paramLabel = "N", description = "PNG and GIF resolution in pixels per inch (default: 300 for PNG, 96 for GIF)")
    private Double dpi;

    @Option(names = "--size", paramLabel = "SIZE",
            description = "single (3.5 in), onehalf (5.5 in), double (7.2 in) or slide (10 × 5.625 in) (default: single for one pane, double for all)")
    private String size;

    @Option(names = "--option", paramLabel = "ID", split = ",",
            description = "switch on a pane option, as its check box in the window does (repeatable; e.g. distribution.log, "
                    + "distribution.followCloud, timecourse.density, timecourse.fpMinusCme, km.higherOrders)")
    private List<String> paneOptions = new ArrayList<>();

    @Option(names = "--marginal", paramLabel = "NAME",
            description = "the distribution pane shows this species or observable (a preset's \"observables\", e.g. S) alone (default: all, side by side)")
    private String marginal;

    @Option(names = "--at", paramLabel = "T", description = "the output time to show, nearest to T (default: the last); not for gif")
    private Double at;

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "publication",
            description = "publication (white, colour-blind-safe, dashed) or window (the window's light look) (default: ${DEFAULT-VALUE})")
    private String style;

    @Option(names = "--serif", description = "serif type in the publication style (to match a LaTeX text)")
    private boolean serif;

    @Option(names = "--fps", paramLabel = "F", description = "GIF frames per second, at most 50 (default: 10)")
    private Double fps;

    @Option(names = "--compare", paramLabel = "OTHER",
            description = "also run OTHER (a preset file or built-in name) with the same run settings and draw it as a ghost: dimmed, "
                    + "labelled with what differs, on every species of the same name")
    private String compare;

    @Option(names = "--compare-set", paramLabel = "NAME=VALUE",
            description = "draw a ghost run of the same model (or of --compare's) with this value changed, as --set does; repeatable")
    private List<String> compareSets = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the figure file to write (its folder must exist)")
    private String out;

    private final SolverRegistry solvers;

    ExportCommand(SolverRegistry solvers) { this.solvers = solvers; }

    @Override public Integer call() {
        Path target = target();
        FigureFormat byName = parse("--out", () -> FigureFormat.ofFile(target, null));
        FigureFormat fmt = format == null ? (byName == null ? FigureFormat.PNG : byName) : parse("--format", () -> FigureFormat.named(format));
        if (byName != null && byName != fmt) {
            throw new UserInputException("--out " + out + ": the name says " + byName.extension() + " but --format says " + fmt.extension() + "; make them agree");
        }
        FigureSize figureSize = size != null ? parse("--size", () -> FigureSize.named(size))
                : figure.trim().equalsIgnoreCase("all") ? FigureSize.DOUBLE : FigureSize.SINGLE;
        List<PaneKind> wanted = figure.trim().equalsIgnoreCase("all") ? null : List.of(parse("--figure", () -> Panes.named(figure)));
        PublicationStyle publication = publicationStyle();
        double resolution = dpi != null ? dpi : fmt == FigureFormat.GIF ? GifAnimationWriter.DEFAULT_DPI : PngFigureWriter.DEFAULT_DPI;
        parse("--dpi", () -> { PngFigureWriter.checkDpi(resolution); return null; });
        double frameRate = fps != null ? fps : DEFAULT_FPS;
        if (fmt == FigureFormat.GIF && !(frameRate > 0 && frameRate <= GifAnimationWriter.MAX_FRAMES_PER_SECOND)) {
            throw new UserInputException("--fps: must be in (0, 50], got " + frameRate);
        }
        if (fmt == FigureFormat.GIF && at != null) throw new UserInputException("--at: a GIF shows every output time; leave --at out");
        if (at != null && !Double.isFinite(at)) throw new UserInputException("--at: must be a finite time, got " + at);

        Preset p = run.preset();
        Model model = run.model(p);
        RunSettings settings = run.settings(p, solvers);
        if (at != null && (at < 0 || at > settings.tEnd() * (1 + 1e-9))) {
            throw new UserInputException("--at: must be a time from 0 to the end time " + settings.tEnd() + ", got " + at);
        }
        List<PaneKind> panes = wanted == null ? Panes.forModel(model) : wanted;
        for (PaneKind pane : panes) {
            if (!pane.appliesTo(model)) throw new UserInputException("--figure " + pane.id() + ": " + pane.notAvailableReason(model, p.id()));
            if (Panes.analysisOf(pane).isPresent()) {
                if (pane == Panes.SERIES) throw new UserInputException("--figure series: this pane shows a user's time series, not a run; open one in the window (File ▸ Open time series…) or use kmlab km SERIES.csv");
                throw new UserInputException("--figure " + pane.id() + ": this pane shows an analysis, not a run; write it with kmlab " + pane.id() + " " + p.id() + " … --figure pdf");
            }
        }
        Set<String> options = checkedOptions(panes);
        MarginalChoice choice = marginal == null ? MarginalChoice.ALL : parse("--marginal", () -> new MarginalChoice(marginal).checkedFor(model));
        Model ghostModel = ghostModel(model);
        ChartSet charts = new ChartSet(model, ChartStyle.light());

        Recording recording = simulate(model, settings);
        Map<Class<?>, Object> analyses = new java.util.HashMap<>();
        if (ghostModel != null) analyses.put(Ghost.class, ghost(ghostModel, model, settings));
        if (marginal != null) analyses.put(MarginalChoice.class, choice);
        try {
            if (fmt == FigureFormat.GIF) {
                GifAnimationWriter.write(PaneFigures.animation(charts, model, settings.tEnd(), recording, options, analyses, panes, figureSize, publication),
                        target, frameRate, resolution);
            } else {
                int k = at == null ? recording.timeCount() - 1 : recording.indexOf(at);
                charts.play(model, settings.tEnd(), recording, k, options, analyses);
                FigureFiles.write(PaneFigures.of(charts, panes, figureSize, publication), fmt, target, resolution);
            }
        } catch (ExportException | IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        spec.commandLine().getOut().println("kmlab: wrote " + target.toAbsolutePath() + " (" + describe(fmt, figureSize, panes.size(), resolution, recording) + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Path target() {
        Path target;
        try {
            target = Path.of(out);
        } catch (InvalidPathException e) {
            throw new UserInputException("--out " + out + ": not a valid path");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) throw new UserInputException("--out " + out + ": is a folder; give a file name such as " + out + "/figure.png");
        if (dir != null && !Files.isDirectory(dir)) throw new UserInputException("cannot write " + target.toAbsolutePath() + ": the folder " + dir + " does not exist");
        return target;
    }

    private PublicationStyle publicationStyle() {
        return switch (style.trim().toLowerCase(Locale.ROOT)) {
            case "publication" -> new PublicationStyle(serif ? PublicationStyle.Typeface.SERIF : PublicationStyle.Typeface.SANS, true);
            case "window" -> null;
            default -> throw new UserInputException("--style: unknown style '" + style + "': use publication or window");
        };
    }

    /** Runs the solvers as the window does (skipping those that cannot handle the model); a failed solver stops the export. */
    private Recording simulate(Model model, RunSettings settings) {
        try (SimulationService service = SimulationService.sameThread(solvers)) {
            return BatchRuns.execute(service, RunRequest.figure(model, settings, run.threads), spec.commandLine().getErr()).recording();
        }
    }

    /**
     * The model of the ghost run: --compare's preset (else this model) with every --compare-set
     * applied; null when neither is given. Checked before any run, like --set.
     */
    private Model ghostModel(Model model) {
        if (compare == null && compareSets.isEmpty()) return null;
        Model ghost = model;
        if (compare != null) {
            try {
                ghost = ModelLibrary.standard().resolve(compare).model();
            } catch (ModelException e) {
                throw new UserInputException("--compare " + compare + ": " + e.getMessage(), e);
            }
        }
        for (String s : compareSets) ghost = Assignment.parse("--compare-set", s).applyTo(ghost);
        return ghost;
    }

    /** Runs the ghost model with the same settings; a ghost with no species in common is run all the same, and noted. */
    private Ghost ghost(Model ghostModel, Model model, RunSettings settings) {
        PrintWriter err = spec.commandLine().getErr();
        Ghost g;
        try {
            g = Ghost.of(ghostModel, settings, simulate(ghostModel, settings)).against(model, settings);
        } catch (UserInputException | SolverException e) {
            throw new UserInputException("--compare: the ghost run failed: " + e.getMessage(), e);
        }
        if (!g.sharesSpecies(model)) {
            err.println("kmlab: note: the ghost (" + ghostModel.name() + ") has no species named as in " + model.name() + "; nothing of it is drawn");
            err.flush();
        }
        return g;
    }

    /** The --option ids, each one an option of a pane in the figure. */
    private Set<String> checkedOptions(List<PaneKind> panes) {
        Set<String> known = new java.util.LinkedHashSet<>();
        for (PaneKind k : panes) for (PaneOption o : k.options()) known.add(o.id());
        for (String id : paneOptions) {
            if (!known.contains(id.trim())) {
                throw new UserInputException("--option: unknown option '" + id.trim() + "' for this figure; use " + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        return Set.copyOf(paneOptions.stream().map(String::trim).toList());
    }

    private static String describe(FigureFormat fmt, FigureSize size, int panels, double dpi, Recording rec) {
        String what = fmt.name() + ", " + size.name() + (panels > 1 ? ", " + panels + " panels" : "");
        return switch (fmt) {
            case PNG -> what + ", " + Math.round(dpi) + " dpi";
            case GIF -> what + ", " + rec.timeCount() + " frames";
            default -> what;
        };
    }

    private static <T> T parse(String flag, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(flag + ": " + e.getMessage(), e);
        }
    }
}
