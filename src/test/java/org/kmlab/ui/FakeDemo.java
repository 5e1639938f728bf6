package org.kmlab.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.kmlab.run.SimulationService;

import java.nio.file.Path;

/** The window for looking at it by hand (not a test): real solvers, or stand-ins when KMLAB_FAKE is set. */
public final class FakeDemo extends Application {
    @Override public void start(Stage stage) {
        new MainWindow(stage, (System.getenv("KMLAB_FAKE") != null ? SimulationService.background(FakeSolver.all(30_000_000L)) : SimulationService.background()),
                new SettingsStore(Path.of(System.getProperty("java.io.tmpdir"), "kmlab-demo-settings.json")), Path.of("presets"));
        stage.show();
    }

    public static void main(String[] args) { launch(FakeDemo.class, args); }
}
