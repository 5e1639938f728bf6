package org.kmlab.export;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.kmlab.chart.ChartStyle;
import org.kmlab.export.WindowCharts.Pane;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowChartsTest {

    private static Recording tinyRun(Preset p) {
        RunSettings settings = p.run().withSolvers(List.of("ssa")).withTrajectories(20).withSamples(5);
        try (SimulationService service = SimulationService.sameThread(SolverRegistry.builtIn())) {
            Run run = service.start(RunRequest.figure(p.model(), settings, 1));
            assertEquals("", run.failureMessage());
            return run.recording();
        }
    }

    @Test
    void panesFollowTheWindowAndTheCloudNeedsTwoSpecies() {
        Preset bd = PresetIO.read(Path.of("presets/birth-death.json"));
        WindowCharts one = new WindowCharts(bd.model(), 10, ChartStyle.light());
        assertEquals(List.of(Pane.DISTRIBUTION, Pane.TIME_COURSE, Pane.KRAMERS_MOYAL), one.panes());
        assertThrows(IllegalArgumentException.class, () -> one.chart(Pane.CLOUD));
        Preset pp = PresetIO.read(Path.of("presets/predator-prey.json"));
        WindowCharts two = new WindowCharts(pp.model(), 10, ChartStyle.light());
        assertEquals(List.of(Pane.DISTRIBUTION, Pane.CLOUD, Pane.TIME_COURSE, Pane.KRAMERS_MOYAL), two.panes());
        assertEquals(Pane.KRAMERS_MOYAL, Pane.named("KM"));
    }

    @Test
    void animationFramesFollowTheRunInOrder() {
        Preset bd = PresetIO.read(Path.of("presets/birth-death.json"));
        Recording rec = tinyRun(bd);
        WindowCharts charts = new WindowCharts(bd.model(), 10, ChartStyle.light());
        List<Figure> frames = PaneFigures.animation(charts, rec, List.of(Pane.DISTRIBUTION), FigureSize.SINGLE, null);
        assertEquals(5, frames.size());
        for (int k = 0; k < 5; k++) {
            ChartFigure f = (ChartFigure) frames.get(k);
            assertEquals(String.format("Distribution at t = %.2f", rec.time(k)), f.chart().getTitle().getText());
        }
    }

    @Test
    void solverColoursKeepTheirPaletteSlotInEveryTheme() {
        PublicationStyle style = WindowCharts.publicationStyle(PublicationStyle.DEFAULT);
        for (ChartStyle theme : List.of(ChartStyle.light(), ChartStyle.dark(), ChartStyle.classroom())) {
            SeriesLooks looks = style.newLooks();
            looks.lookFor(java.awt.Color.MAGENTA); // an unknown colour first must not take a solver's slot
            assertEquals(SeriesLooks.OKABE_ITO[0], looks.lookFor(theme.ssa()).color(), theme.name());
            assertEquals(SeriesLooks.OKABE_ITO[1], looks.lookFor(theme.fp()).color(), theme.name());
            assertEquals(SeriesLooks.OKABE_ITO[2], looks.lookFor(theme.cle()).color(), theme.name());
        }
    }

    @Test
    void playingToTheEndShowsTheLastTimeInEveryPane() {
        Preset bd = PresetIO.read(Path.of("presets/birth-death.json"));
        Recording rec = tinyRun(bd);
        WindowCharts charts = new WindowCharts(bd.model(), 10, ChartStyle.light());
        charts.play(rec, rec.timeCount() - 1);
        assertEquals("Distribution at t = 10.00", charts.chart(Pane.DISTRIBUTION).getTitle().getText());
        XYPlot time = (XYPlot) charts.chart(Pane.TIME_COURSE).getPlot();
        assertEquals(10.0, time.getDomainAxis().getUpperBound(), 1e-9);
        assertTrue(((XYPlot) ((org.jfree.chart.plot.CombinedRangeXYPlot) charts.chart(Pane.KRAMERS_MOYAL).getPlot()).getSubplots().get(0)).getDataset().getItemCount(0) > 0);
    }
}
