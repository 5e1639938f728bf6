package org.kmlab.export.data;

import org.kmlab.run.Outcome;
import org.kmlab.solve.Problem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files of {@code kmlab run} (contract in DESIGN.md and README), staged into an
 * {@link OutputFolder}: {@code <solver>.csv} for every solver that ran, and {@code summary.json}
 * with the L1 and Hellinger distances of each solver's marginals (and 2-D joint density) to the
 * reference's (the best-ranked reference solver that ran: the master equation, else the SSA) at
 * every output time. Shared by {@code kmlab run} and the window's
 * Export data….
 */
public final class RunFiles {
    public static final String SUMMARY = "summary.json";

    private RunFiles() {}

    /** Text written to a staged file. */
    /** The observables' laws (see {@link #stageObservablesCsv}). */
    public static final String OBSERVABLES = "observables.csv";

    public interface Text { void writeTo(Writer w) throws IOException; }

    /** Stages a UTF-8 text file. */
    public static void stage(OutputFolder folder, String name, Text text) throws IOException {
        folder.stage(name, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            text.writeTo(w);
            w.flush();
        });
    }

    /** Stages {@code <solver>.csv} for each solver that ran (see {@link DensityCsv}); returns the file names. */
    public static List<String> stageSolverCsvs(OutputFolder folder, List<Outcome> outcomes, List<String> species) throws IOException {
        List<String> names = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.ran()) continue;
            stage(folder, o.solver() + ".csv", w -> DensityCsv.write(o.result(), species, w));
            names.add(o.solver() + ".csv");
        }
        return names;
    }

    /**
     * Stages {@code observables.csv} when the model defines observables: {@code t,solver,observable,x,p},
     * each solver's law of each observable at each output time (p a density in x units), for the
     * solvers that compute one; returns the file names (none without observables).
     */
    public static List<String> stageObservablesCsv(OutputFolder folder, org.kmlab.model.Model model, List<Outcome> outcomes) throws IOException {
        if (model.observables().isEmpty()) return List.of();
        stage(folder, OBSERVABLES, w -> {
            w.write("t,solver,observable,x,p\n");
            for (Outcome o : outcomes) {
                if (!o.ran()) continue;
                for (int k = 0; k < model.observables().size(); k++) {
                    var series = org.kmlab.run.ObservableSeries.of(model, k, o.result());
                    for (int i = 0; i < series.times().length; i++) {
                        var law = series.law(i);
                        if (law == null) continue;
                        double t = o.result().at(i).time();
                        for (int c = 0; c < law.size(); c++) w.write(Decimal.of(t) + "," + o.solver() + "," + series.name() + "," + Decimal.of(law.x(c)) + "," + Decimal.of(law.density(c)) + "\n");
                    }
                }
            }
        });
        return List.of(OBSERVABLES);
    }

    /** Stages {@value FirstPassageCsv#NAME} when some solver gives a first passage (a model with an absorbing set); returns its name or null. */
    public static String stageFirstPassage(OutputFolder folder, List<Outcome> outcomes) throws IOException {
        List<FirstPassageCsv.Named> results = FirstPassageCsv.of(outcomes);
        if (results.isEmpty()) return null;
        stage(folder, FirstPassageCsv.NAME, w -> FirstPassageCsv.write(results, w));
        return FirstPassageCsv.NAME;
    }

    /** Stages summary.json: stage it last, its presence means the rest is there. */
    public static void stageSummary(OutputFolder folder, String modelId, Problem problem, List<Outcome> outcomes) throws IOException {
        int species = problem.model().speciesCount();
        Map<String, ReferenceDistances.Table> distances = ReferenceDistances.compute(outcomes, species);
        var recording = ReferenceDistances.recordingOf(outcomes);
        Map<String, double[][]> exact = recording == null || problem.model().exact().isEmpty() ? Map.of() : org.kmlab.run.ExactLaw.l1ByTime(problem.model(), recording);
        var summary = SummaryJson.build(modelId, problem, outcomes, distances, exact);
        folder.stage(SUMMARY, stream -> SummaryJson.write(summary, stream));
    }
}
