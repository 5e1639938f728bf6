package org.kmlab.cli;

import org.kmlab.export.data.OutputFolder;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The {@code --out DIR} of the commands that write a folder of files: checked and prepared before any work. */
final class OutOption {
    private OutOption() {}

    /** The folder {@code out} names, created if missing; a bad name or an unwritable folder is one line of user error. */
    static OutputFolder prepare(String out) {
        Path dir;
        try {
            dir = Path.of(out);
        } catch (InvalidPathException e) {
            throw new UserInputException("--out " + out + ": not a valid path");
        }
        try {
            return OutputFolder.prepare(dir);
        } catch (IOException e) {
            throw new UserInputException("--out " + out + ": " + e.getMessage(), e);
        }
    }
}
