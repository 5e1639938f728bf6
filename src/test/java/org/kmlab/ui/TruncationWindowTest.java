package org.kmlab.ui;

import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.SeriesKey;
import org.kmlab.model.Preset;
import org.kmlab.run.SolverRegistry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.waitFor;
import static org.kmlab.ui.WindowDriver.waitUntilPlayedToTheEnd;

/**
 * The truncated Kramers–Moyal expansions in the real window (headless, the real solvers): births in
 * pairs played with KM2–KM4 beside the master equation show KM3's negative part in its own series
 * with its mass printed (Pawula); KM4 on FP cells too fine for it says so in the status line, what
 * to do first.
 */
@ExtendWith(ApplicationExtension.class)
class TruncationWindowTest {
    @TempDir static Path config;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.show(stage, SolverRegistry.builtIn(), config);
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private void choosePairBirths(FxRobot robot) {
        robot.interact(() -> {
            for (Preset p : window.session().presets()) if (p.id().equals("pair-births")) window.session().select(p);
            window.session().set(SessionViewModel.TRAJECTORIES, 1000);
            window.transport().speedProperty().set(100);
        });
    }

    @Test void pairBirthsShowKm3GoingNegativeWithItsMass(FxRobot robot) {
        choosePairBirths(robot);
        assertTrue(List.of("km2", "km3", "km4").stream().allMatch(window.session()::isSolverEnabled));
        robot.clickOn("#play");
        waitUntilPlayedToTheEnd(window, 120);
        waitFor(20, () -> note(window.charts().chart("distribution")).startsWith("P < 0 (Pawula): KM3 0.000"));
        JFreeChart chart = window.charts().chart("distribution");
        XYPlot plot = (XYPlot) chart.getPlot();
        int cells = 0;
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            XYDataset d = plot.getDataset(i);
            if (d == null) continue;
            for (int s = 0; s < d.getSeriesCount(); s++) {
                SeriesKey key = (SeriesKey) d.getSeriesKey(s);
                if (key.role() == SeriesKey.Role.NEGATIVE && key.solver() != null && key.solver().id().equals("km3")) cells += d.getItemCount(s);
            }
        }
        assertTrue(cells > 0, "KM3's cells below zero are drawn as their own series");
        assertTrue(!window.status().failedProperty().get(), window.status().messageProperty().get());
    }

    @Test void km4OnCellsTooFineSaysWhatToDoInTheStatusLine(FxRobot robot) {
        choosePairBirths(robot);
        robot.interact(() -> {
            window.session().set(SessionViewModel.FP_CELLS, 600);
            for (String id : List.of("ssa", "km2", "km3")) window.session().setSolverEnabled(id, false);
        });
        robot.clickOn("#play");
        waitFor(60, () -> window.status().failedProperty().get());
        String message = window.status().messageProperty().get();
        assertTrue(message.startsWith("⚠ km4: the order-4 truncation is unstable on this grid (600 cells): set FP cells (--fp-cells) to at most "), message);
    }

    /** The note printed in the distribution pane ("P < 0 (Pawula): …"), or "". */
    private static String note(JFreeChart chart) { return org.kmlab.chart.ChartNotes.of(chart); }
}
