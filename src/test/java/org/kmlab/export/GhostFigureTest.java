package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kmlab.chart.ChartLooks;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.Pane;
import org.kmlab.chart.Panes;
import org.kmlab.chart.SeriesKey;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.model.RunSettings;
import org.kmlab.run.Ghost;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Density1D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ghost run in figures, at the level the figure is built from (the charts' datasets and the
 * publication style's paints): birth–death at Ω = 40 with a ghost at Ω = 10.
 */
class GhostFigureTest {
    private static final Preset BD = PresetIO.read(Path.of("presets/birth-death.json"));
    private static final RunSettings SETTINGS = BD.run().withSolvers(List.of("ssa", "cme")).withTrajectories(200).withSamples(3);

    private static Recording run(Model m) {
        try (SimulationService service = SimulationService.sameThread(SolverRegistry.builtIn())) {
            Run run = service.start(RunRequest.figure(m, SETTINGS, 1));
            assertEquals("", run.failureMessage());
            return run.recording();
        }
    }

    /** The series of a chart whose keys say they are a ghost's, as {plot, dataset, series}. */
    private static List<Object[]> ghostSeries(JFreeChart chart) {
        List<Object[]> out = new ArrayList<>();
        for (XYPlot plot : ChartLooks.xyPlots(chart.getPlot())) {
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                XYDataset data = plot.getDataset(d);
                if (data == null) continue;
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    if (data.getSeriesKey(s) instanceof SeriesKey k && k.ghost()) out.add(new Object[] {plot, d, s});
                }
            }
        }
        return out;
    }

    private static Object[] series(JFreeChart chart, String label) {
        for (XYPlot plot : ChartLooks.xyPlots(chart.getPlot())) {
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                XYDataset data = plot.getDataset(d);
                for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
                    if (data.getSeriesKey(s).toString().equals(label)) return new Object[] {plot, d, s};
                }
            }
        }
        return null;
    }

    @Test void everyPaneOfTheFigureDrawsTheGhostDimmedAndLabelledWithWhatDiffers() {
        Model current = BD.model().with("Omega", 40), old = BD.model().with("Omega", 10);
        Recording now = run(current), ghostRun = run(old);
        Ghost ghost = Ghost.of(old, SETTINGS, ghostRun).against(current, SETTINGS);
        ChartSet charts = new ChartSet(current, ChartStyle.light());
        charts.play(current, SETTINGS.tEnd(), now, 2, Set.of(), Map.of(Ghost.class, ghost));

        ChartFigure fig = (ChartFigure) PaneFigures.of(charts, List.of(Panes.DISTRIBUTION), FigureSize.SINGLE, PublicationStyle.DEFAULT);
        JFreeChart chart = fig.chart();
        Object[] cme = series(chart, "CME (ghost: Ω = 10)");
        assertNotNull(cme, "the ghost's master equation, labelled with Ω's old value");
        XYPlot plot = (XYPlot) cme[0];
        int d = (int) cme[1], s = (int) cme[2];
        XYDataset data = plot.getDataset(d);
        Density1D expected = ghostRun.get("cme", 2).marginal(0);
        assertTrue(data.getItemCount(s) > 10);
        for (int i = 0; i < data.getItemCount(s); i++) {
            int c = (int) Math.round((data.getXValue(s, i) - expected.x(0)) / expected.dx());
            assertEquals(expected.x(c), data.getXValue(s, i), 1e-12);
            assertEquals(expected.density(c), data.getYValue(s, i), 0.0, "the ghost's own density at its last time");
        }
        assertTrue(plot.getRenderer(d).isSeriesVisibleInLegend(s));
        assertNotNull(series(chart, "SSA (ghost: Ω = 10)"), "its ensemble too, as a histogram's outline");

        Object[] live = series(chart, "Master equation");
        Color ghostPaint = (Color) plot.getRenderer(d).getSeriesPaint(s), livePaint = (Color) plot.getRenderer((int) live[1]).getSeriesPaint((int) live[2]);
        assertTrue(ghostPaint.getAlpha() < 0.6 * livePaint.getAlpha(), "faded: " + ghostPaint + " vs " + livePaint);
        BasicStroke ghostStroke = (BasicStroke) plot.getRenderer(d).getSeriesStroke(s), liveStroke = (BasicStroke) plot.getRenderer((int) live[1]).getSeriesStroke((int) live[2]);
        assertTrue(ghostStroke.getLineWidth() < liveStroke.getLineWidth(), "thinner");
        assertNotNull(ghostStroke.getDashArray(), "dashed where the live line is solid");

        for (String pane : List.of("timecourse", "km")) {
            Pane p = charts.pane(pane).orElseThrow();
            assertTrue(!ghostSeries(p.chart()).isEmpty(), pane + " draws the ghost");
        }
        Object[] mean = series(charts.pane("timecourse").orElseThrow().chart(), "CME mean (ghost: Ω = 10)");
        XYDataset means = ((XYPlot) mean[0]).getDataset((int) mean[1]);
        assertEquals(3, means.getItemCount((int) mean[2]));
        assertEquals(ghostRun.get("cme", 2).mean(0), means.getYValue((int) mean[2], 2), 0.0);
    }

    @Test void theCloudDrawsTheGhostsOneSigmaEllipseOfItsOwnMeanAndCovariance() {
        Preset pp = PresetIO.read(Path.of("presets/predator-prey.json"));
        RunSettings lna = pp.run().withSolvers(List.of("lna")).withSamples(3);
        Model current = pp.model(), old = pp.model().with("d", 1.5);
        Recording now, ghostRun;
        try (SimulationService service = SimulationService.sameThread(SolverRegistry.builtIn())) {
            now = service.start(RunRequest.figure(current, lna, 1)).recording();
            ghostRun = service.start(RunRequest.figure(old, lna, 1)).recording();
        }
        Ghost ghost = Ghost.of(old, lna, ghostRun).against(current, lna);
        ChartSet charts = new ChartSet(current, ChartStyle.light());
        charts.play(current, lna.tEnd(), now, 2, Set.of(), Map.of(Ghost.class, ghost));
        JFreeChart cloud = charts.pane("cloud").orElseThrow().chart();
        List<Object[]> ghosts = ghostSeries(cloud);
        assertEquals(1, ghosts.size());
        XYDataset e = ((XYPlot) ghosts.get(0)[0]).getDataset((int) ghosts.get(0)[1]);
        int s = (int) ghosts.get(0)[2];
        assertEquals("LNA 1σ (ghost: d = 1.5)", e.getSeriesKey(s).toString());
        double mx = 0, my = 0;
        int n = e.getItemCount(s) - 1;   // the ring is closed: its last point repeats the first
        for (int i = 0; i < n; i++) { mx += e.getXValue(s, i); my += e.getYValue(s, i); }
        assertEquals(ghostRun.get("lna", 2).mean(0), mx / n, 1e-9, "centred on the ghost's mean, not the live run's");
        assertEquals(ghostRun.get("lna", 2).mean(1), my / n, 1e-9);
        assertTrue(Math.abs(now.get("lna", 2).mean(1) - my / n) > 1e-3, "the two runs' means differ, so the check can fail");
    }

    @Test void aGhostWithNoSpeciesOfTheSameNameDrawsNothingAndBreaksNothing() {
        Preset kicks = PresetIO.read(Path.of("presets/skewed-kicks.json"));
        Model other = kicks.model();
        Recording ghostRun;
        RunSettings small = kicks.run().withSolvers(List.of("ssa")).withTrajectories(20).withSamples(3);
        try (SimulationService service = SimulationService.sameThread(SolverRegistry.builtIn())) {
            ghostRun = service.start(RunRequest.figure(other, small, 1)).recording();
        }
        Ghost ghost = Ghost.of(other, small, ghostRun).against(BD.model(), SETTINGS);
        assertTrue(ghost.label().startsWith("ghost: " + other.name() + ", "), "another model: its name first, " + ghost.label());
        Recording now = run(BD.model());
        ChartSet charts = new ChartSet(BD.model(), ChartStyle.light());
        charts.play(BD.model(), SETTINGS.tEnd(), now, 2, Set.of(), Map.of(Ghost.class, ghost));
        MultiPanelFigure fig = (MultiPanelFigure) PaneFigures.of(charts, Panes.forModel(BD.model()), FigureSize.DOUBLE, PublicationStyle.DEFAULT);
        assertNotNull(fig);
        for (Pane p : charts.panes()) assertEquals(0, ghostSeries(p.chart()).size(), p.kind().id());
    }
}
