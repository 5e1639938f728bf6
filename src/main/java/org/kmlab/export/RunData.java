package org.kmlab.export;

import org.kmlab.export.data.DensityCsv;
import org.kmlab.export.data.DensityDistance;
import org.kmlab.export.data.OutputFolder;
import org.kmlab.export.data.ReferenceDistances;
import org.kmlab.export.data.SummaryJson;
import org.kmlab.model.Species;
import org.kmlab.run.BatchRun.Outcome;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A window run's numbers as files, in the formats of {@code kmlab run}: {@code summary.json},
 * {@code <solver>.csv} (t, x[, y], p), plus {@code timecourse.csv} (t, solver, species, mean, sd in
 * x units). Written through {@link OutputFolder}: all files appear together, or none.
 */
public final class RunData {
    private static final DensityDistance L1 = DensityDistance.of(Distances::l1, Distances::l1);
    private static final DensityDistance HELLINGER = DensityDistance.of(Distances::hellinger, Distances::hellinger);

    private RunData() {}

    /**
     * Writes the solvers that finished every output time (a solver still running or failed is left
     * out) into {@code dir} (created if missing); returns the file names written.
     */
    public static List<String> write(Run run, String modelId, Path dir) throws ExportException {
        Recording rec = run.recording();
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : rec.solvers()) {
            List<Snapshot> snaps = new ArrayList<>();
            for (int k = 0; k < rec.timeCount(); k++) {
                Snapshot s = rec.get(id, k);
                if (s == null) break;
                snaps.add(s);
            }
            if (snaps.size() == rec.timeCount()) outcomes.add(Outcome.ran(new SolverResult(id, snaps, run.info(id))));
        }
        if (outcomes.isEmpty()) throw new ExportException("no solver has finished the run yet: nothing to export");
        Problem problem = Problem.of(run.request().model(), run.request().settings(), run.request().options());
        List<String> species = run.request().model().species().stream().map(Species::name).toList();
        List<String> names = new ArrayList<>();
        OutputFolder folder;
        try {
            folder = OutputFolder.prepare(dir);
        } catch (IOException e) {
            throw ExportException.cannotWrite(dir, e);
        }
        boolean committed = false;
        try {
            for (Outcome o : outcomes) {
                folder.stage(o.solver() + ".csv", stream -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                    DensityCsv.write(o.result(), species, w);
                    w.flush();
                });
                names.add(o.solver() + ".csv");
            }
            folder.stage("timecourse.csv", stream -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                writeTimeCourse(outcomes, species, w);
                w.flush();
            });
            names.add("timecourse.csv");
            Map<String, ReferenceDistances.Table> distances = ReferenceDistances.compute(outcomes, species.size(), L1, HELLINGER);
            var summary = SummaryJson.build(modelId, problem, outcomes, distances);
            folder.stage("summary.json", stream -> SummaryJson.write(summary, stream));
            names.add("summary.json");
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
            for (Snapshot s : o.result().snapshots()) {
                for (int i = 0; i < species.size(); i++) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s\n", s.time(), o.solver(), species.get(i),
                            s.mean(i), Math.sqrt(Math.max(0, s.covariance(i, i)))));
                }
            }
        }
    }
}
