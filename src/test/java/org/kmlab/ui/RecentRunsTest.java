package org.kmlab.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.run.SimulationService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * File ▸ Recent Runs: every run started leaves its settings, newest first, the same settings
 * once; choosing an older one brings its values back; the list survives a relaunch.
 */
@ExtendWith(ApplicationExtension.class)
class RecentRunsTest {
    @TempDir static Path dir;
    private Stage stage;

    @Start void start(Stage stage) { this.stage = stage; }

    private static String omega(String json) { return String.valueOf(SessionFile.parse(json, "t").values.get("Omega")); }

    @Test void newestFirstOnceEachAndAnOlderOneComesBack(FxRobot robot) {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(stage, SimulationService.background(FakeSolver.all(new AtomicLong(1_000_000L))), store, Path.of("presets"));
            stage.show();
        });
        MainWindow window = w[0];
        for (double omega : new double[] {10, 40, 10}) {
            robot.interact(() -> {
                window.session().set("Omega", omega);
                window.session().start();
            });
            waitFor(20, () -> !window.recentRuns().isEmpty() && omega(window.recentRuns().get(0)).equals(String.valueOf(omega)));
        }
        List<String> runs = window.recentRuns();
        assertEquals("10.0", omega(runs.get(0)), "Ω = 10 ran last");
        assertEquals("40.0", omega(runs.get(1)));
        assertEquals(1, runs.stream().filter(r -> omega(r).equals("10.0")).count(), "the same settings are listed once");
        assertTrue(RecentRuns.label(SessionFile.parse(runs.get(1), "t")).contains("Ω = 40"), RecentRuns.label(SessionFile.parse(runs.get(1), "t")));

        robot.interact(() -> assertTrue(window.applySession(SessionFile.parse(runs.get(1), "t"))));
        assertEquals(40.0, window.session().model().valueOf("Omega"));

        robot.interact(window::close);
        assertEquals(window.recentRuns(), store.load().recentRuns, "kept for the next launch");
        RecentRuns again = new RecentRuns();
        again.replaceWith(List.of("{ not json", store.load().recentRuns.get(0)));
        assertEquals(1, again.list().size(), "a damaged entry is dropped, the good one kept");
    }
}
