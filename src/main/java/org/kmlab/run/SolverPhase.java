package org.kmlab.run;

/** Where one solver of a run stands. SKIPPED: it cannot handle the model (the message says why). */
public enum SolverPhase {
    WAITING, RUNNING, DONE, SKIPPED, FAILED, CANCELLED;

    public boolean isFinal() { return this != WAITING && this != RUNNING; }
}
