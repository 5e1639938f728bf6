package org.kmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportCommandTest {
    @TempDir Path dir;

    @Test
    void smoke() {
        for (String fig : new String[] {"distribution", "timecourse", "km", "all"}) {
            Cli c = Cli.run("export", "presets/birth-death.json", "--figure", fig, "--trajectories", "200", "--out", "/tmp/look/bd-" + fig + ".png");
            assertEquals(0, c.exit(), c.err());
        }
        Cli c = Cli.run("export", "presets/predator-prey.json", "--figure", "all", "--size", "double", "--trajectories", "200", "--out", "/tmp/look/pp-all.png");
        assertEquals(0, c.exit(), c.err());
    }
}
