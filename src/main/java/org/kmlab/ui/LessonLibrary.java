package org.kmlab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lessons shipped with kmlab: {@code presets/lessons/NAME.lesson} of the working directory when
 * it is there (a teacher's edit shows up without a rebuild), else the copy inside the jar, as for
 * the presets ({@link org.kmlab.run.ModelLibrary}).
 */
public final class LessonLibrary {
    /** In the Lessons menu's order. */
    public static final List<String> SHIPPED = List.of("drift-and-diffusion", "system-size", "noise-and-escape");
    public static final String EXTENSION = "lesson";

    private final Path folder;

    /** @param folder a folder of lessons that take precedence over the jar's, or null */
    public LessonLibrary(Path folder) { this.folder = folder; }

    /** The text of a shipped lesson; {@link IOException} when it is nowhere. */
    public String text(String name) throws IOException {
        Path local = folder == null ? null : folder.resolve(name + "." + EXTENSION);
        if (local != null && Files.isRegularFile(local)) return Files.readString(local, StandardCharsets.UTF_8);
        try (InputStream in = LessonLibrary.class.getResourceAsStream("/presets/lessons/" + name + "." + EXTENSION)) {
            if (in == null) throw new IOException("no lesson '" + name + "' in presets/lessons/ or inside the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
