package org.kmlab.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.kmlab.run.SimulationService;

import java.nio.file.Path;

/** The real window on fake solvers, for looking at the layout before the numerics land (not a test). */
public final class FakeDemo extends Application {
    @Override public void start(Stage stage) {
        new MainWindow(stage, SimulationService.background(FakeSolver.all(30_000_000L)),
                new SettingsStore(Path.of(System.getProperty("java.io.tmpdir"), "kmlab-demo-settings.json")), Path.of("presets"));
        stage.show();
    }

    public static void main(String[] args) { launch(FakeDemo.class, args); }
}
