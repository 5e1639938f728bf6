package org.kmlab.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.ChartSet;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export data… without the window: every file is there and parses, and holds the numbers the window shows. */
class RunDataTest {
    private static final double OMEGA = 20, K1 = 10, K2 = 1;
    @TempDir Path out;

    private static Run run(Model model, List<String> solvers, int trajectories, int samples, double tEnd) {
        Preset p = PresetIO.read(Path.of("presets/" + (model.speciesCount() == 1 ? "birth-death" : "predator-prey") + ".json"));
        var settings = p.run().withSolvers(solvers).withTrajectories(trajectories).withSamples(samples).withTEnd(tEnd);
        try (SimulationService service = SimulationService.sameThread(SolverRegistry.builtIn())) {
            Run run = service.start(RunRequest.figure(model, settings, 1));
            assertEquals("", run.failureMessage());
            return run;
        }
    }

    private static Model birthDeath() {
        return PresetIO.read(Path.of("presets/birth-death.json")).model().with("Omega", OMEGA);
    }

    /** The rows of a CSV file after its header, split at commas. */
    private static List<String[]> rows(Path file, String header) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertEquals(header, lines.get(0), file.getFileName().toString());
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) out.add(line.split(","));
        return out;
    }

    @Test
    void birthDeathDataHoldTheShownDistributionsAndTheAnalyticKramersMoyalCoefficients() throws Exception {
        Model model = birthDeath();
        Run run = run(model, List.of("ssa", "cme"), 400, 5, 2);
        Recording rec = run.recording();
        int shown = 2;
        List<String> names = RunData.write(run, "birth-death", out, shown);
        assertEquals(List.of("ssa.csv", "cme.csv", "timecourse.csv", "distribution-at-t.csv", "km.csv", "summary.json"), names);
        for (String n : names) assertTrue(Files.size(out.resolve(n)) > 0, n);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(5, summary.get("solvers").get("cme").get("times").size());

        // distribution-at-t.csv: each solver's marginal at the shown time, number for number
        List<String[]> dist = rows(out.resolve("distribution-at-t.csv"), "t,solver,species,x,p");
        for (String solver : List.of("ssa", "cme")) {
            Density1D expected = rec.get(solver, shown).marginal(0);
            List<String[]> mine = dist.stream().filter(r -> r[1].equals(solver)).toList();
            assertEquals(expected.size(), mine.size(), solver);
            double mass = 0;
            for (int i = 0; i < mine.size(); i++) {
                String[] r = mine.get(i);
                assertEquals(rec.time(shown), Double.parseDouble(r[0]));
                assertEquals("X", r[2]);
                assertEquals(expected.x(i), Double.parseDouble(r[3]));
                assertEquals(expected.density(i), Double.parseDouble(r[4]));
                mass += Double.parseDouble(r[4]) * expected.dx();
            }
            assertEquals(1, mass, 1e-6, solver + ": the density integrates to 1 in x units");
        }

        // km.csv: A = k1 − k2·x, B = (k1 + k2·x)/Ω, M3/3! = A/(6Ω²), M4/4! = B/(24Ω²) for x ≥ 0
        List<String[]> km = rows(out.resolve("km.csv"), "x,A,B,M3/3!,M4/4!");
        assertEquals(200, km.size());
        int checked = 0;
        for (String[] r : km) {
            double x = Double.parseDouble(r[0]);
            if (x < 0) continue;   // below zero the death propensity is clamped to 0
            double a = K1 - K2 * x, b = (K1 + K2 * x) / OMEGA;
            assertEquals(a, Double.parseDouble(r[1]), 1e-12 * K1, "A at x = " + x);
            assertEquals(b, Double.parseDouble(r[2]), 1e-12 * K1, "B at x = " + x);
            assertEquals(a / (6 * OMEGA * OMEGA), Double.parseDouble(r[3]), 1e-12 * K1, "M3/3! at x = " + x);
            assertEquals(b / (24 * OMEGA * OMEGA), Double.parseDouble(r[4]), 1e-12 * K1, "M4/4! at x = " + x);
            checked++;
        }
        assertTrue(checked > 150, "most of the range is x ≥ 0: " + checked);

        // ... over the x range the window's KM pane shows after playing to the shown time
        ChartSet charts = new ChartSet(model, ChartStyle.light());
        charts.play(model, 2, rec, shown, java.util.Set.of());
        XYDataset drawn = charts.pane("km").orElseThrow().chart().getXYPlot().getDataset(0);
        assertEquals(drawn.getXValue(0, 0), Double.parseDouble(km.get(0)[0]));
        assertEquals(drawn.getXValue(0, drawn.getItemCount(0) - 1), Double.parseDouble(km.get(km.size() - 1)[0]));
        Density1D cme = rec.get("cme", shown).marginal(0);
        assertTrue(Double.parseDouble(km.get(0)[0]) < cme.mean() && cme.mean() < Double.parseDouble(km.get(km.size() - 1)[0]));
    }

    @Test
    void aTwoSpeciesModelGetsOneKramersMoyalBlockPerSpeciesAtTheSsaMean() throws Exception {
        Model model = PresetIO.read(Path.of("presets/predator-prey.json")).model();
        Run run = run(model, List.of("ssa"), 50, 3, 1);
        RunData.write(run, "predator-prey", out, 2);
        List<String[]> km = rows(out.resolve("km.csv"), "species,x,A,B,M3/3!,M4/4!");
        assertEquals(2 * 200, km.size());
        assertEquals(List.of("X", "Y"), km.stream().map(r -> r[0]).distinct().toList());
        // along Y with X held at the SSA mean x̄: A_Y = c·x̄·y − d·y, B_YY = (c·x̄·y + d·y)/Ω (predation X + Y → 2Y, death Y → 0)
        Snapshot ssa = run.recording().get("ssa", 2);
        double xBar = ssa.mean(0), c = 1, d = 1, omega = 100;
        List<String[]> alongY = km.stream().filter(r -> r[0].equals("Y")).toList();
        double lo = Double.parseDouble(alongY.get(0)[1]), hi = Double.parseDouble(alongY.get(alongY.size() - 1)[1]);
        assertTrue(lo < ssa.mean(1) && ssa.mean(1) < hi, "the y range holds the mean " + Arrays.toString(ssa.mean()) + ": " + lo + ".." + hi);
        for (String[] r : alongY) {
            double y = Double.parseDouble(r[1]);
            if (y < 0) continue;
            assertEquals(c * xBar * y - d * y, Double.parseDouble(r[2]), 1e-12, "A_Y at y = " + y);
            assertEquals((c * xBar * y + d * y) / omega, Double.parseDouble(r[3]), 1e-12, "B_YY at y = " + y);
        }
        List<String[]> dist = rows(out.resolve("distribution-at-t.csv"), "t,solver,species,x,p");
        assertEquals(List.of("X", "Y"), dist.stream().map(r -> r[2]).distinct().toList());
    }

    @Test
    void anIndexOutsideTheRunIsRefusedAndWritesNothing() {
        Run run = run(birthDeath(), List.of("cme"), 1, 3, 1);
        Path dir = out.resolve("data");
        assertThrows(IllegalArgumentException.class, () -> RunData.write(run, "birth-death", dir, 3));
        assertFalse(Files.exists(dir));
    }
}
