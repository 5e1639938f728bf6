package org.kmlab.model;

/** A formula that does not parse; the message says what and where. */
public final class FormulaException extends IllegalArgumentException {
    public FormulaException(String message) { super(message); }
}
