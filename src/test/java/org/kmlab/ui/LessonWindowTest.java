package org.kmlab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.PaneKind;
import org.kmlab.run.Run;
import org.kmlab.run.SimulationService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.text;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * Lessons in the real window (headless, stand-in solvers): a lesson file opens beside the charts,
 * Next and Previous apply each step's preset, values, solvers, panes and options and start its
 * run; a malformed file is refused naming its line and nothing changes.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {
    static {   // the first window of a JVM (toolkit, fonts, presets) was seen to take over 30 s on a shared, loaded machine
        if (System.getProperty("testfx.setup.timeout") == null) System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir static Path dir;
    private MainWindow window;

    static final String LESSON = """
            kmlab-lesson/1
            title: Window test
            step: Birth and death at Omega 20
            preset: birth-death
            set: k1 = 20, Omega = 20, tEnd = 4
            solvers: ssa, cme
            panes: distribution, km
            options: km.higherOrders
            text: First step text.
            question: First question?
            look: The first thing.

            step: Logistic
            preset: logistic
            set: c = 0.25
            panes: timecourse
            text: Second step text.

            step: Random walk
            preset: random-walk
            text: Third.
            """;

    @Start void start(Stage stage) {
        store = new SettingsStore(dir.resolve("settings-" + System.nanoTime() + ".json"));
        window = new MainWindow(stage, SimulationService.background(FakeSolver.all(new AtomicLong(1_000_000L))), store, Path.of("presets"));
        stage.show();
    }

    private SettingsStore store;

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static List<String> shownPanes(MainWindow w) {
        return w.charts().paneKinds().stream().map(PaneKind::id).toList();
    }

    @Test void aLessonOpensBesideTheChartsAndSteppingAppliesEachStep(FxRobot robot) throws IOException {
        Path file = dir.resolve("test.lesson");
        Files.writeString(file, LESSON);
        robot.interact(() -> assertTrue(window.openLesson(file)));

        assertEquals("Step 1 of 3", text(robot, "#lesson-position"));
        assertEquals("Birth and death at Omega 20", text(robot, "#lesson-step-title"));
        assertEquals("First question?", text(robot, "#lesson-question"));
        assertEquals("birth-death", window.session().presetProperty().get().id());
        assertEquals(20, window.session().model().valueOf("k1"));
        assertEquals(20, window.session().model().valueOf("Omega"));
        assertEquals(4, window.session().settings().tEnd());
        assertEquals(List.of("ssa", "cme"), window.session().settings().solvers());
        assertEquals("20", robot.lookup("#field-k1").queryAs(TextField.class).getText(), "the panel shows the step's value");
        assertEquals(List.of("distribution", "km"), shownPanes(window));
        assertEquals(Set.of("km.higherOrders"), window.charts().options());
        waitFor(10, () -> window.session().run() != null);
        Run first = window.session().run();
        assertEquals(20, first.request().model().valueOf("k1"), "the step's run started with its values");
        assertTrue(robot.lookup("#lesson-previous").queryButton().isDisabled());

        robot.clickOn("#lesson-next");
        assertEquals("Step 2 of 3", text(robot, "#lesson-position"));
        assertEquals("logistic", window.session().presetProperty().get().id());
        assertEquals(0.25, window.session().model().valueOf("c"));
        assertEquals(List.of("timecourse"), shownPanes(window));
        assertEquals(Set.of(), window.charts().options(), "options the step does not name are off");
        assertFalse(robot.lookup("#lesson-question").queryAs(Label.class).isVisible(), "no question: none shown");
        waitFor(10, () -> window.session().run() != null && window.session().run() != first);
        assertEquals(0.25, window.session().run().request().model().valueOf("c"));

        robot.clickOn("#lesson-next");
        assertEquals("Step 3 of 3", text(robot, "#lesson-position"));
        assertTrue(robot.lookup("#lesson-next").queryButton().isDisabled());
        assertEquals(org.kmlab.chart.Panes.forModel(window.session().model()).stream().map(PaneKind::id).toList(), shownPanes(window),
                "no panes line: every pane");

        robot.clickOn("#lesson-previous");
        robot.clickOn("#lesson-previous");
        assertEquals("Step 1 of 3", text(robot, "#lesson-position"));
        assertEquals("birth-death", window.session().presetProperty().get().id());
        assertEquals(20, window.session().model().valueOf("k1"), "back at step 1: its values again");
        assertEquals(List.of("distribution", "km"), shownPanes(window));

        robot.clickOn("#lesson-close");
        assertNull(window.lessons().lesson());
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isEmpty() || !robot.lookup("#lesson-panel").query().isVisible()
                || robot.lookup("#lesson-panel").query().getScene() == null, "the panel is gone");
        assertEquals(org.kmlab.chart.Panes.forModel(window.session().model()).stream().map(PaneKind::id).toList(), shownPanes(window));
    }

    @Test void aShippedLessonOpensFromTheMenu(FxRobot robot) {
        robot.clickOn("Lessons");
        robot.clickOn("#lesson-drift-and-diffusion");
        assertEquals("Step 1 of 6", text(robot, "#lesson-position"));
        assertEquals("random-walk", window.session().presetProperty().get().id());
        assertEquals(0, window.session().model().valueOf("v"));
    }

    @Test void aMalformedLessonIsRefusedWithItsLineAndNothingChanges(FxRobot robot) throws IOException {
        Path file = dir.resolve("bad.lesson");
        Files.writeString(file, LESSON.replace("preset: logistic", "preset: logistc"));
        var before = window.session().model();
        robot.interact(() -> assertFalse(window.openLesson(file)));
        assertEquals("⚠ bad.lesson, line 14: unknown preset 'logistc'; did you mean 'logistic'?", window.session().noticeProperty().get());
        waitFor(5, () -> text(robot, "#status-message").contains("line 14"));
        assertNull(window.lessons().lesson());
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isEmpty());
        assertEquals(before, window.session().model());
    }

    @Test void resetRestoresThePresetsValues(FxRobot robot) {
        WindowDriver.typeInto(robot, "#field-k1", "33");
        WindowDriver.typeInto(robot, "#field-Omega", "7");
        WindowDriver.typeInto(robot, "#field-tEnd", "3");
        assertEquals(33, window.session().model().valueOf("k1"));
        robot.interact(() -> WindowDriver.scrollIntoView(robot.lookup("#reset-parameters").query()));
        robot.clickOn("#reset-parameters");
        assertEquals(10, window.session().model().valueOf("k1"), "birth-death.json: k1 = 10");
        assertEquals(1, window.session().model().valueOf("Omega"));
        assertEquals("10", robot.lookup("#field-k1").queryAs(TextField.class).getText());
        assertEquals(3, window.session().settings().tEnd(), "run settings stay");
    }

    @Test void aSessionRoundTripsAndABadOneIsRefused(FxRobot robot) throws IOException {
        robot.interact(() -> {
            window.session().select(window.session().presets().stream().filter(p -> p.id().equals("logistic")).findFirst().orElseThrow());
            window.session().set("c", 0.7);
            window.session().set("Omega", 33);
            window.session().set("X0", 12);
            window.session().set(SessionViewModel.T_END, 7.5);
            window.session().set(SessionViewModel.TRAJECTORIES, 123);
            window.session().set(SessionViewModel.SEED, 99);
            window.session().set(SessionViewModel.FP_CELLS, 64);
            window.session().setSolverEnabled("fp", false);
            window.session().setSolverEnabled("lna", true);
            window.charts().setOptions(List.of("distribution.log"));
        });
        Path file = dir.resolve("s.json");
        robot.interact(() -> assertTrue(window.saveSession(file)));
        var savedModel = window.session().model();
        var savedSettings = window.session().settings();

        robot.interact(() -> {   // change everything
            window.session().select(window.session().presets().get(0));
            window.session().set("k1", 3);
            window.charts().setOptions(List.of("km.higherOrders"));
        });
        robot.interact(() -> assertTrue(window.openSession(file)));
        assertEquals("logistic", window.session().presetProperty().get().id());
        assertEquals(savedModel, window.session().model());
        assertEquals(savedSettings, window.session().settings());
        assertEquals(List.of("ssa", "cme", "lna"), window.session().settings().solvers());
        assertEquals(Set.of("distribution.log"), window.charts().options());
        assertEquals("0.7", robot.lookup("#field-c").queryAs(TextField.class).getText());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"format\": \"kmlab-session/1\",\n  \"preset\": \"birth-death\",\n  \"values\": {\"k9\": 1}\n}\n");
        var before = window.session().model();
        robot.interact(() -> assertFalse(window.openSession(bad)));
        assertTrue(window.session().noticeProperty().get().contains("unknown parameter 'k9'"), window.session().noticeProperty().get());
        assertEquals(before, window.session().model(), "a bad session changes nothing");
        Files.writeString(bad, "{\n  \"format\": \"kmlab-session/1\",\n  \"preset\": \"birth-death\",\n  oops\n}\n");
        robot.interact(() -> assertFalse(window.openSession(bad)));
        assertTrue(window.session().noticeProperty().get().startsWith("⚠ Could not open the session: bad.json: line 4: "), window.session().noticeProperty().get());
        assertNotSame(null, window.session().model());
    }
}
