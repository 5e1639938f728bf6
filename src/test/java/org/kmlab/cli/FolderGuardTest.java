package org.kmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.export.data.OutputFolder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A command's output folder ends with all of its files or none: leaving the block without a
 * commit removes what was staged (and the folder the command created), a commit keeps it, and a
 * real interrupt of a running {@code kmlab run} (the JVM's shutdown, as on Ctrl-C) leaves nothing.
 */
class FolderGuardTest {
    @Test
    void leavingWithoutCommitRemovesTheStagedFilesAndTheNewFolder(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out/a");
        OutputFolder folder = OutputFolder.prepare(dir);
        try (FolderGuard guard = new FolderGuard(folder, new PrintWriter(new StringWriter()))) {
            folder.stage("x.csv", o -> o.write("1\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertFalse(Files.exists(tmp.resolve("out")), "the folders the command made are gone too");
    }

    @Test
    void aCommitKeepsTheFiles(@TempDir Path tmp) throws Exception {
        OutputFolder folder = OutputFolder.prepare(tmp);
        try (FolderGuard guard = new FolderGuard(folder, new PrintWriter(new StringWriter()))) {
            folder.stage("x.csv", o -> o.write("1\n".getBytes(StandardCharsets.UTF_8)));
            folder.commit();
        }
        assertEquals("1\n", Files.readString(tmp.resolve("x.csv")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void anInterruptedRunWritesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Path log = tmp.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.kmlab.Launcher",
                "run", "birth-death", "--solvers", "ssa", "--set", "Omega=1000", "--t-end", "1000", "--trajectories", "100000",
                "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(out) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);   // made before the work starts
        Thread.sleep(500);
        assertTrue(p.isAlive(), "the run is still going: " + Files.readString(log));
        p.destroy();   // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.readString(log).contains("kmlab: interrupted; no files written"), Files.readString(log));
        assertFalse(Files.exists(out), "the folder the run created is removed");
    }
}
