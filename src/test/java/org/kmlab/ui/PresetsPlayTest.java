package org.kmlab.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.Preset;
import org.kmlab.run.Run;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverPhase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.items;
import static org.kmlab.ui.WindowDriver.text;
import static org.kmlab.ui.WindowDriver.waitFor;
import static org.kmlab.ui.WindowDriver.waitUntilPlayedToTheEnd;

/** Every preset, on the real solvers, as a user would: pick it, set a small ensemble, press Play, watch it to the end. */
@ExtendWith(ApplicationExtension.class)
class PresetsPlayTest {
    @TempDir static Path config;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = new MainWindow(stage, SimulationService.background(), new SettingsStore(config.resolve("settings.json")), Path.of("presets"));
        stage.show();
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    @Test void everyPresetPlaysToTheEndAndFillsTheCharts(FxRobot robot) {
        List<Preset> presets = List.copyOf(window.session().presets());
        assertTrue(presets.size() >= 4, "presets found: " + presets.size());
        robot.interact(() -> window.transport().speedProperty().set(100));
        for (Preset p : presets) {
            robot.interact(() -> robot.lookup("#model-choice").queryAs(ComboBox.class).getSelectionModel().select(p));
            WindowDriver.typeInto(robot, "#field-trajectories", "300");
            robot.clickOn("#play");
            Run run;
            try {
                run = waitUntilPlayedToTheEnd(window, 30);
            } catch (AssertionError e) {
                throw new AssertionError(p.id() + ": did not play to the end", e);
            }
            assertEquals(p.model().name(), run.request().model().name());
            assertEquals(300, run.trajectories(), p.id() + ": the trajectories typed in");
            assertEquals(SolverPhase.DONE, run.state("ssa").phase(), p.id() + ": " + run.failureMessage());
            int last = run.recording().timeCount() - 1;
            assertEquals(last, window.transport().index(), p.id() + ": playback reaches the end");
            // the charts are drawn on their own thread: wait for the frame of the last time
            String title = String.format(Locale.ROOT, "Distribution at t = %.2f", run.recording().time(last));
            boolean twoD = p.model().speciesCount() == 2;
            waitFor(10, () -> window.charts().chart("distribution").getTitle().getText().equals(title)
                    && items(window.charts().chart("timecourse"), 2, 0) == last + 1
                    && (!twoD || window.charts().chart("cloud").getTitle().getText().endsWith(String.format(Locale.ROOT, "%.2f", run.recording().time(last)))));
            assertTrue(items(window.charts().chart("distribution"), 0, 0) > 0, p.id() + ": SSA histogram drawn");
            assertEquals(last + 1, items(window.charts().chart("timecourse"), 2, 0), p.id() + ": SSA mean over the whole run");
            assertTrue(items(window.charts().chart("km"), 0, 0) > 0, p.id() + ": drift drawn");
            if (p.model().speciesCount() == 2) assertTrue(items(window.charts().chart("cloud"), 0, 0) > 0, p.id() + ": cloud drawn");
            if (p.model().speciesCount() >= 3) {   // the chain of cells: a point per cell for each solver in the profile pane
                int cells = p.model().speciesCount();
                waitFor(10, () -> items(window.charts().chart("profile"), 1, 0) == cells);
            }
            String endTime = String.format(Locale.ROOT, "t = %.2f", run.recording().time(last));
            try {
                waitFor(5, () -> text(robot, "#status-time").startsWith(endTime));
            } catch (AssertionError e) {
                throw new AssertionError(p.id() + ": the status says '" + text(robot, "#status-time") + "', not " + endTime
                        + "; same run " + (window.session().run() == run) + ", transport index " + window.transport().index() + " playing " + window.transport().isPlaying() + " drawing problem: " + window.charts().drawingProblem(), e);
            }
            if (run.recording().solvers().size() >= 2) {   // a reference and something to compare with it
                var expected = org.kmlab.run.SolverComparison.at(run.recording(), last).rows().get(0);
                String l1 = String.format(Locale.ROOT, "%.4f", expected.headlineL1());
                waitFor(10, () -> robot.lookup("#distance-l1-1").tryQuery()   // one lookup: the table is rebuilt as rows arrive
                        .map(n -> ((javafx.scene.control.Label) n).getText().equals(l1)).orElse(false));
                if (p.id().equals("birth-death")) {   // the physics, not just the wiring: near stationarity FP is ~4e-3 from the CME at Ω = 1
                    var fp = org.kmlab.run.SolverComparison.at(run.recording(), last).rows().stream()
                            .filter(r -> r.solver().equals("fp")).findFirst().orElseThrow();
                    assertTrue(fp.headlineL1() < 0.02, "birth-death: L1(FP, CME) at t = 10 was " + fp.headlineL1());
                    String fpCme = String.format(Locale.ROOT, "L1(FP, CME) = %.3f", fp.headlineL1());
                    waitFor(10, () -> text(robot, "#status-l1").equals(fpCme));
                }
            }
        }
    }
}
