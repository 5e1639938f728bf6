package org.kmlab.cli;

import org.kmlab.export.data.OutputFolder;
import org.kmlab.export.data.RunFiles;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.RunSettings;
import org.kmlab.run.Outcome;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kmlab run PRESET.json ... --out DIR}: runs the chosen solvers on one preset and writes
 * {@code DIR/summary.json} and {@code DIR/<solver>.csv} (contract in DESIGN.md), and
 * {@code DIR/first-passage.csv} for a model with an absorbing set. All input is
 * checked before any work starts; the files appear together only when every solver finished.
 */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run solvers on a preset and write DIR/summary.json and DIR/<solver>.csv.",
                "PRESET.json is a preset file, or the name of a built-in preset (birth-death, ornstein-uhlenbeck, predator-prey, ...)."},
        footer = {"", "Exit status: 0 done; 2 bad input or a run that cannot go on (one line on stderr, no files written); 1 internal error; 130 interrupted (Ctrl-C; no files written)."})
final class RunCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Mixin private RunFlags flags = new RunFlags();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    private String out;

    private final SolverRegistry solvers;

    RunCommand(SolverRegistry solvers) { this.solvers = solvers; }

    @Override public Integer call() throws IOException {
        Preset p = flags.preset();
        Model model = flags.model(p);
        RunSettings run = flags.settings(p, solvers);
        OutputFolder folder = OutOption.prepare(out);

        SimulationService service = SimulationService.sameThread(solvers);
        PrintWriter err = spec.commandLine().getErr();
        try (FolderGuard guard = new FolderGuard(folder, err)) {
            guard.stopWith(service::reset);
            Run done = BatchRuns.execute(service, RunRequest.batch(model, run, flags.threads), err);
            List<Outcome> outcomes = done.outcomes();
            write(folder, p.id(), done.problem(), outcomes);
            folder.commit();
            spec.commandLine().getOut().println("kmlab: wrote " + folder.dir() + " (" + fileList(outcomes, done.problem().model()) + ")");
            spec.commandLine().getOut().flush();
            return KmlabCommand.OK;
        }
    }


    private static void write(OutputFolder folder, String modelId, Problem problem, List<Outcome> outcomes) throws IOException {
        List<String> species = problem.model().species().stream().map(s -> s.name()).toList();
        RunFiles.stageSolverCsvs(folder, outcomes, species);
        RunFiles.stageObservablesCsv(folder, problem.model(), outcomes);
        RunFiles.stageFirstPassage(folder, outcomes);
        RunFiles.stageSummary(folder, modelId, problem, outcomes); // last: its presence means the rest is there
    }

    private static String fileList(List<Outcome> outcomes, org.kmlab.model.Model model) {
        List<String> names = new ArrayList<>();
        names.add("summary.json");
        for (Outcome o : outcomes) if (o.ran()) names.add(o.solver() + ".csv");
        if (!model.observables().isEmpty()) names.add(RunFiles.OBSERVABLES);
        if (!org.kmlab.export.data.FirstPassageCsv.of(outcomes).isEmpty()) names.add(org.kmlab.export.data.FirstPassageCsv.NAME);
        return String.join(", ", names);
    }
}
