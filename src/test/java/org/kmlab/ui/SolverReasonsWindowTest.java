package org.kmlab.ui;

import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.model.Model;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.text;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * What the window says about models it cannot run everywhere: with three species the master
 * equation and Fokker–Planck give their reason under the solver check boxes (the real solvers'
 * reasons; the runs are fakes), gone again for two species; an SBML file with a part that cannot
 * be simulated exactly leaves the element's name in the status line and the model unchanged.
 */
@ExtendWith(ApplicationExtension.class)
class SolverReasonsWindowTest {
    @TempDir static Path dir;
    private MainWindow window;

    /** Fake runs that refuse what the built-in solver of the same id refuses. */
    private static SolverRegistry fakesWithRealReasons() {
        SolverRegistry real = SolverRegistry.builtIn();
        AtomicLong pace = new AtomicLong(1_000_000L);
        return new SolverRegistry(real.ids().stream().map(id -> (Solver) new Solver() {
            private final FakeSolver fake = new FakeSolver(id, pace);
            @Override public SolverDescriptor descriptor() { return fake.descriptor(); }
            @Override public String unsupportedReason(Model model) { return real.byId(id).unsupportedReason(model); }
            @Override public SolverResult solve(Problem p, SnapshotListener l, CancellationToken c) { return fake.solve(p, l, c); }
        }).toList());
    }

    @Start void start(Stage stage) {
        window = WindowDriver.show(stage, fakesWithRealReasons(), dir);
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    @Test void threeSpeciesShowWhyTheMasterEquationAndFokkerPlanckDoNotRun(FxRobot robot) throws IOException {
        Path file = dir.resolve("chain.kmlab");
        Files.writeString(file, WindowDriver.CHAIN);
        robot.interact(() -> assertTrue(window.openPreset(file)));
        waitFor(20, () -> robot.lookup("#solver-reasons").tryQuery().isPresent());
        assertEquals("CME, FP: handles 1 or 2 species; this model has 3", text(robot, "#solver-reasons").lines().findFirst().orElse(""));
        CheckBox cme = robot.lookup("#solver-cme").queryAs(CheckBox.class);
        assertTrue(cme.getTooltip().getText().contains("Not for this model: handles 1 or 2 species; this model has 3"), cme.getTooltip().getText());
        for (String id : new String[] {"ssa", "cle", "lna"}) {
            assertFalse(text(robot, "#solver-reasons").contains(robot.lookup("#solver-" + id).queryAs(CheckBox.class).getText() + ":"), id + " runs any number");
        }

        robot.interact(() -> assertTrue(window.openPreset(Path.of("presets/predator-prey.json"))));
        waitFor(20, () -> robot.lookup("#solver-reasons").tryQuery().map(n -> !((javafx.scene.control.Label) n).getText().contains("CME")).orElse(true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rate-rule.xml|rate rule on species 'X' is not supported",
            "algebraic-rule.xml|algebraic rules are not supported",
            "delay.xml|reaction 'decay': kinetic law: delays are not supported",
            "fast-reaction.xml|reaction 'decay': fast reactions are not supported"})
    void aRefusedSbmlFileNamesTheElementInTheWindow(String file, String message, FxRobot robot) {
        String before = window.session().model().name();
        AtomicBoolean opened = new AtomicBoolean(true);
        robot.interact(() -> opened.set(window.openPreset(Path.of("src/test/resources/sbml/refused", file))));
        assertFalse(opened.get());
        waitFor(5, () -> text(robot, "#status-message").contains(file + ": " + message));
        assertEquals(before, window.session().model().name());
    }
}
