package org.kmlab.solve.ensemble;

/**
 * One method's way of moving one ensemble member forward in time (the SSA's direct-method
 * stepper, the CLE's Euler–Maruyama stepper). One instance per worker thread: it may keep scratch
 * arrays and a {@link RandomStream}, loading member i's stream from the {@link Ensemble} on entry
 * and saving it on exit, so a member's numbers never depend on the worker that ran it.
 */
public interface MemberStepper {
    /**
     * Advances member i from t0 to t1 (t1 &gt; t0), reporting every fine time of
     * {@link FineSampler#firstIndex}(t0) onwards that is ≤ t1 to {@code fine}, in time order, with
     * the member's state at that time. {@code fine} is null when nobody observes fine steps; a
     * stepper then must not pay for them.
     */
    void advance(Ensemble ensemble, int i, double t0, double t1, FineSampler fine);

    /** Throws when the run was cancelled or another worker failed; called between chunks too. */
    void poll();
}
