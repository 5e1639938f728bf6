package org.kmlab.cli;

/** Bad command-line input (exit code 2); the message, one line, names the problem. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) { super(message); }

    UserInputException(String message, Throwable cause) { super(message, cause); }
}
