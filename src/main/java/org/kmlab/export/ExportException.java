package org.kmlab.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** An export that could not be written; the message names the file and says why, for the user. */
public final class ExportException extends IOException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "cannot write /abs/path: reason", with the reason put plainly. */
    public static ExportException cannotWrite(Path target, Throwable cause) {
        return new ExportException("cannot write " + target.toAbsolutePath() + ": " + reason(cause), cause);
    }

    public static ExportException cannotWrite(Path target, String reason) {
        return new ExportException("cannot write " + target.toAbsolutePath() + ": " + reason);
    }

    private static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "the folder does not exist";
        if (e instanceof NotDirectoryException) return "a part of the path is a file, not a folder";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        if (e instanceof OutOfMemoryError) return "not enough memory for a figure this large (lower the DPI or the size)";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
