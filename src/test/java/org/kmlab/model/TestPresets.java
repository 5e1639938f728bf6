package org.kmlab.model;

import java.nio.file.Path;

/** The built-in presets from {@code presets/}, for tests in every package. */
public final class TestPresets {
    private TestPresets() {}

    public static Preset read(String id) { return PresetIO.read(Path.of("presets", id + ".json")); }

    public static Model model(String id) { return read(id).model(); }
}
