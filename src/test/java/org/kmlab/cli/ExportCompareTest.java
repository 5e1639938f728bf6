package org.kmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export … --compare OTHER / --compare-set NAME=VALUE}: the ghost run from the command line (what it draws: GhostFigureTest). */
class ExportCompareTest {
    private static final String[] TINY = {"--solvers", "ssa,cme", "--trajectories", "50", "--samples", "3", "--threads", "1", "--dpi", "60"};
    @TempDir Path dir;

    private static String[] args(Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("export", "birth-death", "--set", "Omega=40", "--figure", "all"));
        a.addAll(List.of(TINY));
        a.addAll(List.of(more));
        a.addAll(List.of("--out", out.toString()));
        return a.toArray(String[]::new);
    }

    @Test void aGhostWithOtherValuesIsRunAndTheFigureWritten() {
        Path out = dir.resolve("ghost.png");
        Cli cli = Cli.run(args(out, "--compare-set", "Omega=10", "--compare-set", "k1=12"));
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(Files.isRegularFile(out));
        assertFalse(cli.err().contains("note:"), cli.err());
    }

    @Test void aGhostOfAnotherPresetWithNoSpeciesInCommonIsNotedAndNotAnError() {
        Path out = dir.resolve("other.png");
        Cli cli = Cli.run(args(out, "--compare", "skewed-kicks"));
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(Files.isRegularFile(out));
        assertTrue(cli.err().contains("kmlab: note: the ghost (Skewed kicks"), cli.err());
    }

    @Test void badGhostInputExitsTwoWithOneLineAndNoFile() {
        Path out = dir.resolve("bad.png");
        assertBad("kmlab: --compare-set Omeg=10: unknown parameter 'Omeg' (known: k1, k2, Omega, X0)", out, "--compare-set", "Omeg=10");
        assertBad("kmlab: --compare-set 'Omega': expected NAME=VALUE, e.g. --compare-set k1=20", out, "--compare-set", "Omega");
        assertBad("kmlab: --compare-set k1=abc: 'abc' is not a number", out, "--compare-set", "k1=abc");
        assertBad("kmlab: --compare-set k1=-1: reactions[0].rate: must be ≥ 0, got -1 (reaction 'birth')", out, "--compare-set", "k1=-1");
        Cli missing = Cli.run(args(out, "--compare", "no-such-preset"));
        assertEquals(2, missing.exit());
        assertEquals(1, missing.errLines().size(), missing.err());
        assertTrue(missing.err().startsWith("kmlab: --compare no-such-preset: 'no-such-preset' is neither a file nor a built-in preset"), missing.err());
        assertFalse(Files.exists(out));
    }

    private void assertBad(String line, Path out, String... more) {
        Cli cli = Cli.run(args(out, more));
        assertEquals(2, cli.exit(), cli.err());
        assertEquals(List.of(line), cli.errLines());
        assertFalse(Files.exists(out));
    }
}
