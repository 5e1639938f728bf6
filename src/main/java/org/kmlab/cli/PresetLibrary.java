package org.kmlab.cli;

import org.kmlab.model.ModelException;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds presets: a file path as given, else a built-in preset by name ({@code birth-death} or
 * {@code birth-death.json}) from the {@code presets/} folder of the working directory or, failing
 * that, from the jar (classpath {@code /presets/NAME.json}).
 */
final class PresetLibrary {
    private PresetLibrary() {}

    /** The preset the user named on the command line. */
    static Preset resolve(String arg) {
        Path file;
        try {
            file = Path.of(arg);
        } catch (InvalidPathException e) {
            throw new UserInputException("'" + arg + "' is not a valid file path");
        }
        if (Files.exists(file) || arg.contains("/") || arg.contains(java.io.File.separator)) return PresetIO.read(file);
        String name = arg.endsWith(".json") ? arg.substring(0, arg.length() - 5) : arg;
        Preset builtIn = builtIn(name);
        if (builtIn == null) return PresetIO.read(file);
        return builtIn;
    }

    /** A built-in preset by name; {@link ModelException} when there is none. */
    static Preset load(String name) {
        Preset p = builtIn(name);
        if (p == null) throw new ModelException("no built-in preset '" + name + "'");
        return p;
    }

    private static Preset builtIn(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) return null;
        Path local = Path.of("presets", name + ".json");
        if (Files.isRegularFile(local)) return PresetIO.read(local);
        try (InputStream in = PresetLibrary.class.getResourceAsStream("/presets/" + name + ".json")) {
            if (in == null) return null;
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try {
                return PresetIO.parse(text, name);
            } catch (ModelException e) {
                throw new ModelException(name + ".json: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new ModelException("built-in preset '" + name + "': cannot read (" + e.getMessage() + ")");
        }
    }
}
