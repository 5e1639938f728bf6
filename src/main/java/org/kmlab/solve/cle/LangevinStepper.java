package org.kmlab.solve.cle;

import org.kmlab.model.ContinuumWalls;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.ensemble.Ensemble;
import org.kmlab.solve.ensemble.FineSampler;
import org.kmlab.solve.ensemble.MemberStepper;
import org.kmlab.solve.ensemble.RandomStream;

/**
 * One worker's Euler–Maruyama integrator of the chemical Langevin equation
 * {@code dx = A(x) dt + L(x) dW}, L Lᵀ = B (Gillespie, J. Chem. Phys. 113 (2000) 297; Kloeden &amp;
 * Platen, <i>Numerical Solution of SDEs</i>, §9.1), x = n/Ω:
 * <pre>  x ← x + A(x)·h + L(x)·√h·z,   z ~ N(0, I)</pre>
 * with A, B from {@link KramersMoyal} and L from {@link DiffusionRoot}. The ensemble's state is x
 * itself (scale 1).
 *
 * <p><b>Steps.</b> {@link #plan} sets the number of equal steps per output interval (from
 * {@link StepRule}). With a fine-step observer the interval is first cut at the fine times inside
 * it and each piece gets as many equal steps as keep h at most the planned one, so the path is
 * evaluated exactly at every fine time (never interpolated).
 *
 * <p><b>Boundary.</b> A species that is a count (not {@code signed}) is reflected at x = 0: a step
 * ending at x &lt; 0 ends at −x instead. Reflection keeps every path in the physical domain and
 * conserves probability (absorption would pile mass on x = 0 with no way back, although the
 * master equation lets an empty species be produced again). Near x = 0 the CLE is a poor
 * approximation anyway: there, trust the master equation or the SSA. A one-species process
 * between lattice walls (a walker in a box cut off by {@code step(Omega - X)}) is reflected at
 * the walls the Fokker–Planck solver uses ({@link ContinuumWalls}: half a lattice step beyond the
 * last points), with A and B read just inside the last points: the cut-off is the wall, not a
 * drift (read there, it kicked a path that crossed it by tens of lattice steps back into the box).
 *
 * <p>Each path draws its normals from its own stream ({@link RandomStream#nextGaussian}, loaded
 * from the ensemble). Owns a {@link KramersMoyal} and scratch arrays: one per worker thread.
 * Allocation-free.
 */
final class LangevinStepper implements MemberStepper {
    private final KramersMoyal km;
    private final int d;
    private final String[] names;
    private final double bound;
    private final double[] wallLo, wallHi, readLo, readHi;   // per species, x units; ±∞ where there is none
    private final CancellationToken cancel, halt;
    private final double[] state, next, drift, read;
    private final double[][] b, l;
    private final RandomStream noise = new RandomStream();
    private int steps = 1;
    private int sincePoll;

    /**
     * @param walls a one-species model's walls ({@link ContinuumWalls}), or null
     * @param halt  a second token, set when another worker failed
     */
    LangevinStepper(Model model, long populationBound, ContinuumWalls walls, CancellationToken cancel, CancellationToken halt) {
        this.km = new KramersMoyal(model);
        this.d = model.speciesCount();
        this.names = new String[d];
        this.wallLo = new double[d];
        this.wallHi = new double[d];
        this.readLo = new double[d];
        this.readHi = new double[d];
        for (int s = 0; s < d; s++) {
            names[s] = model.species().get(s).name();
            wallLo[s] = model.species().get(s).signed() ? Double.NEGATIVE_INFINITY : 0;   // a count reflects at 0
            wallHi[s] = readHi[s] = Double.POSITIVE_INFINITY;
            readLo[s] = Double.NEGATIVE_INFINITY;
        }
        if (walls != null) {
            wallLo[0] = walls.lo();
            wallHi[0] = walls.hi();
            readLo[0] = walls.lowestCount() / model.size();
            readHi[0] = walls.highestCount() / model.size();
        }
        this.bound = populationBound / model.size();
        this.cancel = cancel;
        this.halt = halt;
        this.state = new double[d];
        this.next = new double[d];
        this.drift = new double[d];
        this.read = new double[d];
        this.b = new double[d][d];
        this.l = new double[d][d];
    }

    /** Equal steps per output interval for the next {@code advance} calls. */
    void plan(int stepsPerInterval) { this.steps = stepsPerInterval; }

    @Override public void poll() {
        cancel.check();
        if (halt.isCancelled()) throw new CancelledException();
    }

    @Override public void advance(Ensemble e, int p, double t0, double t1, FineSampler fine) {
        e.read(p, state);
        noise.load(e.stream(p));
        if (fine == null) {
            integrate(t0, t1, steps);
        } else {
            double hMax = (t1 - t0) / steps, a = t0;
            long j = fine.firstIndex(t0);
            if (fine.time(j) == t0) fine.emit(p, j++, state);
            while (a < t1) {
                double tj = fine.time(j), b = Math.min(tj, t1);
                // the 1e-9 forgives rounding, so a piece that is a whole number of planned steps gets exactly that many
                integrate(a, b, (int) Math.max(1, Math.ceil((b - a) / hMax * (1 - 1e-9))));
                if (tj <= t1) fine.emit(p, j++, state);
                a = b;
            }
        }
        e.write(p, state);
        e.setStream(p, noise.save());
    }

    /** {@code n} equal steps from t0 to t1. */
    private void integrate(double t0, double t1, int n) {
        double h = (t1 - t0) / n, rootH = Math.sqrt(h);
        for (int k = 0; k < n; k++) {
            if ((++sincePoll & 4095) == 0) poll();   // long intervals stay cancellable
            km.driftAndDiffusion(readingPoint(), drift, b);
            DiffusionRoot.cholesky(b, l, d);
            for (int s = 0; s < d; s++) next[s] = noise.nextGaussian();
            for (int s = d - 1; s >= 0; s--) {       // from the last row, so next[j < s] still holds z_j
                double kick = 0;
                for (int j = 0; j <= s; j++) kick += l[s][j] * next[j];
                double v = state[s] + drift[s] * h + rootH * kick;
                if (v < wallLo[s] || v > wallHi[s]) v = fold(v, wallLo[s], wallHi[s]);
                if (!(Math.abs(v) <= bound)) fail(s, v, t0 + (k + 1) * h);
                next[s] = v;
            }
            System.arraycopy(next, 0, state, 0, d);
        }
    }

    /** The state, each species moved to the nearest count where A and B are read (inside its walls). */
    private double[] readingPoint() {
        for (int s = 0; s < d; s++) read[s] = state[s] < readLo[s] ? readLo[s] : state[s] > readHi[s] ? readHi[s] : state[s];
        return read;
    }

    /** v reflected at the walls lo, hi until it lies between them (a step longer than the box reflects more than once). */
    private static double fold(double v, double lo, double hi) {
        for (int k = 0; k < 64 && (v > hi || v < lo); k++) v = v > hi ? 2 * hi - v : 2 * lo - v;
        return v;
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
