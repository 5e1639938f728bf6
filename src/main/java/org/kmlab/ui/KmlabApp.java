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
        long t0 = System.nanoTime();
        window = new MainWindow(stage, SimulationService.background(), SettingsStore.forUser(), Path.of("presets"));
        for (int size : new int[] {32, 64, 256}) {
            var icon = KmlabApp.class.getResourceAsStream("/assets/icons/kmlab-" + size + ".png");
            if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        stage.show();
        if (Boolean.getBoolean("kmlab.startupTiming")) reportStartup(t0);
        openLessonAsked(System.getProperty("kmlab.lesson"));
    }

    /** -Dkmlab.lesson=NAME (a shipped lesson) or a .lesson file: the window opens on it (a desktop shortcut for a class). */
    private void openLessonAsked(String lesson) {
        if (lesson == null || lesson.isBlank()) return;
        if (LessonLibrary.SHIPPED.contains(lesson)) window.openShippedLesson(lesson);
        else window.openLesson(Path.of(lesson));
    }

    /** With -Dkmlab.startupTiming=true: the time from the process start to the window shown, on stderr. */
    private static void reportStartup(long windowStartNanos) {
        long shown = System.nanoTime();
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
        System.err.printf(java.util.Locale.ROOT, "kmlab: startup %d ms from process start to window shown (%d ms building the window)%n",
                sinceStart, (shown - windowStartNanos) / 1_000_000);
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
