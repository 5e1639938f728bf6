package org.kmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kmlab.model.PresetIO;
import org.kmlab.solve.SolverException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input exits 2 with exactly one line on stderr naming the problem, no stack
 * trace, and leaves nothing in --out. A fake ssa that would succeed stands ready, so a run that
 * is wrongly accepted would write files and fail the test.
 */
class RunCommandBadInputTest {
    private static final String PRESET = "presets/birth-death.json";

    @TempDir Path tmp;

    record Case(String name, String expectedInMessage, String... args) {
        @Override public String toString() { return name; }
    }

    static Stream<Case> badInputs() {
        return Stream.of(
                new Case("unknown preset path", "no such file", "$TMP/nope.json"),
                new Case("malformed JSON", "malformed JSON", "$TMP/malformed.json"),
                new Case("unknown key", "colour: unknown key", "$TMP/unknown-key.json"),
                new Case("unknown parameter in --set", "unknown parameter 'k9'", PRESET, "--set", "k9=1"),
                new Case("--set without '='", "expected NAME=VALUE", PRESET, "--set", "k1"),
                new Case("--set non-number", "'ten' is not a number", PRESET, "--set", "k1=ten"),
                new Case("negative rate", "must be ≥ 0, got -1", PRESET, "--set", "k2=-1"),
                new Case("NaN rate", "NaN", PRESET, "--set", "k1=NaN"),
                new Case("fractional initial count", "whole number", PRESET, "--set", "X0=2.5"),
                new Case("zero trajectories", "--trajectories", PRESET, "--trajectories", "0"),
                new Case("negative trajectories", "--trajectories", PRESET, "--trajectories", "-5"),
                new Case("too many trajectories", "--trajectories: must be from 1 to 10000000", PRESET, "--trajectories", "2000000000"),
                new Case("too many samples", "--samples: must be from 2 to 100001", PRESET, "--samples", "2000000000"),
                new Case("unknown solver", "unknown solver 'ssb'", PRESET, "--solvers", "ssa,ssb"),
                new Case("zero t-end", "--t-end", PRESET, "--t-end", "0"),
                new Case("negative t-end", "--t-end", PRESET, "--t-end", "-1"),
                new Case("one sample", "--samples", PRESET, "--samples", "1"),
                new Case("negative threads", "--threads", PRESET, "--threads", "-1"),
                new Case("t-end not a number", "see kmlab run --help", PRESET, "--t-end", "soon"),
                new Case("unknown option", "see kmlab run --help", PRESET, "--colour", "red"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineAndWritesNothing(Case c) throws IOException {
        writeBadPresets();
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("run"));
        for (String a : c.args()) args.add(a.replace("$TMP", tmp.toString()));
        if (!args.contains("--solvers")) args.addAll(List.of("--solvers", "ssa"));
        args.addAll(List.of("--out", out.toString()));

        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.poisson("ssa")), args.toArray(String[]::new));

        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), "exactly one stderr line, got: " + r.err());
        assertTrue(r.err().startsWith("kmlab: "), r.err());
        assertTrue(r.err().contains(c.expectedInMessage()), "message should name the problem: " + r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace or exception names: " + r.err());
        assertFalse(Files.exists(out), "nothing may be created in --out");
        assertEquals("", r.out());
    }

    @Test
    void missingOutIsAUsageError() {
        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.poisson("ssa")), "run", PRESET);
        assertEquals(2, r.exit());
        assertEquals(List.of("kmlab: Missing required option: '--out=DIR' (see kmlab run --help)"), r.errLines());
    }

    @Test
    void outUnderARegularFileExitsTwoBeforeRunning() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "not a folder");
        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.failing("ssa", new IllegalStateException("must not run"))),
                "run", PRESET, "--solvers", "ssa", "--out", file.resolve("sub").toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("file.txt"), r.err());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void solverExceptionExitsTwoAndWritesNothing() {
        Path out = tmp.resolve("a").resolve("b");
        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.poisson("ssa"), FakeSolvers.failing("fp", new SolverException("fp: population past the bound 1000 at t = 2"))),
                "run", PRESET, "--solvers", "ssa,fp", "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals(List.of("kmlab: fp: population past the bound 1000 at t = 2"), r.errLines());
        assertFalse(Files.exists(tmp.resolve("a")), "folders created for the run are removed again");
    }

    @Test
    void solverExceptionKeepsAnExistingOutFolderUntouched() throws IOException {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("summary.json"), "old");
        Cli r = Cli.run(FakeSolvers.of(FakeSolvers.failing("ssa", new SolverException("ssa: stopped"))),
                "run", PRESET, "--solvers", "ssa", "--out", out.toString());
        assertEquals(2, r.exit());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("summary.json")), files.toList(), "no new or temporary files");
        }
        assertEquals("old", Files.readString(out.resolve("summary.json")));
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithTraceOnlyOnDebug() {
        Path out = tmp.resolve("out");
        var solvers = FakeSolvers.of(FakeSolvers.failing("ssa", new IllegalStateException("boom")));
        Cli quiet = Cli.run(solvers, "run", PRESET, "--solvers", "ssa", "--out", out.toString());
        assertEquals(1, quiet.exit());
        assertEquals(List.of("kmlab: internal error: java.lang.IllegalStateException: boom"), quiet.errLines());
        assertFalse(Files.exists(out));

        Cli debug = Cli.run(solvers, "run", PRESET, "--solvers", "ssa", "--out", out.toString(), "--debug");
        assertEquals(1, debug.exit());
        assertTrue(debug.errLines().size() > 1 && debug.err().contains("at org.kmlab"), debug.err());
    }

    private void writeBadPresets() throws IOException {
        Files.writeString(tmp.resolve("malformed.json"), "{ \"format\": \"kmlab-preset/1\", ");
        String good = PresetIO.toJson(PresetIO.read(Path.of(PRESET)));
        Files.writeString(tmp.resolve("unknown-key.json"), good.replaceFirst("\\{", "{ \"colour\": \"red\","));
    }
}
