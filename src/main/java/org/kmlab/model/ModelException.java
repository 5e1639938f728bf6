package org.kmlab.model;

/**
 * Invalid model or preset input. The message is meant for the user: it names the place
 * (a JSON path such as {@code reactions[1].rate} or a parameter name) and what is wrong.
 */
public final class ModelException extends RuntimeException {
    public ModelException(String message) { super(message); }
}
