package org.kmlab.solve.cle;

import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.SolverException;

import java.util.SplittableRandom;

/**
 * One worker's Euler–Maruyama integrator of the chemical Langevin equation
 * {@code dx = A(x) dt + L(x) dW}, L Lᵀ = B (Gillespie, J. Chem. Phys. 113 (2000) 297; Kloeden &amp;
 * Platen, <i>Numerical Solution of SDEs</i>, §9.1), x = n/Ω:
 * <pre>  x ← x + A(x)·h + L(x)·√h·z,   z ~ N(0, I)</pre>
 * with A, B from {@link KramersMoyal} and L from {@link DiffusionRoot}.
 *
 * <p><b>Boundary.</b> A species that is a count (not {@code signed}) is reflected at x = 0: a step
 * ending at x &lt; 0 ends at −x instead. Reflection keeps every path in the physical domain and
 * conserves probability (absorption would pile mass on x = 0 with no way back, although the
 * master equation lets an empty species be produced again). Near x = 0 the CLE is a poor
 * approximation anyway: there, trust the master equation or the SSA.
 *
 * <p>Each path draws its normals from its own stream ({@link PathEnsemble}). Owns a
 * {@link KramersMoyal} and scratch arrays: one per worker thread. Allocation-free.
 */
final class LangevinStepper {
    private final KramersMoyal km;
    private final int d;
    private final boolean[] reflect;
    private final String[] names;
    private final double bound;
    private final CancellationToken cancel, halt;
    private final double[] state, next, drift, z;
    private final double[][] b, l;

    /** @param halt a second token, set when another worker failed */
    LangevinStepper(Model model, long populationBound, CancellationToken cancel, CancellationToken halt) {
        this.km = new KramersMoyal(model);
        this.d = model.speciesCount();
        this.reflect = new boolean[d];
        this.names = new String[d];
        for (int s = 0; s < d; s++) {
            reflect[s] = !model.species().get(s).signed();
            names[s] = model.species().get(s).name();
        }
        this.bound = populationBound / model.size();
        this.cancel = cancel;
        this.halt = halt;
        this.state = new double[d];
        this.next = new double[d];
        this.drift = new double[d];
        this.z = new double[d];
        this.b = new double[d][d];
        this.l = new double[d][d];
    }

    void poll() {
        cancel.check();
        if (halt.isCancelled()) throw new CancelledException();
    }

    /** Advances paths [from, to) from time t0 by {@code steps} steps of length h. */
    void advance(PathEnsemble e, int from, int to, double t0, int steps, double h) {
        double rootH = Math.sqrt(h);
        for (int p = from; p < to; p++) {
            if ((p & 63) == 0) poll();
            System.arraycopy(e.x, p * d, state, 0, d);
            SplittableRandom noise = e.streams[p];
            for (int k = 0; k < steps; k++) {
                if ((k & 4095) == 4095) poll();   // long intervals stay cancellable
                km.driftAndDiffusion(state, drift, b);
                DiffusionRoot.cholesky(b, l, d);
                for (int s = 0; s < d; s++) z[s] = noise.nextGaussian();
                for (int s = 0; s < d; s++) {
                    double kick = 0;
                    for (int j = 0; j <= s; j++) kick += l[s][j] * z[j];
                    double v = state[s] + drift[s] * h + rootH * kick;
                    if (v < 0 && reflect[s]) v = -v;
                    if (!(Math.abs(v) <= bound)) fail(s, v, t0 + (k + 1) * h);
                    next[s] = v;
                }
                System.arraycopy(next, 0, state, 0, d);
            }
            System.arraycopy(state, 0, e.x, p * d, d);
        }
    }

    private void fail(int s, double v, double t) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new SolverException("cle: " + names[s] + " became " + v + " near t = " + (float) t
                    + "; the drift or diffusion is not finite there");
        }
        throw new SolverException("cle: " + names[s] + " passed the population bound (x = " + (float) v
                + ", bound " + (float) bound + " in x units) near t = " + (float) t);
    }
}
