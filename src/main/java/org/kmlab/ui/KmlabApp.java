package org.kmlab.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.kmlab.run.SimulationService;

import java.nio.file.Path;

/**
 * The kmlab window (started by {@code mvn javafx:run} or by the jar's launcher with no arguments):
 * opens on the last model used, birth–death the first time, ready to press play.
 */
public final class KmlabApp extends Application {
    private MainWindow window;

    @Override public void start(Stage stage) {
        window = new MainWindow(stage, SimulationService.background(), SettingsStore.forUser(), Path.of("presets"));
        for (int size : new int[] {32, 64, 256}) {
            var icon = KmlabApp.class.getResourceAsStream("/assets/icons/kmlab-" + size + ".png");
            if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        stage.show();
    }

    @Override public void stop() {
        if (window != null) window.close();
    }

    public static void main(String[] args) {
        useSoftwareRenderingUnlessAsked();
        launch(KmlabApp.class, args);
    }

    /**
     * The window composes pictures the charts' own thread drew; the GPU adds little, and software
     * GL (virtual machines, remote displays, Xvfb with Mesa) was seen to blank the whole window
     * once a text area showed. So the software pipeline is the default; {@code -Dprism.order=es2}
     * (or d3d) asks for the GPU.
     */
    static void useSoftwareRenderingUnlessAsked() {
        if (System.getProperty("prism.order") == null) System.setProperty("prism.order", "sw");
    }
}
