package org.kmlab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The formats a model can be read from, and the choice among them for a file. */
public final class ModelSources {
    private static final List<ModelSource> ALL = List.of(new JsonPresetSource(), new ModelTextSource());

    private ModelSources() {}

    /** Every registered format, the preferred one first. */
    public static List<ModelSource> all() { return ALL; }

    /** Every extension some format reads (for file choosers), e.g. ["json"]. */
    public static List<String> extensions() {
        List<String> out = new ArrayList<>();
        for (ModelSource s : ALL) out.addAll(s.extensions());
        return out;
    }

    /** The file's id: its name without the extension of a known format. */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && extensions().contains(name.substring(dot + 1).toLowerCase(Locale.ROOT)) ? name.substring(0, dot) : name;
    }

    /**
     * Reads a model file with the format its extension names, else the first format that
     * recognises its content. Messages start with the file name.
     *
     * @throws ModelException the file is missing, unreadable, of no known format, or invalid
     */
    public static Preset read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ModelException(file + ": no such file");
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read (" + e.getMessage() + ")");
        }
        String name = file.getFileName().toString();
        try {
            return sourceFor(name, text).read(text, idOf(file));
        } catch (ModelException e) {
            throw new ModelException(name + ": " + e.getMessage());
        }
    }

    /** The format for a file of this name and content. */
    public static ModelSource sourceFor(String fileName, String text) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot >= 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        for (ModelSource s : ALL) if (s.extensions().contains(ext)) return s;
        for (ModelSource s : ALL) if (s.recognises(text)) return s;
        throw new ModelException("not a model file kmlab can read (known formats: " + describe() + ")");
    }

    private static String describe() {
        List<String> parts = new ArrayList<>();
        for (ModelSource s : ALL) parts.add(s.name() + " (." + String.join(", .", s.extensions()) + ")");
        return String.join("; ", parts);
    }
}
