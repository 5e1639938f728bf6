package org.kmlab.export;

import org.kmlab.model.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an export whole or not at all ({@link AtomicFiles}: a temporary file beside the target,
 * then a rename) and turns every failure into one {@link ExportException} "cannot write PATH: why".
 */
final class AtomicExport {
    private AtomicExport() {}

    static void write(Path target, AtomicFiles.Content content) throws ExportException {
        if (target == null) throw new IllegalArgumentException("target must not be null");
        if (Files.isDirectory(target)) throw ExportException.cannotWrite(target, "it is a folder");
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw ExportException.cannotWrite(target, dir + " is a file, not a folder");
        }
        if (dir != null && !Files.exists(dir)) throw ExportException.cannotWrite(target, "the folder " + dir + " does not exist");
        try {
            AtomicFiles.write(target, content);
        } catch (ExportException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw ExportException.cannotWrite(target, e);
        }
    }
}
