package org.kmlab.export;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.Panes;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.model.RunSettings;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaneFiguresTest {

    private static Recording tinyRun(Preset p) {
        RunSettings settings = p.run().withSolvers(List.of("ssa")).withTrajectories(20).withSamples(5);
        try (SimulationService service = SimulationService.sameThread(SolverRegistry.builtIn())) {
            Run run = service.start(RunRequest.figure(p.model(), settings, 1));
            assertEquals("", run.failureMessage());
            return run.recording();
        }
    }

    @Test
    void animationFramesFollowTheRunInOrder() {
        Preset bd = PresetIO.read(Path.of("presets/birth-death.json"));
        Recording rec = tinyRun(bd);
        ChartSet charts = new ChartSet(bd.model(), ChartStyle.light());
        List<Figure> frames = PaneFigures.animation(charts, bd.model(), 10, rec, Set.of(), List.of(Panes.DISTRIBUTION), FigureSize.SINGLE, null);
        assertEquals(5, frames.size());
        for (int k = 0; k < 5; k++) {
            ChartFigure f = (ChartFigure) frames.get(k);
            assertEquals(String.format("Distribution at t = %.2f", rec.time(k)), f.chart().getTitle().getText());
        }
    }

    @Test
    void solversKeepTheirPublicationColourInEveryThemeAndEveryPane() {
        Preset bd = PresetIO.read(Path.of("presets/birth-death.json"));
        RunSettings settings = bd.run().withSolvers(List.of("ssa", "cme", "fp")).withTrajectories(20).withSamples(3);
        Recording rec;
        try (SimulationService service = SimulationService.sameThread(SolverRegistry.builtIn())) {
            rec = service.start(RunRequest.figure(bd.model(), settings, 1)).recording();
        }
        for (ChartStyle theme : List.of(ChartStyle.light(), ChartStyle.dark(), ChartStyle.dark().classroomScale())) {
            ChartSet charts = new ChartSet(bd.model(), theme);
            charts.play(bd.model(), 10, rec, 2, Set.of());
            MultiPanelFigure f = (MultiPanelFigure) PaneFigures.of(charts, Panes.forModel(bd.model()), FigureSize.DOUBLE, PublicationStyle.DEFAULT);
            XYPlot dist = (XYPlot) f.panelChart(0).getPlot();
            assertEquals(PublicationStyle.PALETTE[2], dist.getRenderer(2).getSeriesPaint(0), "FP vermillion in the distribution, " + theme.name());
            assertEquals(PublicationStyle.PALETTE[0].getRGB() & 0xFFFFFF, ((java.awt.Color) dist.getRenderer(0).getSeriesPaint(0)).getRGB() & 0xFFFFFF, "SSA blue bars");
            XYPlot time = (XYPlot) ((org.jfree.chart.plot.CombinedDomainXYPlot) f.panelChart(1).getPlot()).getSubplots().get(0);
            java.awt.Paint fpMean = null;
            for (int i = 0; i < time.getDatasetCount(); i++) {
                for (int j = 0; time.getDataset(i) != null && j < time.getDataset(i).getSeriesCount(); j++) {
                    if (time.getDataset(i).getSeriesKey(j).toString().equals("FP mean")) fpMean = time.getRenderer(i).getSeriesPaint(j);
                }
            }
            assertEquals(PublicationStyle.PALETTE[2], fpMean, "FP vermillion in the time course too");
            XYPlot km = (XYPlot) f.panelChart(2).getPlot();
            assertEquals(java.awt.Color.BLACK, km.getRenderer(0).getSeriesPaint(0), "the KM drift takes no solver's colour");
        }
    }

    @Test
    void playingToTheEndShowsTheLastTimeInEveryPane() {
        Preset bd = PresetIO.read(Path.of("presets/birth-death.json"));
        Recording rec = tinyRun(bd);
        ChartSet charts = new ChartSet(bd.model(), ChartStyle.light());
        charts.play(bd.model(), 10, rec, rec.timeCount() - 1, Set.of());
        assertEquals("Distribution at t = 10.00", charts.pane("distribution").orElseThrow().chart().getTitle().getText());
        XYPlot time = charts.pane("timecourse").orElseThrow().chart().getXYPlot();
        assertEquals(10.0, time.getDomainAxis().getUpperBound(), 1e-9);
        assertTrue(charts.pane("km").orElseThrow().chart().getXYPlot().getDataset(0).getItemCount(0) > 0);
    }
}
