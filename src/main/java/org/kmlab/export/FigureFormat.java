package org.kmlab.export;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of a figure, by {@code --format} name and file extension. */
public enum FigureFormat {
    PNG, SVG, PDF, GIF;

    public String extension() { return name().toLowerCase(Locale.ROOT); }

    /** The format named png, svg, pdf or gif (any case). */
    public static FigureFormat named(String name) {
        for (FigureFormat f : values()) if (f.extension().equalsIgnoreCase(name.trim())) return f;
        throw new IllegalArgumentException("unknown format '" + name + "': use png, svg, pdf or gif");
    }

    /** The format a file name's extension asks for, or {@code fallback} when it has none; an unknown extension is refused. */
    public static FigureFormat ofFile(Path file, FigureFormat fallback) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        if (dot < 0) return fallback;
        String ext = n.substring(dot + 1);
        for (FigureFormat f : values()) if (f.extension().equalsIgnoreCase(ext)) return f;
        throw new IllegalArgumentException("kmlab writes .png, .svg, .pdf or .gif figures, not ." + ext);
    }
}
