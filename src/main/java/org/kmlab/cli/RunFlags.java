package org.kmlab.cli;

import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.RunSettings;
import org.kmlab.run.ModelLibrary;
import org.kmlab.run.SolverRegistry;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The preset and run flags shared with {@code run} ({@code PRESET.json --set --solvers --t-end
 * --samples --trajectories --seed --threads}), with the same meanings and messages, as a picocli mixin.
 */
final class RunFlags {
    @Parameters(index = "0", paramLabel = "PRESET.json", description = "preset file (or built-in preset name)")
    String preset;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "set a parameter by name, Omega (system size) or an initial count (X0 for species X); repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--solvers", split = ",", paramLabel = "ID",
            description = "solvers to run, comma-separated: ${kmlab.solvers:-the registered ids} (default: the preset's)")
    List<String> solvers;

    @Option(names = "--t-end", paramLabel = "T", description = "end time (default: the preset's)")
    Double tEnd;

    @Option(names = "--samples", paramLabel = "K", description = "number of output times from 0 to T, K ≥ 2 (default: the preset's)")
    Integer samples;

    @Option(names = "--trajectories", paramLabel = "N", description = "ensemble size for ssa and cle (default: the preset's)")
    Integer trajectories;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the preset's)")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0", description = "worker threads for ensembles; 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--fp-cells", paramLabel = "N",
            description = "Fokker–Planck resolution: cells across the solver's moving box per axis, 8 to " + RunSettings.MAX_FP_CELLS + "; 0 = automatic (default: the preset's)")
    Integer fpCells;

    /** The model the user named: a file or a built-in preset. */
    Preset preset() {
        return ModelLibrary.standard().resolve(preset);
    }

    /** The preset's model with every {@code --set} applied. */
    Model model(Preset p) {
        Model model = p.model();
        for (String s : sets) model = Assignment.parse(s).applyTo(model);
        return model;
    }

    /** The preset's run settings with the flags applied, the solvers included. */
    RunSettings settings(Preset p, SolverRegistry registry) {
        RunSettings run = p.run();
        if (tEnd != null) {
            if (!(tEnd > 0) || tEnd.isInfinite()) throw new UserInputException("--t-end: must be a finite number > 0, got " + tEnd);
            run = run.withTEnd(tEnd);
        }
        if (samples != null) {
            if (samples < 2 || samples > RunSettings.MAX_SAMPLES) throw new UserInputException("--samples: must be from 2 to " + RunSettings.MAX_SAMPLES + ", got " + samples);
            run = run.withSamples(samples);
        }
        if (trajectories != null) {
            if (trajectories < 1 || trajectories > RunSettings.MAX_TRAJECTORIES) throw new UserInputException("--trajectories: must be from 1 to " + RunSettings.MAX_TRAJECTORIES + ", got " + trajectories);
            run = run.withTrajectories(trajectories);
        }
        if (seed != null) run = run.withSeed(seed);
        if (fpCells != null) {
            if (fpCells != 0 && (fpCells < 8 || fpCells > RunSettings.MAX_FP_CELLS)) {
                throw new UserInputException("--fp-cells: must be 0 (automatic) or from 8 to " + RunSettings.MAX_FP_CELLS + ", got " + fpCells);
            }
            run = run.withFpCells(fpCells);
        }
        if (threads < 0) throw new UserInputException("--threads: must be ≥ 0 (0 = all cores), got " + threads);
        return run.withSolvers(solverIds(run, registry));
    }

    private List<String> solverIds(RunSettings run, SolverRegistry registry) {
        String known = String.join(", ", registry.ids());
        if (solvers == null) {
            if (run.solvers().isEmpty()) throw new UserInputException("no solvers: the preset names none; choose with --solvers " + String.join(",", registry.ids()));
            for (int i = 0; i < run.solvers().size(); i++) {
                if (!registry.has(run.solvers().get(i))) throw new UserInputException("run.solvers[" + i + "]: " + registry.unknown(run.solvers().get(i)) + "; choose others with --solvers");
            }
            return run.solvers();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String s : solvers) {
            String id = s.strip();
            if (id.isEmpty()) continue;
            if (!registry.has(id)) throw new UserInputException("--solvers: " + registry.unknown(id));
            ids.add(id);
        }
        if (ids.isEmpty()) throw new UserInputException("--solvers: no solver named (known: " + known + ")");
        return List.copyOf(ids);
    }
}
