package org.kmlab.solve.cme;

import org.kmlab.solve.CancellationToken;

import java.util.function.DoubleConsumer;

/**
 * Advances a probability vector by uniformization (Jensen's method):
 * {@code P(t+Δ) = Σ_k Poisson(k; ΛΔ) (I + Q/Λ)^k P(t)}. Every term is non-negative and the Poisson
 * sum is cut where each tail is below 5·10⁻¹⁵, so the result is accurate to about 10⁻¹⁴ in L1
 * however stiff the generator is; the price is about ΛΔ + 8√(ΛΔ) matrix-vector products. Long
 * intervals are split so ΛΔ ≤ {@value #MAX_TERMS_PER_PIECE}. The sink of the finite state projection
 * is carried along the same sum, so the lost probability is computed, not inferred.
 * Reuses its work arrays: one instance per lattice. The solver uses it only for an output interval
 * too long for one sequence; shorter ones go through {@link PoissonSweep}.
 */
final class Uniformization {
    static final double TAIL = 5e-15;
    static final double MAX_TERMS_PER_PIECE = 100_000;
    private static final int CANCEL_POLL = 16;

    private final Generator generator;
    private final StepTeam team;
    private final CancellationToken cancel;
    private final double[][] accs = new double[1][];
    private final double[] weights = new double[1];
    private double[] v, w, acc;
    private long products;

    /** Steps {@code generator} on {@code team}, which it prepares for it. */
    Uniformization(Generator generator, StepTeam team, CancellationToken cancel) {
        this.generator = generator;
        this.team = team;
        this.cancel = cancel;
        team.use(generator);
        int n = generator.states();
        v = new double[n];
        w = new double[n];
        acc = new double[n];
    }

    /** Matrix-vector products done so far. */
    long products() { return products; }

    /**
     * Replaces {@code p} by its value {@code dt} later and returns the probability that left the
     * box meanwhile. {@code progress} receives the fraction of this interval done.
     */
    double advance(double[] p, double dt, DoubleConsumer progress) {
        double total = generator.lambda() * dt;
        if (total == 0) return 0;
        int pieces = (int) Math.ceil(total / MAX_TERMS_PER_PIECE);
        double lost = 0;
        for (int piece = 0; piece < pieces; piece++) {
            final int done = piece;
            lost += advancePiece(p, total / pieces, f -> progress.accept((done + f) / pieces));
        }
        return lost;
    }

    private double advancePiece(double[] p, double lambdaDt, DoubleConsumer progress) {
        PoissonWeights poisson = PoissonWeights.of(lambdaDt, TAIL);
        int n = p.length, left = poisson.left(), right = poisson.right();
        System.arraycopy(p, 0, v, 0, n);
        java.util.Arrays.fill(acc, 0);
        double sink = 0, sinkAcc = 0;   // sink: lost after k steps; sinkAcc: its Poisson average
        if (left == 0) {
            double w0 = poisson.weight(0);
            for (int i = 0; i < n; i++) acc[i] = w0 * v[i];
        }
        for (int k = 0; k < right; k++) {
            double next = poisson.weight(k + 1);   // 0 before the left cut: then nothing is accumulated
            accs[0] = acc;
            weights[0] = next;
            sink += team.step(v, w, accs, weights, next != 0 ? 1 : 0);
            sinkAcc += next * sink;
            double[] t = v;
            v = w;
            w = t;
            products++;
            if (k % CANCEL_POLL == 0) {
                cancel.check();
                progress.accept((double) k / right);
            }
        }
        System.arraycopy(acc, 0, p, 0, n);
        return sinkAcc;
    }
}
