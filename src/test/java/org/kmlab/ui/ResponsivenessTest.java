package org.kmlab.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.run.Run;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverPhase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * The threading contract: while a birth–death run of 10⁴ trajectories goes on, the JavaFX thread
 * is never blocked for more than 50 ms (the longest gap between two pulses, measured with an
 * AnimationTimer). A property of the design, not a speed benchmark.
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {
    @TempDir static Path config;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = new MainWindow(stage, SimulationService.background(FakeSolver.all(5_000_000L)),
                new SettingsStore(config.resolve("settings.json")), Path.of("presets"));
        stage.show();
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    @Test void theFxThreadIsNeverBlockedDuringARunOfTenThousandTrajectories(FxRobot robot) {
        robot.interact(() -> window.session().set(SessionViewModel.TRAJECTORIES, 10_000));
        PulseGapProbe probe = new PulseGapProbe();
        robot.interact(() -> { window.transport().speedProperty().set(10); probe.start(); });
        robot.clickOn("#play");
        waitFor(60, () -> window.session().run() != null && window.session().run().isFinished() && !window.transport().isPlaying());
        robot.interact(probe::stop);
        Run run = window.session().run();
        assertEquals(SolverPhase.DONE, run.state("ssa").phase(), run.failureMessage());
        assertEquals(10_000, run.trajectories());
        assertTrue(probe.pulses() > 20, "pulses seen: " + probe.pulses());
        System.err.printf("longest pulse gap %.1f ms over %d pulses%n", probe.longestMillis(), probe.pulses());
        assertTrue(probe.longestMillis() < 50, "longest gap between pulses: " + probe.longestMillis() + " ms");
    }
}
