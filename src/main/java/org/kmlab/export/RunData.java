package org.kmlab.export;

import org.kmlab.chart.ChartSet;
import org.kmlab.chart.Frame;
import org.kmlab.export.data.Decimal;
import org.kmlab.export.data.DistributionAtCsv;
import org.kmlab.export.data.KramersMoyalCsv;
import org.kmlab.export.data.OutputFolder;
import org.kmlab.export.data.RunFiles;
import org.kmlab.model.Model;
import org.kmlab.model.Species;
import org.kmlab.run.Outcome;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A window run's numbers as files, in the formats of {@code kmlab run}: {@code summary.json},
 * {@code <solver>.csv} (t, x[, y], p), plus what the window shows: {@code timecourse.csv} (t,
 * solver, species, mean, sd in x units), {@code distribution-at-t.csv} (every solver's marginals at
 * the time on show) and {@code km.csv} (the Kramers–Moyal coefficients over the x range on show).
 * Written through {@link OutputFolder}: all files appear together, or none.
 */
public final class RunData {
    public static final String TIME_COURSE = "timecourse.csv", DISTRIBUTION_AT_T = "distribution-at-t.csv",
            KRAMERS_MOYAL = "km.csv";

    private RunData() {}

    /**
     * Writes into {@code dir} (created if missing) the solvers that finished every output time (a
     * solver still running or failed is left out of the summary and the per-solver CSVs), and what
     * the window shows at output index {@code shown}; returns the file names written.
     */
    public static List<String> write(Run run, String modelId, Path dir, int shown) throws ExportException {
        Recording rec = run.recording();
        if (shown < 0 || shown >= rec.timeCount()) throw new IllegalArgumentException("output index " + shown + " is not in 0.." + (rec.timeCount() - 1));
        List<Outcome> outcomes = run.outcomes().stream().filter(o -> !o.isFailed()).toList();
        if (outcomes.stream().noneMatch(Outcome::ran)) throw new ExportException("no solver has finished the run yet: nothing to export");
        Model model = run.request().model();
        Problem problem = run.problem();
        List<String> species = model.species().stream().map(Species::name).toList();
        Map<String, Snapshot> shownNow = new LinkedHashMap<>();
        for (String id : rec.solvers()) {
            Snapshot s = rec.get(id, shown);
            if (s != null) shownNow.put(id, s);
        }
        Frame km = ChartSet.frameAfterPlaying(model, run.request().settings().tEnd(), rec, shown);

        OutputFolder folder;
        try {
            folder = OutputFolder.prepare(dir);
        } catch (IOException e) {
            throw ExportException.cannotWrite(dir, e);
        }
        boolean committed = false;
        try {
            List<String> names = new ArrayList<>(RunFiles.stageSolverCsvs(folder, outcomes, species));
            RunFiles.stage(folder, TIME_COURSE, w -> writeTimeCourse(outcomes, species, w));
            RunFiles.stage(folder, DISTRIBUTION_AT_T, w -> DistributionAtCsv.write(shownNow, species, w));
            RunFiles.stage(folder, KRAMERS_MOYAL, w -> KramersMoyalCsv.write(model, species, km.ranges(), km.walls(), km.at(), w));
            String passage = RunFiles.stageFirstPassage(folder, outcomes);
            if (passage != null) names.add(passage);
            RunFiles.stageSummary(folder, modelId, problem, outcomes);
            names.addAll(List.of(TIME_COURSE, DISTRIBUTION_AT_T, KRAMERS_MOYAL, RunFiles.SUMMARY));
            folder.commit();
            committed = true;
            return names;
        } catch (IOException | RuntimeException e) {
            throw ExportException.cannotWrite(dir, e);
        } finally {
            if (!committed) folder.abort();
        }
    }

    /** t, solver, species, mean, sd: the time course the window draws, in x = n/Ω units. */
    static void writeTimeCourse(List<Outcome> outcomes, List<String> species, Writer w) throws IOException {
        w.write("t,solver,species,mean,sd\n");
        for (Outcome o : outcomes) {
            if (!o.ran()) continue;
            for (Snapshot s : o.result().snapshots()) {
                for (int i = 0; i < species.size(); i++) {
                    w.write(Decimal.of(s.time()) + "," + o.solver() + "," + species.get(i) + "," + Decimal.of(s.mean(i)) + ","
                            + Decimal.of(Math.sqrt(Math.max(0, s.covariance(i, i)))) + "\n");
                }
            }
        }
    }
}
