package org.kmlab.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsStoreTest {
    @Test void whatIsSavedIsReadBack(@TempDir Path dir) {
        SettingsStore store = new SettingsStore(dir.resolve("kmlab").resolve("settings.json"));
        Settings s = new Settings();
        s.presetId = "predator-prey";
        s.values.put("a", 1.5);
        s.trajectories = 321;
        s.solvers = List.of("ssa", "fp");
        s.theme = "dark";
        s.width = 1000;
        assertEquals("", store.save(s));
        Settings back = store.load();
        assertEquals("", store.warning());
        assertEquals("predator-prey", back.presetId);
        assertEquals(1.5, back.values.get("a"));
        assertEquals(321, back.trajectories);
        assertEquals(List.of("ssa", "fp"), back.solvers);
        assertEquals("dark", back.theme);
        assertEquals(1000, back.width);
    }

    @Test void aBrokenFileGivesDefaultsAndAWarningNeverAnException(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ this is not json");
        SettingsStore store = new SettingsStore(file);
        Settings s = store.load();
        assertEquals("birth-death", s.presetId);
        assertTrue(store.warning().startsWith("The saved settings could not be read") && !store.warning().contains("Unexpected"), "words for people, no parser text: " + store.warning());
    }

    @Test void aMissingFileGivesDefaultsQuietly(@TempDir Path dir) {
        SettingsStore store = new SettingsStore(dir.resolve("none.json"));
        assertEquals("birth-death", store.load().presetId);
        assertEquals("", store.warning());
    }

    @Test void theFileFollowsHomeWhenXdgConfigHomeIsUnsetAndXdgWhenSet() {
        java.util.Map<String, String> props = java.util.Map.of("os.name", "Linux", "user.home", "/home/account");
        assertEquals(Path.of("/tmp/h/.config/kmlab"), SettingsStore.configDirectory(java.util.Map.of("HOME", "/tmp/h")::get, props::get));
        assertEquals(Path.of("/x/kmlab"), SettingsStore.configDirectory(java.util.Map.of("HOME", "/tmp/h", "XDG_CONFIG_HOME", "/x")::get, props::get));
        assertEquals(Path.of("/home/account/.config/kmlab"), SettingsStore.configDirectory(java.util.Map.<String, String>of()::get, props::get));
    }
}
