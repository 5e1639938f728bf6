package org.kmlab.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.ChartLooks;
import org.kmlab.chart.PanelRow;
import org.kmlab.model.Preset;
import org.kmlab.run.Run;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.items;
import static org.kmlab.ui.WindowDriver.text;
import static org.kmlab.ui.WindowDriver.waitFor;
import static org.kmlab.ui.WindowDriver.waitUntilPlayedToTheEnd;

/**
 * What got in a new user's way, tried as one would (issue "What a new user trips over"), on
 * stand-in solvers: each test failed before its fix.
 */
@ExtendWith(ApplicationExtension.class)
class NewUserTest {
    @TempDir static Path config;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.showOnFakes(stage, config);
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    private void choose(FxRobot robot, String id) {
        Preset p = window.session().presets().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#model-choice").queryAs(ComboBox.class).getSelectionModel().select(p));
    }

    private Run play(FxRobot robot) {
        robot.interact(() -> window.transport().speedProperty().set(100));
        robot.clickOn("#play");
        return waitUntilPlayedToTheEnd(window, 30);
    }

    @Test void switchingToTwoSpeciesAndBackKeepsTheDistributionWhole(FxRobot robot) {
        play(robot);
        choose(robot, "predator-prey");
        Run two = play(robot);
        int last = two.recording().timeCount() - 1;
        waitFor(10, () -> window.charts().chart("distribution") != null
                && window.charts().chart("distribution").getTitle().getText().endsWith(String.format(java.util.Locale.ROOT, "%.2f", two.recording().time(last))));
        JFreeChart dist = window.charts().chart("distribution");
        assertTrue(dist.getPlot() instanceof PanelRow, "one panel per species");
        for (XYPlot panel : ChartLooks.xyPlots(dist.getPlot())) {
            assertTrue(panel.getDataset(0).getItemCount(0) > 0, "both marginals drawn");
            assertEquals(0, panel.getRangeAxis().getLowerBound(), 0, "each density axis starts at 0");
        }
        ChartPane pane = robot.lookup("#chart-distribution").queryAs(ChartPane.class);
        javafx.scene.Node time = robot.lookup("#chart-timecourse").query();
        assertTrue(pane.localToScene(pane.getBoundsInLocal()).getMaxY() <= time.localToScene(time.getBoundsInLocal()).getMinY() + 1,
                "the distribution no longer spans the time course's row");
        waitFor(5, () -> pane.image() != null && Math.abs(pane.image().getHeight() - pane.getHeight()) <= 1 && Math.abs(pane.image().getWidth() - pane.getWidth()) <= 1);
        choose(robot, "birth-death");
        Run one = play(robot);
        waitFor(10, () -> window.charts().chart("distribution") != null && !(window.charts().chart("distribution").getPlot() instanceof PanelRow)
                && items(window.charts().chart("distribution"), 0, 0) > 0);
        assertEquals(0, window.charts().chart("distribution").getXYPlot().getRangeAxis().getLowerBound(), 0);
        assertEquals(one, window.session().run());
    }

    @Test void aLongStatusMessageNeverMovesTheCharts(FxRobot robot) {
        javafx.scene.Node charts = robot.lookup("#chart-distribution").query();
        double before = charts.getBoundsInParent().getWidth();
        String longText = "⚠ " + "a very long message that goes on and on ".repeat(20);
        robot.interact(() -> window.session().setNotice(longText));
        waitFor(5, () -> text(robot, "#status-message").equals(longText));
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        robot.interact(() -> { });
        assertEquals(before, charts.getBoundsInParent().getWidth(), 0.5, "the charts keep their width");
        assertTrue(message.getWidth() < window.scene().getWidth(), "the message is cut, not the window widened");
        assertEquals(longText, message.getTooltip().getText(), "the whole message in a tooltip");
    }

    @Test void afterResetThePanesSayPressPlayAndReenteringAValueRestartsNothing(FxRobot robot) {
        Run run = play(robot);
        WindowDriver.typeInto(robot, "#field-k2", "1");   // the same value again
        assertFalse(window.session().restartPending(), "an unchanged value schedules no restart");
        assertSame(run, window.session().run());
        WindowDriver.typeInto(robot, "#field-k2", "1.5");
        assertTrue(window.session().restartPending(), "a new value does (the check can fail)");
        robot.clickOn("#reset");
        waitFor(5, () -> window.charts().chart("distribution").getTitle().getText().equals("Distribution: press Play"));
        waitFor(5, () -> text(robot, "#status-time").startsWith("t = 0"));
    }

    @Test void clickingAChartTakesTheFocusFromAFieldSoSpacePlays(FxRobot robot) {
        robot.clickOn("#field-k1");
        assertTrue(window.scene().getFocusOwner() instanceof TextInputControl);
        robot.clickOn("#chart-timecourse");
        assertFalse(window.scene().getFocusOwner() instanceof TextInputControl, "the chart took the focus");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitFor(5, () -> window.session().run() != null);
    }

    @Test void fieldsSpeakToPeople(FxRobot robot) {
        WindowDriver.typeInto(robot, "#field-k1", "");
        assertEquals("type a number", text(robot, "#error-k1"));
        WindowDriver.typeInto(robot, "#field-Omega", "0");
        assertEquals("Ω must be a number > 0", text(robot, "#error-Omega"));
        WindowDriver.typeInto(robot, "#field-X0", "-2");
        assertEquals("a count cannot be negative", text(robot, "#error-X0"));
    }

    @Test void classroomModeKeepsTheDarkThemeAndTheSolversInView(FxRobot robot) {
        robot.interact(() -> window.applyTheme(window.theme().withBase("dark")));
        robot.interact(() -> window.setClassroom(true));
        assertTrue(window.scene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")), window.scene().getStylesheets().toString());
        assertTrue(window.scene().getStylesheets().stream().anyMatch(s -> s.endsWith("classroom.css")));
        assertEquals("dark-classroom", window.theme().chartStyle().name());
        javafx.scene.Node box = robot.lookup("#solver-cle").query();
        javafx.geometry.Bounds b = box.localToScene(box.getBoundsInLocal());
        assertTrue(b.getMaxY() < window.scene().getHeight(), "the solver check boxes are in view without scrolling: " + b);
    }

    @Test void anExportIsConfirmedInTheStatusBarAfterARun(FxRobot robot) {
        play(robot);
        waitFor(5, () -> text(robot, "#status-message").startsWith("Finished"));
        robot.interact(() -> window.session().setNotice("Wrote /tmp/figure.png"));
        waitFor(5, () -> text(robot, "#status-message").equals("Wrote /tmp/figure.png"));
    }

    @Test void theWalkersStepsAreNamedAndTheirRatesWrittenForPeople(FxRobot robot) {
        choose(robot, "ornstein-uhlenbeck");
        String reactions = text(robot, "#model-reactions");
        assertTrue(reactions.contains("step right: X → X + 1  at D/(2·h²)"), reactions);
        assertFalse(reactions.contains("h^2") || reactions.contains("*"), reactions);
    }
}
