package org.kmlab.ui;

import javafx.scene.Scene;
import org.kmlab.chart.ChartStyle;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The window's look: light or dark, optionally with classroom mode (large type, thick lines, high
 * contrast) on top. Style sheets come from {@code assets/css/} in the working directory when it
 * exists (edit and relaunch), else from the copies inside the jar ({@code /assets/css/}).
 */
public record Theme(String base, boolean classroom) {
    public Theme {
        if (!base.equals("dark")) base = "light";
    }

    public ChartStyle chartStyle() {
        ChartStyle s = ChartStyle.named(base);
        return classroom ? s.classroomScale() : s;
    }

    public Theme withBase(String b) { return new Theme(b, classroom); }

    public Theme withClassroom(boolean c) { return new Theme(base, c); }

    public void applyTo(Scene scene) {
        scene.getStylesheets().clear();
        add(scene, "base");
        add(scene, base);
        if (classroom) add(scene, "classroom");   // sizes only: the theme's colours stay
    }

    private static void add(Scene scene, String name) {
        String url = find(name);
        if (url != null) scene.getStylesheets().add(url);
    }

    /** The style sheet's URL, or null when neither the file nor the resource exists. */
    static String find(String name) {
        Path file = Path.of("assets", "css", name + ".css");
        if (Files.isRegularFile(file)) return file.toAbsolutePath().toUri().toString();
        URL res = Theme.class.getResource("/assets/css/" + name + ".css");
        return res == null ? null : res.toExternalForm();
    }
}
