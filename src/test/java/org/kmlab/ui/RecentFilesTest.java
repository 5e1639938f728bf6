package org.kmlab.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.run.SimulationService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** File ▸ Open Recent: the files opened, newest first, a file opened again moves up, kept across launches. */
@ExtendWith(ApplicationExtension.class)
class RecentFilesTest {
    @TempDir static Path dir;
    private Stage stage;

    @Start void start(Stage stage) { this.stage = stage; }

    private static String abs(String p) { return Path.of(p).toAbsolutePath().normalize().toString(); }

    @Test void newestFirstWithoutRepeatsAndAtMostEight() {
        RecentFiles r = new RecentFiles();
        for (int i = 0; i < 10; i++) r.add(Path.of("m" + i + ".json"));
        r.add(Path.of("m5.json"));
        List<String> l = r.list();
        assertEquals(RecentFiles.MAX, l.size());
        assertEquals(abs("m5.json"), l.get(0), "opened again: first");
        assertEquals(abs("m9.json"), l.get(1));
        assertEquals(abs("m2.json"), l.get(7), "m0 and m1 fell off the end; m5 moved up, it did not push another out");

        RecentFiles kept = new RecentFiles();
        List<String> saved = new ArrayList<>(l);
        saved.add(" ");
        kept.replaceWith(saved);
        assertEquals(l, kept.list(), "the settings' list comes back as it was, blanks dropped");
    }

    @Test void theWindowKeepsTheFilesItOpenedForTheNextLaunch(FxRobot robot) {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(stage, SimulationService.background(FakeSolver.all(new AtomicLong(1_000_000L))), store, Path.of("presets"));
            w[0].openPreset(Path.of("presets/logistic.json"));
            w[0].openPreset(Path.of("src/test/resources/sbml/features-l3v1.xml"));
            w[0].openPreset(Path.of("presets/logistic.json"));
        });
        assertEquals(List.of(abs("presets/logistic.json"), abs("src/test/resources/sbml/features-l3v1.xml")), w[0].recentFiles());
        robot.interact(() -> w[0].close());
        assertEquals(List.of(abs("presets/logistic.json"), abs("src/test/resources/sbml/features-l3v1.xml")), store.load().recentFiles);
    }
}
