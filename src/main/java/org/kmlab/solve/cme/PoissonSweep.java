package org.kmlab.solve.cme;

import org.kmlab.solve.CancellationToken;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.DoubleConsumer;

/**
 * Uniformization (Jensen 1953) for several output times with one sequence: from P(t_s),
 * {@code v_q = (I + Q/Λ)^q P(t_s)} is computed once and {@code P(t_j) = Σ_q Poisson(q; Λ(t_j − t_s)) v_q}
 * is accumulated for every output time of the stretch whose Poisson window (each tail below
 * {@link Uniformization#TAIL}, as for a single interval) contains q. Restarting at every output
 * instead would pay the window's right half, about 8√(ΛΔ) products, once per output; sharing pays
 * it once per stretch but accumulates into more vectors at a time, so {@link #stretchEnd} picks the
 * stretch with the least estimated work per output. Only the outputs whose windows are open hold
 * an accumulator. The sink is carried along the same sums, so each output's loss is computed.
 */
final class PoissonSweep {
    /** Work of one accumulation ({@code acc += weight·w} over the states) relative to one product, measured. */
    static final double ACCUMULATION_COST = 0.3;
    private static final int CANCEL_POLL = 16;

    /** Receives each output of a stretch in order. */
    interface Outputs {
        /**
         * P at output j (valid during the call only) and the probability lost since the start of
         * the stretch. Return false to end the stretch here.
         */
        boolean accept(int j, double[] p, double lost);
    }

    private final Generator generator;
    private final StepTeam team;
    private final CancellationToken cancel;
    private final ArrayDeque<double[]> pool = new ArrayDeque<>();
    private double[] v, w;
    private long products;

    /** Steps {@code generator} on {@code team}, which it prepares for it. */
    PoissonSweep(Generator generator, StepTeam team, CancellationToken cancel) {
        this.generator = generator;
        this.team = team;
        this.cancel = cancel;
        team.use(generator);
        v = new double[generator.states()];
        w = new double[generator.states()];
    }

    /** Matrix-vector products done so far. */
    long products() { return products; }

    /**
     * The last output of a stretch starting at ts with output {@code first}: the one that minimises
     * the estimated work per output, keeping {@code Λ(t_last − ts) ≤ MAX_TERMS_PER_PIECE}.
     * Needs {@code Λ(times[first] − ts) ≤ MAX_TERMS_PER_PIECE}.
     */
    static int stretchEnd(double lambda, double ts, double[] times, int first) {
        int best = first;
        double bestCost = Double.POSITIVE_INFINITY, accumulations = 0;
        int worse = 0;
        for (int j = first; j < times.length; j++) {
            double l = lambda * (times[j] - ts);
            if (l > Uniformization.MAX_TERMS_PER_PIECE) break;
            PoissonWeights window = PoissonWeights.of(l, Uniformization.TAIL);
            accumulations += window.weights().length;
            double perOutput = (window.right() + ACCUMULATION_COST * accumulations) / (j - first + 1);
            if (perOutput < bestCost) {
                bestCost = perOutput;
                best = j;
                worse = 0;
            } else if (++worse > 8) {
                break;
            }
        }
        return best;
    }

    /**
     * The estimated work (in products) of a stretch from ts through outputs {@code first..last}:
     * the last output's right Poisson cut plus the accumulations, as {@link #stretchEnd} weighs them.
     */
    static double work(double lambda, double ts, double[] times, int first, int last) {
        double accumulations = 0;
        for (int j = first; j <= last; j++) accumulations += PoissonWeights.of(lambda * (times[j] - ts), Uniformization.TAIL).weights().length;
        return PoissonWeights.of(lambda * (times[last] - ts), Uniformization.TAIL).right() + ACCUMULATION_COST * accumulations;
    }

    /**
     * Runs the stretch from {@code p0} at {@code ts} through outputs {@code first..last} (times
     * after ts), handing each to {@code outputs}; stops early when it declines one.
     * {@code progress} receives the time reached.
     */
    void run(double[] p0, double ts, double[] times, int first, int last, Outputs outputs, DoubleConsumer progress) {
        int count = last - first + 1, n = p0.length;
        PoissonWeights[] windows = new PoissonWeights[count];
        for (int a = 0; a < count; a++) windows[a] = PoissonWeights.of(generator.lambda() * (times[first + a] - ts), Uniformization.TAIL);
        double[][] accOf = new double[count][];   // accumulator of each open window
        double[] lossOf = new double[count];
        double[][] accs = new double[count][];
        double[] weights = new double[count];
        int right = windows[count - 1].right();
        System.arraycopy(p0, 0, v, 0, n);
        int open = 0, done = 0;   // windows [done, open) are open
        double sink = 0;
        // q = 0: v_0 = P(t_s)
        while (open < count && windows[open].left() == 0) {
            double[] acc = take(n);
            double x = windows[open].weight(0);
            for (int i = 0; i < n; i++) acc[i] = x * v[i];
            accOf[open++] = acc;
        }
        done = complete(windows, accOf, lossOf, 0, done, open, first, outputs);
        if (done < 0) return;
        for (int q = 0; q < right; q++) {
            while (open < count && windows[open].left() <= q + 1) accOf[open++] = take(n);
            int m = 0;
            for (int a = done; a < open; a++) {
                accs[m] = accOf[a];
                weights[m++] = windows[a].weight(q + 1);
            }
            sink += team.step(v, w, accs, weights, m);
            for (int a = done; a < open; a++) lossOf[a] += windows[a].weight(q + 1) * sink;
            double[] t = v;
            v = w;
            w = t;
            products++;
            if (q % CANCEL_POLL == 0) {
                cancel.check();
                progress.accept(ts + (times[last] - ts) * q / right);
            }
            done = complete(windows, accOf, lossOf, q + 1, done, open, first, outputs);
            if (done < 0) return;
        }
        Arrays.fill(accs, null);
    }

    /** Hands over the open windows that end at q; returns the first still open, or −1 when told to stop. */
    private int complete(PoissonWeights[] windows, double[][] accOf, double[] lossOf, int q, int done, int open,
                         int first, Outputs outputs) {
        while (done < open && windows[done].right() <= q) {
            double[] acc = accOf[done];
            accOf[done] = null;
            boolean more = outputs.accept(first + done, acc, lossOf[done]);
            pool.push(acc);
            done++;
            if (!more) {
                for (int a = done; a < open; a++) pool.push(accOf[a]);
                return -1;
            }
        }
        return done;
    }

    private double[] take(int n) {
        double[] a = pool.poll();
        if (a == null) return new double[n];
        Arrays.fill(a, 0);
        return a;
    }
}
