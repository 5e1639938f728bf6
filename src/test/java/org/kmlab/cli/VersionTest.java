package org.kmlab.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kmlab --version}: the version and the bundled libraries with their licences. */
class VersionTest {
    @Test void versionNamesTheBuildAndTheLicences() {
        Cli cli = Cli.run("--version");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.outLines().get(0).matches("kmlab \\d+\\.\\d+\\.\\d+ \\(Java .*\\)"), cli.outLines().get(0));
        assertTrue(cli.out().contains("JFreeChart 1.5 (LGPL-2.1)"), cli.out());
    }
}
