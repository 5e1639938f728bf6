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
import org.kmlab.run.Run;
import org.kmlab.run.SimulationService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.waitFor;
import static org.kmlab.ui.WindowDriver.waitUntilPlayedToTheEnd;

/**
 * Compare in the window, as a user does it: play, Run ▸ Pin as ghost, change Ω, play; the
 * distribution pane then holds the pinned run's densities, labelled with Ω's old value, and
 * Run ▸ Clear ghost takes them away. Stand-in solvers, so only the wiring is tested here.
 */
@ExtendWith(ApplicationExtension.class)
class GhostWindowTest {
    @TempDir static Path config;
    private MainWindow window;

    @Start void start(Stage stage) {
        SettingsStore store = new SettingsStore(config.resolve("settings-" + System.nanoTime() + ".json"));
        window = new MainWindow(stage, SimulationService.background(FakeSolver.all(new AtomicLong(1_000_000L))), store, Path.of("presets"));
        stage.show();
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    /** The labels of the ghost series of the distribution pane, read on the render thread that owns the charts. */
    private List<String> ghostLabels() {
        JFreeChart chart = window.charts().chart("distribution");
        List<String> labels = new ArrayList<>();
        for (XYPlot plot : org.kmlab.chart.ChartLooks.xyPlots(chart.getPlot())) {
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                XYDataset data = plot.getDataset(d);
                for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
                    if (data.getSeriesKey(s) instanceof SeriesKey k && k.ghost() && data.getItemCount(s) > 0) labels.add(k.label());
                }
            }
        }
        return labels;
    }

    /** Run ▸ item, waiting for the menu to open (a loaded machine draws the popup late). */
    private static void menu(FxRobot robot, String item) {
        robot.clickOn(robot.lookup("#menu-bar").lookup("Run").<javafx.scene.Node>query());   // the menu, not the parameter panel's "Run" section
        waitFor(10, () -> robot.lookup(item).tryQuery().isPresent());
        robot.clickOn(item);
    }

    @Test void pinChangeOmegaAndTheDistributionShowsTheGhostUntilCleared(FxRobot robot) {
        robot.interact(() -> window.transport().speedProperty().set(100));
        double omega = window.session().model().valueOf("Omega");
        robot.clickOn("#play");
        Run first = waitUntilPlayedToTheEnd(window, 20);
        menu(robot, "Pin as ghost");

        WindowDriver.typeInto(robot, "#field-Omega", "20");
        assertNotEquals(omega, 20.0, "Ω really changes");
        waitFor(20, () -> window.session().run() != first && window.session().run().request().model().valueOf("Omega") == 20);
        robot.clickOn("#play");
        waitUntilPlayedToTheEnd(window, 20);
        String label = "(ghost: Ω = " + (long) omega + ")";
        waitFor(10, () -> !ghostLabels().isEmpty() && ghostLabels().stream().allMatch(l -> l.endsWith(label)));
        List<String> labels = ghostLabels();
        for (String id : first.recording().solvers()) {
            String shortLabel = first.recording().descriptor(id).shortLabel();
            assertTrue(labels.contains(shortLabel + " " + label), "a ghost series for " + id + " in " + labels);
        }

        menu(robot, "Clear ghost");
        waitFor(10, () -> ghostLabels().isEmpty());
        assertEquals(List.of(), ghostLabels());
    }
}
