package org.kmlab.run.sweep;

import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;

/**
 * Where the rate equation dx/dt = A(x) settles from the model's initial state (x = n/Ω units):
 * the stable fixed point, found by following the deterministic path ({@link LinearNoisePath},
 * which holds the state once it stops moving) for up to {@value #HORIZON} time units; a path
 * that never settles gives its state at the sweep's time T instead.
 *
 * @param x       the point
 * @param settled true at a fixed point, false for the state at T
 */
record FixedPoint(double[] x, boolean settled) {
    static final double HORIZON = 1000;

    FixedPoint {
        x = x.clone();
    }

    @Override public double[] x() { return x.clone(); }

    /** @return the fixed point, or null when the deterministic path diverges */
    static FixedPoint of(Model model, double time, CancellationToken token) {
        int d = model.speciesCount();
        double horizon = Math.max(time, HORIZON);
        try {
            LinearNoisePath path = LinearNoisePath.of(model, model.initialX(), new double[d][d], horizon, LinearNoisePath.TOLERANCE, token::check);
            boolean settled = path.settledAt() < path.duration();
            return new FixedPoint(path.mean(settled ? horizon : time), settled);
        } catch (LinearNoisePath.Diverges e) {
            return null;
        }
    }
}
