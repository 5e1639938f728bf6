package org.kmlab.ui;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.Panes;
import org.kmlab.model.OneStepPassage;
import org.kmlab.model.Preset;
import org.kmlab.run.SolverRegistry;
import org.kmlab.run.sweep.PassageResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;
import static org.kmlab.ui.WindowDriver.typeInto;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * Analysis ▸ System-size sweep… measuring the mean first-passage time (headless, the real
 * solvers): greyed out with the reason on birth–death (no absorbing set); on the logistic preset a
 * sweep over three small Ω draws the passage pane with each source's exponent, the master
 * equation's T equals the exact sum, and the data export writes passage.csv.
 */
@ExtendWith(ApplicationExtension.class)
class PassageSweepWindowTest {
    @TempDir static Path config;
    @TempDir Path out;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.show(stage, SolverRegistry.builtIn(), config);
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private SweepViewModel vm() { return window.sweep().viewModel(); }

    @Test void logisticExtinctionTimeAgainstOmega(FxRobot robot) throws Exception {
        assertEquals("birth-death", window.session().presetProperty().get().id());
        robot.clickOn("Analysis").clickOn("System-size sweep…");
        waitFor(5, () -> robot.lookup("#sweep-values").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertTrue(robot.lookup("#sweep-quantity").query().isDisabled(), "no absorbing set: the choice is greyed out");
        assertTrue(WindowDriver.text(robot, "#sweep-quantity-note").contains("has no absorbing set: add \"absorbing\""),
                WindowDriver.text(robot, "#sweep-quantity-note"));

        robot.interact(() -> {
            for (Preset p : window.session().presets()) if (p.id().equals("logistic")) window.session().select(p);
        });
        waitFor(5, () -> !robot.lookup("#sweep-quantity").query().isDisabled());
        assertFalse(robot.lookup("#sweep-quantity-note").queryAs(Label.class).isVisible());
        robot.clickOn("#sweep-quantity").clickOn("mean first-passage time");
        waitFor(5, () -> vm().quantityProperty().get() == SweepViewModel.Quantity.PASSAGE);
        assertEquals("2, 5, 10, 20, 40", vm().valuesProperty().get(), "the passage defaults within the preset's Ω range");
        assertTrue(robot.lookup("#sweep-time").query().isDisabled(), "no comparison time");
        assertTrue(vm().solvers().get("ssa").get() && vm().solvers().get("cme").get() && vm().solvers().get("fp").get());
        robot.interact(() -> vm().solvers().get("ssa").set(false));   // fast: the direct sources only
        typeInto(robot, "#sweep-values", "2, 4, 8");                   // Enter starts it

        waitFor(60, () -> vm().passageResultProperty().get() != null && vm().passageResultProperty().get().state() != org.kmlab.run.sweep.SweepResult.State.RUNNING
                && !vm().isRunning());
        PassageResult r = vm().passageResultProperty().get();
        assertEquals(3, r.finishedCount());
        double[] cme = r.series("cme").orElseThrow().time();
        for (int i = 0; i < 3; i++) {
            double omega = r.values()[i];
            double exact = OneStepPassage.meanTime(window.session().model().with("Omega", omega).with("X0", omega));
            assertEquals(exact, cme[i], 1e-6 * exact, "Ω = " + omega);
        }
        waitFor(20, () -> window.charts().paneKinds().contains(Panes.PASSAGE_SWEEP) && legend(window.charts().chart("passage")).stream().anyMatch(l -> l.startsWith("FP  S = ")));
        List<String> legend = legend(window.charts().chart("passage"));
        assertTrue(legend.stream().anyMatch(l -> l.startsWith("exact  S = ")), legend.toString());
        waitFor(5, () -> window.status().messageProperty().get().contains("exponent S"));

        Path dir = out.resolve("data");
        AtomicReference<CompletableFuture<Path>> data = new AtomicReference<>();
        robot.interact(() -> data.set(vm().exportData(dir)));
        data.get().get(20, TimeUnit.SECONDS);
        List<String> csv = Files.readAllLines(dir.resolve("passage.csv"));
        assertEquals(4, csv.size());
        assertEquals("Omega,exact_T,exact_se,cme_T,cme_se,fp_T,fp_se", csv.get(0));

        // back on a model without an absorbing set: the quantity returns to distances, greyed out
        robot.interact(() -> {
            for (Preset p : window.session().presets()) if (p.id().equals("birth-death")) window.session().select(p);
        });
        assertEquals(SweepViewModel.Quantity.DISTANCES, vm().quantityProperty().get());
        assertNull(vm().passageResultProperty().get());
        assertFalse(window.charts().paneKinds().contains(Panes.PASSAGE_SWEEP));
        assertEquals(SweepViewModel.Quantity.DISTANCES, robot.lookup("#sweep-quantity").queryAs(ChoiceBox.class).getValue());
    }

    private static List<String> legend(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        if (chart == null || chart.getLegend() == null) return out;
        var items = chart.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
        return out;
    }
}
