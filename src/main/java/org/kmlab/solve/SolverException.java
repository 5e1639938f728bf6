package org.kmlab.solve;

/**
 * A run that cannot go on, with a message for the user: a population past the bound, a propensity
 * that went negative, a model the solver cannot handle (e.g. 3 species for the CME).
 */
public final class SolverException extends RuntimeException {
    public SolverException(String message) { super(message); }
}
