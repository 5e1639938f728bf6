package org.kmlab.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.Preset;
import org.kmlab.run.Run;
import org.kmlab.run.SimulationService;
import org.kmlab.solve.Density1D;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.items;
import static org.kmlab.ui.WindowDriver.text;
import static org.kmlab.ui.WindowDriver.waitFor;
import static org.kmlab.ui.WindowDriver.waitUntilPlayedToTheEnd;

/**
 * Drives the real window as a user does (headless, Monocle), on stand-in solvers whose pace the
 * test controls, so the UI's behaviour is tested apart from the numerics: a bad value is refused
 * on its field, a slider restarts a run, the scrubber shows earlier snapshots, an exploding model
 * leaves a message and the window keeps working.
 */
@ExtendWith(ApplicationExtension.class)
class KmlabWindowTest {
    @TempDir static Path config;
    private final AtomicLong pace = new AtomicLong(1_000_000L);
    private volatile boolean explode;
    private MainWindow window;
    private SettingsStore store;

    @Start void start(Stage stage) {
        org.kmlab.run.SolverRegistry fakes = FakeSolver.all(pace);
        org.kmlab.run.SolverRegistry solvers = new org.kmlab.run.SolverRegistry(fakes.ids().stream()
                .map(id -> id.equals("ssa") ? new ExplodingSolver(fakes.byId(id)) : fakes.byId(id)).toList());
        store = new SettingsStore(config.resolve("settings-" + System.nanoTime() + ".json"));
        window = new MainWindow(stage, SimulationService.background(solvers), store, Path.of("presets"));
        stage.show();
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test void opensOnBirthDeathReadyToPlay(FxRobot robot) {
        assertEquals("birth-death", window.session().presetProperty().get().id());
        assertTrue(robot.lookup("#model-reactions").queryAs(Label.class).getText().contains("∅ → X  at k1·Ω"));
        assertEquals(null, window.session().run(), "nothing runs before Play");
    }

    @Test void anInvalidValueIsMarkedOnItsFieldAndNeverApplied(FxRobot robot) {
        WindowDriver.typeInto(robot, "#field-k1", "abc");
        Label error = robot.lookup("#error-k1").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("not a number"), error.getText());
        assertTrue(robot.lookup("#field-k1").queryAs(TextField.class).getStyleClass().contains("invalid"));
        assertEquals(10, window.session().model().valueOf("k1"));

        WindowDriver.typeInto(robot, "#field-k1", "-3");
        assertEquals("the rate of 'birth' would be -3; rates cannot be negative", error.getText(), "the reason in words for the field");
        assertEquals(10, window.session().model().valueOf("k1"));

        robot.interact(() -> window.transport().speedProperty().set(100));
        robot.clickOn("#play");
        Run run = waitUntilPlayedToTheEnd(window, 20);
        assertEquals(10, run.request().model().valueOf("k1"), "the run keeps the last valid value");

        WindowDriver.typeInto(robot, "#field-k1", "12.5");
        assertTrue(!error.isVisible() && error.getText().isEmpty(), "a valid value clears the error");
        assertEquals(12.5, window.session().model().valueOf("k1"));
    }

    @Test void movingASliderDuringARunRestartsItWithTheNewValue(FxRobot robot) {
        pace.set(40_000_000L);   // about 4 s per run: still going when the slider moves
        robot.clickOn("#play");
        waitFor(10, () -> window.session().run() != null && window.session().run().liveEdge() >= 2);
        Run first = window.session().run();
        assertTrue(!first.isFinished());
        robot.drag("#slider-k1").moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        double moved = window.session().model().valueOf("k1");
        assertNotEquals(10.0, moved, "the slider changed k1");
        waitFor(10, () -> window.session().run() != first && window.session().run().request().model().valueOf("k1") == moved);
        assertTrue(first.isCancelled(), "the old run is cancelled");
        pace.set(1_000_000L);
        waitFor(20, () -> window.session().run().isFinished());
        assertEquals(moved, window.session().run().request().model().valueOf("k1"));
    }

    @Test void scrubbingBackShowsTheEarlierSnapshot(FxRobot robot) {
        robot.interact(() -> window.transport().speedProperty().set(100));
        robot.clickOn("#play");
        Run run = waitUntilPlayedToTheEnd(window, 20);
        Slider scrubber = robot.lookup("#scrubber").queryAs(Slider.class);
        robot.interact(() -> scrubber.setValue(10));
        String title = String.format(java.util.Locale.ROOT, "Distribution at t = %.2f", run.recording().time(10));
        waitFor(5, () -> window.charts().chart("distribution").getTitle().getText().equals(title));
        Density1D expected = run.recording().get("ssa", 10).marginal(0);
        XYDataset shown = WindowDriver.firstPanel(window.charts().chart("distribution")).getDataset(0);
        assertEquals(expected.size(), shown.getItemCount(0));
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.density(i), shown.getYValue(0, i), 0.0);
        assertNotEquals(expected.mean(), run.recording().get("ssa", run.recording().timeCount() - 1).marginal(0).mean(),
                "the earlier snapshot differs from the last one, so the check can fail");
        String time = String.format(java.util.Locale.ROOT, "t = %.2f", run.recording().time(10));
        waitFor(5, () -> text(robot, "#status-time").startsWith(time));
    }

    @Test void theLastModelAndItsValuesAreRememberedOnClose(FxRobot robot) {
        WindowDriver.typeInto(robot, "#field-k1", "12.5");
        robot.interact(() -> window.applyTheme(window.theme().withBase("dark")));
        robot.interact(() -> window.close());
        Settings saved = store.load();
        assertEquals("", store.warning());
        assertEquals("birth-death", saved.presetId);
        assertEquals(12.5, saved.values.get("k1"));
        assertEquals("dark", saved.theme);
    }

    @Test void anExplodingModelStopsWithAVisibleMessageAndTheWindowKeepsWorking(FxRobot robot) {
        explode = true;
        robot.interact(() -> window.transport().speedProperty().set(100));
        robot.clickOn("#play");
        waitFor(10, () -> window.session().run() != null && window.session().run().isFinished());
        waitFor(5, () -> text(robot, "#status-message").contains("population bound"));
        assertTrue(robot.lookup("#status-message").queryAs(Label.class).getStyleClass().contains("error"));
        assertTrue(text(robot, "#status-message").startsWith("⚠ ssa:"), text(robot, "#status-message"));

        explode = false;
        WindowDriver.typeInto(robot, "#field-k1", "11");   // a new value: Play starts a new run
        robot.clickOn("#play");
        waitUntilPlayedToTheEnd(window, 20);
        waitFor(5, () -> text(robot, "#status-message").startsWith("Finished"));
        assertTrue(!robot.lookup("#status-message").queryAs(Label.class).getStyleClass().contains("error"));
    }

    /** Stops as the real SSA does when a population passes the bound. */
    /** The fake SSA, or one that explodes while {@link #explode} is set. */
    private final class ExplodingSolver implements org.kmlab.solve.Solver {
        private final org.kmlab.solve.Solver fake;

        ExplodingSolver(org.kmlab.solve.Solver fake) { this.fake = fake; }

        @Override public org.kmlab.solve.SolverDescriptor descriptor() { return fake.descriptor(); }

        @Override public org.kmlab.solve.SolverResult solve(org.kmlab.solve.Problem p, org.kmlab.solve.SnapshotListener l, org.kmlab.solve.CancellationToken c) {
            if (!explode) return fake.solve(p, l, c);
            throw new org.kmlab.solve.SolverException("population bound 10000000 hit at t = 2.4 (trajectory 17)");
        }
    }
}
