package org.kmlab.ui;

/** A lesson file that cannot be used: the message names the line ("line 12: unknown preset …"). */
public final class LessonException extends RuntimeException {
    private final int line;

    public LessonException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public int line() { return line; }
}
