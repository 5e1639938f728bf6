package org.kmlab.export.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {
    @TempDir Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void stagedFilesAppearOnlyOnCommit() throws IOException {
        OutputFolder f = OutputFolder.prepare(tmp.resolve("a/b"));
        f.stage("one.csv", out -> out.write("1".getBytes(StandardCharsets.UTF_8)));
        f.stage("summary.json", out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(names(tmp.resolve("a/b")).contains("summary.json"));
        f.commit();
        assertEquals(List.of("one.csv", "summary.json"), names(tmp.resolve("a/b")));
        assertEquals("{}", Files.readString(tmp.resolve("a/b/summary.json")));
    }

    @Test
    void filesGetTheUsualPermissionsNotOwnerOnly() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class);
        org.junit.jupiter.api.Assumptions.assumeTrue(view != null, "POSIX file system");
        Path plain = Files.createFile(dir.resolve("plain"));
        OutputFolder f = OutputFolder.prepare(dir);
        f.stage("a.csv", out -> out.write('1'));
        f.commit();
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("a.csv")), "same rights as any new file (umask)");
    }

    @Test
    void anAbortAfterTheCommitDiscardsNothingAndSaysSo() throws IOException {
        Path dir = tmp.resolve("done/here");
        OutputFolder f = OutputFolder.prepare(dir);
        f.stage("summary.json", out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        f.commit();
        assertFalse(f.abort(), "a Ctrl-C after the files landed must not claim they were not written");
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }

    @Test
    void abortRemovesTemporaryFilesAndCreatedFoldersOnly() throws IOException {
        OutputFolder f = OutputFolder.prepare(tmp.resolve("a/b"));
        f.stage("one.csv", out -> out.write('1'));
        assertThrows(IOException.class, () -> f.stage("two.csv", out -> { throw new IOException("disk full"); }));
        f.abort();
        assertEquals(List.of(), names(tmp), "both created folders are gone, the pre-existing one stays");
    }

    @Test
    void nothingCanBeStagedOrCommittedAfterAnAbort() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        OutputFolder f = OutputFolder.prepare(dir);
        f.stage("one.csv", out -> out.write('1'));
        f.abort(); // as the Ctrl-C hook does, while the run goes on
        assertThrows(IOException.class, () -> f.stage("two.csv", out -> out.write('2')));
        assertThrows(IOException.class, f::commit);
        assertEquals(List.of(), names(dir));
    }

    @Test
    void abortKeepsAFolderThatExistedBefore() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        OutputFolder f = OutputFolder.prepare(dir);
        f.stage("one.csv", out -> out.write('1'));
        f.abort();
        assertTrue(Files.isDirectory(dir));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aFolderUnderARegularFileIsRefusedWithItsName() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        IOException e = assertThrows(IOException.class, () -> OutputFolder.prepare(file.resolve("sub")));
        assertTrue(e.getMessage().contains("file.txt"), e.getMessage());
        IOException e2 = assertThrows(IOException.class, () -> OutputFolder.prepare(file));
        assertTrue(e2.getMessage().contains("not a folder"), e2.getMessage());
    }
}
