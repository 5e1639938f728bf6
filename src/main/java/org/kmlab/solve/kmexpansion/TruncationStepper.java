package org.kmlab.solve.kmexpansion;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

/**
 * Time steps of {@code dP/dt = L·P} ({@link TruncatedOperator}) by TR-BDF2 (Bank et al. 1985;
 * γ = 2 − √2, both stages with the one band factor of {@code I − (γ/2)·dt·L}): second order and
 * L-stable, so the stiff third- and fourth-order terms are damped, not amplified, by the time
 * stepping. When {@code positive} (order 2) a step that would leave a negative value is redone by
 * backward Euler, whose matrix is then an M-matrix: P stays ≥ 0. For orders 3 and 4 negative
 * values are the truncation's own answer (Pawula) and are kept. P is a density in x = n/Ω units.
 */
final class TruncationStepper {
    private static final double GAMMA = 2 - Math.sqrt(2);
    private static final double STAGE = GAMMA / 2;
    private static final double C_STAR = 1 / (GAMMA * (2 - GAMMA));
    private static final double C_OLD = (1 - GAMMA) * (1 - GAMMA) / (GAMMA * (2 - GAMMA));

    private final TruncationGrid grid;
    private final double[][] band;
    private final boolean positive;
    private final double[] p, old, work;
    private BandedLu stageFactor, eulerFactor;
    private double dt = Double.NaN;
    private long eulerSteps;

    TruncationStepper(TruncationGrid grid, double[][] band, double[] initial, boolean positive) {
        this.grid = grid;
        this.band = band;
        this.positive = positive;
        this.p = initial.clone();
        this.old = new double[p.length];
        this.work = new double[p.length];
    }

    /** Sets the step size, factoring I − (γ/2)·dt·L only when it changes. */
    void setTimeStep(double step) {
        if (step == dt) return;
        dt = step;
        stageFactor = factor(STAGE * dt);
        eulerFactor = null;
    }

    private BandedLu factor(double tau) {
        int n = p.length;
        double[][] m = new double[band.length][n];
        for (int d = 0; d < band.length; d++) {
            for (int i = 0; i < n; i++) m[d][i] = -tau * band[d][i];
        }
        for (int i = 0; i < n; i++) m[TruncatedOperator.HALF][i] += 1;
        return new BandedLu(m, TruncatedOperator.HALF, TruncatedOperator.HALF);
    }

    /** One step of the size set by {@link #setTimeStep}. */
    void step() {
        int n = p.length;
        System.arraycopy(p, 0, old, 0, n);
        TruncatedOperator.apply(band, old, work);
        for (int i = 0; i < n; i++) work[i] = old[i] + STAGE * dt * work[i];   // trapezoid stage: right-hand side
        stageFactor.solve(work);                                                 // P at t + γ·dt
        for (int i = 0; i < n; i++) p[i] = C_STAR * work[i] - C_OLD * old[i];   // BDF2 stage
        stageFactor.solve(p);
        if (!positive) return;
        for (double v : p) {
            if (v < 0) {
                if (eulerFactor == null) eulerFactor = factor(dt);
                System.arraycopy(old, 0, p, 0, n);
                eulerFactor.solve(p);
                eulerSteps++;
                return;
            }
        }
    }

    long eulerSteps() { return eulerSteps; }

    /** Σ |P|·dx: 1 for a probability density; it grows when the truncation blows up. */
    double absoluteMass() {
        double s = 0;
        for (double v : p) s += Math.abs(v);
        return s * grid.dx();
    }

    /** Σ max(0, −P)·dx: the "probability" below zero (Pawula). */
    double negativeMass() {
        double s = 0;
        for (double v : p) if (v < 0) s -= v;
        return s * grid.dx();
    }

    /** The density and its moments (of the signed density: what the truncated equation gives). */
    Snapshot snapshot(double time) {
        double dx = grid.dx(), mass = 0, first = 0;
        for (int i = 0; i < p.length; i++) {
            mass += p[i];
            first += p[i] * grid.centre(i);
        }
        double mean = first / mass, second = 0;
        for (int i = 0; i < p.length; i++) { double e = grid.centre(i) - mean; second += e * e * p[i]; }
        return new Snapshot(time, new double[] {mean}, new double[][] {{second / mass}},
                new Density1D[] {new Density1D(grid.centre(0), dx, p)}, null, new double[0][], mass * dx);
    }
}
