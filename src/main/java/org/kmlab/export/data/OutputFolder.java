package org.kmlab.export.data;

import org.kmlab.model.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output folder whose files appear all together or not at all: each file is first written to a
 * hidden temporary file in the folder ({@link #stage}); {@link #commit} renames them into place in
 * staging order (so stage {@code summary.json} last: when it exists, the rest is there), and
 * {@link #abort} removes the temporary files and any folders that {@link #prepare} created.
 */
public final class OutputFolder {
    private final Path dir;
    private final Deque<Path> createdDirs;
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private boolean aborted;

    private OutputFolder(Path dir, Deque<Path> createdDirs) {
        this.dir = dir;
        this.createdDirs = createdDirs;
    }

    /**
     * Creates the folder if missing and checks that files can be written in it, before any work
     * is done.
     *
     * @throws IOException with a message for the user, e.g. "out/x: 'out' is a file, not a folder"
     */
    public static OutputFolder prepare(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Deque<Path> created = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) created.push(p);
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new IOException("cannot create the folder: " + describe(e), e);
        }
        if (!Files.isDirectory(absolute)) throw new IOException("it is a file, not a folder");
        OutputFolder folder = new OutputFolder(absolute, created);
        try {
            Files.delete(newHiddenFile(absolute, "kmlab-probe"));
        } catch (IOException e) {
            folder.abort();
            throw new IOException("cannot write in the folder: " + describe(e), e);
        }
        return folder;
    }

    public Path dir() { return dir; }

    /**
     * Writes one file's content to a temporary file beside its final name. Synchronized with
     * {@link #abort}, which may come from another thread (a Ctrl-C shutdown hook).
     */
    public synchronized void stage(String fileName, AtomicFiles.Content content) throws IOException {
        if (aborted) throw new IOException("output aborted");
        Path target = dir.resolve(fileName);
        Path tmp = newHiddenFile(dir, fileName);
        staged.put(target, tmp);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.writeTo(out);
        }
    }

    /** Moves every staged file into place, in staging order. */
    private boolean committed;

    public synchronized void commit() throws IOException {
        if (aborted) throw new IOException("output aborted");
        // An older run's summary.json must not stand beside new CSVs if a rename fails midway:
        // it goes first, and the new one comes last.
        for (Path target : staged.keySet()) {
            if (target.getFileName().toString().equals("summary.json")) Files.deleteIfExists(target);
        }
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            try {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        staged.clear();
        createdDirs.clear();
        committed = true;
    }

    /**
     * Removes staged temporary files and the folders this run created (if still empty). Never
     * throws. Returns false when the files were already committed (nothing was discarded).
     */
    public synchronized boolean abort() {
        if (committed) return false;
        aborted = true;
        for (Path tmp : staged.values()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a stray hidden temp file is harmless
            }
        }
        staged.clear();
        List<Path> deepestFirst = new ArrayList<>(createdDirs);
        java.util.Collections.reverse(deepestFirst);
        for (Path p : deepestFirst) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // not empty or not ours any more: leave it
            }
        }
        createdDirs.clear();
        return true;
    }

    /**
     * A new empty file {@code .NAME.<random>.tmp}. Not {@link Files#createTempFile}: that makes
     * the file readable by its owner only, and the rename would carry those rights to the output.
     */
    private static Path newHiddenFile(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException f) return "'" + f.getFile() + "' exists and is not a folder";
        if (e instanceof AccessDeniedException f) return "permission denied on '" + f.getFile() + "'";
        if (e instanceof NoSuchFileException f) return "no such folder '" + f.getFile() + "'";
        if (e instanceof FileSystemException f) {
            return (f.getReason() != null ? f.getReason() : "file system error") + (f.getFile() != null ? " ('" + f.getFile() + "')" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
