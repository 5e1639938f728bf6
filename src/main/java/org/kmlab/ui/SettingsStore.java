package org.kmlab.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kmlab.model.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link Settings} as {@code settings.json} in the user's config directory:
 * {@code $XDG_CONFIG_HOME/kmlab} or {@code $HOME/.config/kmlab} on Linux, {@code %APPDATA%\kmlab} on
 * Windows, {@code ~/Library/Application Support/kmlab} on macOS; the system property
 * {@code kmlab.config.dir} overrides it (tests). A missing file gives defaults; a broken one gives
 * defaults and a warning, never an exception.
 */
public final class SettingsStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private String warning = "";

    public SettingsStore(Path file) { this.file = file; }

    public static SettingsStore forUser() { return new SettingsStore(configDirectory().resolve("settings.json")); }

    public static Path configDirectory() { return configDirectory(System::getenv, System::getProperty); }

    /** The same from given environment variables and system properties (tests pass their own). */
    static Path configDirectory(java.util.function.UnaryOperator<String> env, java.util.function.UnaryOperator<String> props) {
        String override = props.apply("kmlab.config.dir");
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = java.util.Objects.requireNonNullElse(props.apply("os.name"), "").toLowerCase();
        String homeVar = env.apply("HOME");   // $HOME, as other programs read it, before the account's home
        String home = homeVar != null && !homeVar.isBlank() ? homeVar : props.apply("user.home");
        if (os.contains("win") && env.apply("APPDATA") != null) return Path.of(env.apply("APPDATA"), "kmlab");
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "kmlab");
        String xdg = env.apply("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("kmlab");
    }

    public Path file() { return file; }

    /** The problem met by the last {@link #load}, or empty. */
    public String warning() { return warning; }

    public Settings load() {
        warning = "";
        if (!Files.isRegularFile(file)) return new Settings();
        try {
            Settings s = JSON.readValue(file.toFile(), Settings.class);
            return s == null ? new Settings() : s;
        } catch (IOException | RuntimeException e) {
            warning = "The saved settings could not be read (" + file + " is damaged), so kmlab started with its defaults; they will be saved anew on exit";
            return new Settings();
        }
    }

    /** Saves, or returns a warning when the file cannot be written. */
    public String save(Settings s) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, JSON.writeValueAsString(s));
            return "";
        } catch (IOException | RuntimeException e) {
            return "Could not save settings to " + file + ": " + e.getMessage();
        }
    }
}
