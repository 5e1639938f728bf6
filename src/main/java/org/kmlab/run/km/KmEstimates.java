package org.kmlab.run.km;

import org.kmlab.solve.SolverDescriptor;

import java.util.List;
import java.util.Objects;

/**
 * The Kramers–Moyal estimates of one run, one per ensemble solver that ran with an estimator on
 * its fine-step hook ({@link RunIncrements}): what the Kramers–Moyal pane draws over the model's
 * analytic curves. Immutable; a new one is made whenever a table or the settings change.
 *
 * @param sources the estimates in the run's solver order
 */
public record KmEstimates(List<Source> sources) {
    /** One solver's estimate. */
    public record Source(SolverDescriptor solver, KmEstimate estimate) {
        public Source {
            Objects.requireNonNull(solver, "solver");
            Objects.requireNonNull(estimate, "estimate");
        }
    }

    public KmEstimates {
        sources = List.copyOf(sources);
    }

    public boolean isEmpty() { return sources.isEmpty(); }
}
