package org.kmlab.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.Problem;
import org.kmlab.solve.ssa.GillespieStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * Explain mode in the real window (headless) on birth–death: Run ▸ Explain one trajectory… opens
 * the panel; after Step, the shown τ is −ln(r₁)/a₀ of the shown r₁ and a₀ (within what 6 shown
 * digits allow), and the shown reaction is the one whose shown interval of the stack holds the
 * shown r₂·a₀ — and the one under the drawn marker; Run to next output time stops at the output
 * time; Back to ensemble closes the panel.
 */
@ExtendWith(ApplicationExtension.class)
class ExplainWindowTest {
    /** Every shown number is within this of the simulator's, relative (6 significant digits). */
    private static final double SHOWN = 5e-6;
    @TempDir static Path config;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.show(stage, SolverRegistry.builtIn(), config);
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private ExplainViewModel vm() { return window.explainView().viewModel(); }

    private static double shown(FxRobot robot, String id) {
        return Double.parseDouble(WindowDriver.text(robot, id));
    }

    /** Presses a button and waits until the worker has answered. */
    private void press(FxRobot robot, String id) {
        Object before = vm().positionProperty().get();
        robot.clickOn(id);
        waitFor(20, () -> !vm().busyProperty().get() && vm().positionProperty().get() != before);
    }

    @Test void theShownTauAndReactionFollowFromTheShownNumbers(FxRobot robot) {
        assertEquals("birth-death", window.session().presetProperty().get().id());
        Node runMenu = robot.from(robot.lookup("#menu-bar").<Node>query()).lookup("Run").query();   // not the panel's "Run" section
        robot.clickOn(runMenu).clickOn("Explain one trajectory…");
        waitFor(10, () -> window.explainView() != null && vm().positionProperty().get() != null && !vm().busyProperty().get());
        assertTrue(window.explainView().stage().isShowing());
        assertEquals("—", WindowDriver.text(robot, "#explain-tau"), "nothing drawn before Step");

        // from X = 0 the first waiting times are about 0.1, the output step: some draws fall past it
        boolean sawFired = false, sawDiscarded = false;
        for (int press = 0; press < 40 && !(sawFired && sawDiscarded); press++) {
            press(robot, "#explain-step");
            GillespieStep s = vm().stepProperty().get();
            assertNotNull(s);
            double r1 = shown(robot, "#explain-r1"), a0 = shown(robot, "#explain-a0"), tau = shown(robot, "#explain-tau");
            double e = shown(robot, "#explain-e");
            // |Δ(−ln r₁)| ≤ Δr₁/r₁ ≤ SHOWN; a₀ and τ each carry SHOWN relative
            double tolerance = SHOWN / a0 + 2 * SHOWN * tau + 1e-15;
            assertEquals(-Math.log(r1) / a0, tau, tolerance, "τ = −ln(r₁)/a₀ for the shown numbers");
            assertEquals(e / a0, tau, 2 * SHOWN * tau + SHOWN * tau, "τ = E/a₀");
            String reaction = WindowDriver.text(robot, "#explain-reaction");
            if (s.outcome() == GillespieStep.Outcome.PAST_OUTPUT) {
                sawDiscarded = true;
                assertEquals("—", reaction, "a discarded event picks no reaction");
                assertTrue(WindowDriver.text(robot, "#explain-outcome").contains("discards this event"));
                assertTrue(robot.lookup("#explain-marker").tryQuery().isEmpty(), "no marker without r₂");
                continue;
            }
            sawFired = true;
            double target = shown(robot, "#explain-target"), r2 = shown(robot, "#explain-r2");
            assertEquals(r2 * a0, target, 3 * SHOWN * target + 1e-12, "r₂·a₀");
            // the reaction whose shown interval [Σ_{q<r} a_q, Σ_{q≤r} a_q) holds the shown r₂·a₀
            double from = 0;
            String selected = null;
            for (int r = 0; r < 2; r++) {
                double to = from + shown(robot, "#explain-a-" + r);
                if (target >= from && target < to) selected = window.session().model().reactions().get(r).name();
                from = to;
            }
            assertEquals(a0, from, 2 * SHOWN * a0, "the bars add up to a₀");
            assertEquals(selected, reaction, "the shown reaction is the stack's choice at r₂·a₀ = " + target);
            // and the marker is drawn over that reaction's segment
            Line marker = robot.lookup("#explain-marker").queryAs(Line.class);
            double mx = marker.localToScene(marker.getStartX(), 0).getX();
            Node segment = robot.lookup(".explain-segment").match(n -> reaction.equals(n.getUserData())).query();
            Bounds b = segment.localToScene(segment.getBoundsInLocal());
            assertTrue(mx >= b.getMinX() - 1 && mx <= b.getMaxX() + 1, "marker at x = " + mx + " outside " + reaction + "'s segment " + b);
        }
        assertTrue(sawFired, "a reaction fired within 40 steps");
        assertTrue(sawDiscarded, "an event fell past an output time within 40 steps");

        Problem problem = vm().problem();
        int k = vm().positionProperty().get().nextOutput();
        press(robot, "#explain-run");
        ExplainViewModel.Position p = vm().positionProperty().get();
        assertEquals(k + 1, p.nextOutput());
        assertEquals(problem.time(k), p.time(), 0.0, "run to the next output time stops there");
        assertTrue(WindowDriver.text(robot, "#explain-where").startsWith("Now: t = " + ExplainView.num(problem.time(k))));

        robot.clickOn("#explain-back");
        waitFor(5, () -> !window.explainView().stage().isShowing());
    }

    @Test void numbersAreShownToSixSignificantDigits() {
        assertEquals("0.0693147", ExplainView.num(Math.log(2) / 10));
        assertEquals("10", ExplainView.num(10));
        assertEquals("1.5e-07", ExplainView.num(1.5e-7));
        assertEquals("123457", ExplainView.num(123456.7));
        assertEquals("—", ExplainView.num(Double.NaN));
    }
}
