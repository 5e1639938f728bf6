package org.kmlab.run;

/** Where one solver of a run stands. */
public enum SolverPhase {
    WAITING, RUNNING, DONE, FAILED, CANCELLED;

    public boolean isFinal() { return this == DONE || this == FAILED || this == CANCELLED; }
}
