package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.ChartStyle;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverComparison;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A solver is one class plus one registration: a made-up one, registered beside the built-in
 * ones, shows up in the CLI's summary.json (with distances to the master equation), in the distance
 * table's comparison and in the legends, without an edit anywhere else.
 */
class MadeUpSolverTest {
    /** A "solver" that answers with the Poisson law of birth–death (FakeSolvers.poisson) under its own identity. */
    private static final class Wavelet implements Solver {
        private final Solver poisson = FakeSolvers.poisson("wavelet");
        static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("wavelet", "Wavelet Galerkin", "WG",
                SolverDescriptor.Output.DENSITY, 0, 6, "a made-up solver");

        @Override public SolverDescriptor descriptor() { return DESCRIPTOR; }

        @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) {
            SolverResult r = poisson.solve(p, l, c);
            return new SolverResult(DESCRIPTOR, r.snapshots(), r.info());
        }
    }

    private static SolverRegistry withWavelet() {
        List<Solver> all = new ArrayList<>();
        for (String id : SolverRegistry.builtIn().ids()) all.add(SolverRegistry.builtIn().byId(id));
        all.add(new Wavelet());
        return new SolverRegistry(all);
    }

    @Test void itAppearsInSummaryJsonTheDistanceTableAndTheLegends(@TempDir Path dir) throws Exception {
        SolverRegistry registry = withWavelet();
        Cli cli = Cli.run(registry, "run", "birth-death", "--solvers", "cme,wavelet", "--t-end", "2", "--samples", "3", "--out", dir.toString());
        assertEquals(0, cli.exit(), cli.err());
        JsonNode wavelet = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("solvers").get("wavelet");
        assertEquals(3, wavelet.get("times").size());
        assertEquals("cme", wavelet.get("distances").get("reference").asText());
        assertTrue(wavelet.get("distances").get("l1").get(2).get(0).asDouble() < 1e-6, "the Poisson law is the CME's answer: " + wavelet.get("distances"));
        assertTrue(dir.resolve("wavelet.csv").toFile().isFile());

        Model m = TestPresets.model("birth-death");
        Run run;
        try (SimulationService service = SimulationService.sameThread(registry)) {
            run = service.start(RunRequest.figure(m, TestPresets.read("birth-death").run().withSolvers(List.of("cme", "wavelet")).withSamples(3).withTEnd(2), 1));
        }
        assertEquals(List.of("wavelet"), SolverComparison.at(run.recording(), 2).rows().stream().map(SolverComparison.Row::solver).toList());
        ChartSet charts = new ChartSet(m, ChartStyle.light());
        charts.show(m, 2, run.recording(), 2, Set.of());
        var legend = charts.pane("distribution").orElseThrow().chart().getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) labels.add(legend.get(i).getLabel());
        assertTrue(labels.contains("Wavelet Galerkin"), labels.toString());
    }
}
