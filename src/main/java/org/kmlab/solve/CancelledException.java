package org.kmlab.solve;

/** Thrown out of a solver whose run was cancelled. Not an error. */
public final class CancelledException extends RuntimeException {
    public CancelledException() { super("cancelled", null, false, false); }
}
