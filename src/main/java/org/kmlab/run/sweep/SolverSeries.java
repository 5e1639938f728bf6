package org.kmlab.run.sweep;

import org.kmlab.solve.SolverDescriptor;

/**
 * One solver's distances to the sweep's reference at time T, at each swept value: L1 (∫|p − q|)
 * and Hellinger, each with its log–log slope. The headline distances of the distance table: the
 * joint ones in 2-D against the master equation, else the largest marginal ones.
 *
 * @param ownError {@code ownError[i]}: the solver's own estimate of its numerical L1 error at T
 *                 ({@code Snapshot.error}), NaN when it makes none; a distance not well above it
 *                 measures the numerics, not the approximation
 * @param notes    {@code notes[i]}: why value i has no distance ("skipped: …", "failed: …"), or ""
 */
public record SolverSeries(SolverDescriptor solver, double[] l1, double[] hellinger, double[] ownError, String[] notes, LogLogFit l1Fit,
                           LogLogFit hellingerFit) {
    public SolverSeries {
        l1 = l1.clone();
        hellinger = hellinger.clone();
        ownError = ownError.clone();
        notes = notes.clone();
    }

    @Override public double[] ownError() { return ownError.clone(); }

    @Override public double[] l1() { return l1.clone(); }
    @Override public double[] hellinger() { return hellinger.clone(); }
    @Override public String[] notes() { return notes.clone(); }

    public String id() { return solver.id(); }
}
