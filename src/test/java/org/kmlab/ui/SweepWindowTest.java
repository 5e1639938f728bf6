package org.kmlab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.Panes;
import org.kmlab.export.FigureSize;
import org.kmlab.model.Preset;
import org.kmlab.run.SolverRegistry;
import org.kmlab.run.sweep.SweepResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.typeInto;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * The system-size sweep in the real window (headless), with the real solvers: a sweep of
 * birth–death over three values of Ω draws the sweep pane with FP and LNA and their slopes in the
 * legend, can be exported as a figure and as data, and goes when another model is chosen; a sweep
 * cancelled at once leaves no pane and a window that answers; refused values say why on the field.
 */
@ExtendWith(ApplicationExtension.class)
class SweepWindowTest {
    @TempDir static Path config;
    @TempDir Path out;
    private MainWindow window;
    private Stage stage;

    @Start void start(Stage stage) {
        this.stage = stage;
        window = WindowDriver.show(stage, SolverRegistry.builtIn(), config);
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private void openSweep(FxRobot robot) {
        robot.clickOn("Analysis").clickOn("System-size sweep…");
        waitFor(5, () -> robot.lookup("#sweep-values").tryQuery().map(n -> n.isVisible()).orElse(false));
    }

    private SweepViewModel vm() { return window.sweep().viewModel(); }

    @Test void aSweepOfBirthDeathDrawsFpAndLnaWithTheirSlopes(FxRobot robot) throws Exception {
        assertEquals("birth-death", window.session().presetProperty().get().id());
        openSweep(robot);
        assertEquals("Omega", vm().parameterProperty().get());
        assertEquals("1, 3, 10, 30, 100", vm().valuesProperty().get());
        assertEquals(ParameterViewModel.format(window.session().settings().tEnd()), vm().timeProperty().get());
        typeInto(robot, "#sweep-values", "3, 10, 30");   // Enter starts the sweep

        waitFor(60, () -> vm().result() != null && vm().result().isComplete());
        SweepResult r = vm().result();
        assertEquals(3, r.finishedCount());
        assertTrue(r.series("fp").isPresent() && r.series("lna").isPresent());
        double fp = r.series("fp").get().l1Fit().slope(), lna = r.series("lna").get().l1Fit().slope();
        assertTrue(fp < -0.7 && fp > -1.3, "FP slope " + fp);
        assertTrue(lna < -0.3 && lna > -0.7, "LNA slope " + lna);

        waitFor(20, () -> window.charts().paneKinds().contains(Panes.SWEEP) && legend(window.charts().chart("sweep")).stream().anyMatch(l -> l.startsWith("FP")));
        List<String> legend = legend(window.charts().chart("sweep"));
        assertTrue(legend.stream().anyMatch(l -> l.startsWith("FP") && l.contains("slope −")), legend.toString());
        assertTrue(legend.stream().anyMatch(l -> l.startsWith("LNA") && l.contains("slope −")), legend.toString());
        waitFor(5, () -> window.status().messageProperty().get().contains("FP slope −"));

        // Export figure… and Copy chart iterate over the sweep pane like the others
        ExportMenu menu = new ExportMenu(() -> stage, window.session(), () -> window.theme().chartStyle(), () -> window.transport().index(),
                () -> window.charts().options(), () -> window.charts().analyses());
        Path png = out.resolve("sweep.png");
        AtomicReference<CompletableFuture<Path>> figure = new AtomicReference<>();
        robot.interact(() -> figure.set(menu.exportFigure(new ExportMenu.Request(List.of(Panes.SWEEP), FigureSize.SINGLE, 150, true, 10), png)));
        assertEquals(png, figure.get().get(20, TimeUnit.SECONDS));
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 100);
        robot.interact(menu::close);

        // Export sweep data…: both files, whole
        Path dir = out.resolve("data");
        AtomicReference<CompletableFuture<Path>> data = new AtomicReference<>();
        robot.interact(() -> data.set(vm().exportData(dir)));
        data.get().get(20, TimeUnit.SECONDS);
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).startsWith("Omega,fp_l1,"), csv.get(0));
        assertTrue(Files.readString(dir.resolve("sweep.json")).contains("\"state\" : \"done\""));

        // another model clears the sweep and its pane
        robot.interact(() -> {
            for (Preset p : window.session().presets()) if (p.id().equals("ornstein-uhlenbeck")) window.session().select(p);
        });
        assertNull(vm().result());
        assertFalse(window.charts().paneKinds().contains(Panes.SWEEP));
    }

    @Test void aSweepCancelledAtOnceLeavesNoPaneAndAWindowThatAnswers(FxRobot robot) {
        openSweep(robot);
        robot.interact(() -> vm().valuesProperty().set("10, 100, 1000"));
        robot.clickOn("#sweep-run");
        assertTrue(vm().isRunning());
        assertTrue(robot.lookup("#status-sweep").queryAs(Label.class).getParent().isVisible());
        long t0 = System.nanoTime();
        robot.push(KeyCode.ESCAPE);
        waitFor(2, () -> !vm().isRunning());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        SweepResult r = vm().result();
        // nothing finished so soon: no pane; should one value have finished, it is marked cancelled
        if (r == null) assertFalse(window.charts().paneKinds().contains(Panes.SWEEP));
        else assertEquals(SweepResult.State.CANCELLED, r.state());
        assertTrue(vm().statusProperty().get().startsWith("Sweep cancelled"), vm().statusProperty().get());
        assertFalse(robot.lookup("#status-sweep").queryAs(Label.class).getParent().isVisible());

        // the window still answers: a run plays
        robot.interact(() -> window.transport().speedProperty().set(100));
        robot.clickOn("#play");
        waitFor(30, () -> window.session().run() != null && window.session().run().isFinished());
    }

    @Test void refusedValuesSayWhyOnTheirField(FxRobot robot) {
        openSweep(robot);
        typeInto(robot, "#sweep-values", "3, ten, 30");
        assertEquals("'ten' is not a number", WindowDriver.text(robot, "#sweep-values-error"));
        assertTrue(robot.lookup("#sweep-values").queryAs(TextField.class).getStyleClass().contains("invalid"));
        assertFalse(vm().isRunning());

        typeInto(robot, "#sweep-values", "0, 10");
        assertEquals("Ω = 0: the values must be > 0 (the slopes are fitted on log–log axes)", WindowDriver.text(robot, "#sweep-values-error"));
        typeInto(robot, "#sweep-values", "1, 1e400");
        assertEquals("'1e400' is too large", WindowDriver.text(robot, "#sweep-values-error"));
        typeInto(robot, "#sweep-values", "10, 10");
        assertEquals("Ω = 10 is given twice", WindowDriver.text(robot, "#sweep-values-error"));
        typeInto(robot, "#sweep-values", "10");
        assertEquals("a sweep needs at least 2 values, got 1", WindowDriver.text(robot, "#sweep-values-error"));

        robot.interact(() -> vm().parameterProperty().set("X0"));
        typeInto(robot, "#sweep-values", "1, 2.5");
        assertEquals("X0 = 2.5: a count is a whole number", WindowDriver.text(robot, "#sweep-values-error"));

        typeInto(robot, "#sweep-values", "1, 5");
        assertFalse(robot.lookup("#sweep-values-error").queryAs(Label.class).isVisible());
        assertFalse(robot.lookup("#sweep-values").queryAs(TextField.class).getStyleClass().contains("invalid"));
        robot.interact(() -> vm().cancel());

        typeInto(robot, "#sweep-time", "-1");
        assertEquals("T must be a number > 0", WindowDriver.text(robot, "#sweep-time-error"));
        robot.interact(() -> vm().solvers().get("cme").set(false));
        assertTrue(WindowDriver.text(robot, "#sweep-solvers-error").contains("CME or SSA"));
        // the valid values may have started a sweep: the cancel stops it (kept, marked cancelled), unless it
        // had already finished (0.1 s on an idle machine): then it is kept as done; never still running
        assertTrue(vm().result() == null || vm().result().state() != org.kmlab.run.sweep.SweepResult.State.RUNNING, String.valueOf(vm().result()));
    }

    /** The legend's labels (the sweep pane's legend gathers both panels). */
    private static List<String> legend(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        if (chart == null || chart.getLegend() == null) return out;
        for (LegendItemSource s : chart.getLegend().getSources()) {
            var items = s.getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
        }
        return out;
    }
}
