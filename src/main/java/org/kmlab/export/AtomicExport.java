package org.kmlab.export;

import org.kmlab.model.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an export whole or not at all ({@link AtomicFiles}: a temporary file beside the target,
 * then a rename) and turns every failure into one {@link ExportException} "cannot write PATH: why".
 */
final class AtomicExport {
    private AtomicExport() {}

    /** Readable by all, as a file the user saved would be (the temporary file is created private). */
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    static void write(Path target, AtomicFiles.Content content) throws ExportException {
        if (target == null) throw new IllegalArgumentException("target must not be null");
        if (Files.isDirectory(target)) throw ExportException.cannotWrite(target, "it is a folder");
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw ExportException.cannotWrite(target, dir + " is a file, not a folder");
        }
        if (dir != null && !Files.exists(dir)) throw ExportException.cannotWrite(target, "the folder " + dir + " does not exist");
        try {
            Set<PosixFilePermission> permissions = permissionsFor(target);
            AtomicFiles.write(target, content);
            if (permissions != null) makeReadable(target, permissions);
        } catch (ExportException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw ExportException.cannotWrite(target, e);
        }
    }

    /** An existing file keeps its permissions; a new one is rw-r--r--; null where there are no POSIX permissions. */
    private static Set<PosixFilePermission> permissionsFor(Path target) throws IOException {
        if (!target.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) return null;
        return Files.exists(target) ? Files.getPosixFilePermissions(target) : READABLE;
    }

    private static void makeReadable(Path target, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(target, permissions);
        } catch (IOException e) {
            // the file is written whole; a file system that refuses chmod keeps its own permissions
        }
    }
}
