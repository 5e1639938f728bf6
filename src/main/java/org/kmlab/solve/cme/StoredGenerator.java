package org.kmlab.solve.cme;

import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.Propensities;
import org.kmlab.solve.SolverException;

/**
 * The uniformized generator for any propensities: one array per reaction holds a_r(n)/Λ on every
 * state of the box (zero where the jump would leave it), so a step is a few streaming loops and
 * allocates nothing.
 */
final class StoredGenerator implements Generator {
    private final int states;
    private final int[] offset;
    private final double[][] rate;   // a_r(n)/Λ, 0 where n + ν_r is outside the box
    private final double[] stay;     // 1 − exit(n)/Λ
    private final double[] leave;    // (flow out of the box from n)/Λ
    private final double lambda;

    private StoredGenerator(int states, int[] offset, double[][] rate, double[] stay, double[] leave, double lambda) {
        this.states = states;
        this.offset = offset;
        this.rate = rate;
        this.stay = stay;
        this.leave = leave;
        this.lambda = lambda;
    }

    /**
     * Evaluates every propensity on every state of the box.
     *
     * @throws SolverException when a formula propensity is negative or NaN on a lattice state
     */
    static StoredGenerator build(Model model, Lattice box) {
        if (!box.isFull()) throw new IllegalArgumentException("stored propensities need a full box");
        int n = box.states();
        Propensities prop = model.propensities();
        int reactions = prop.size(), dim = box.dimension();
        int[][] jumps = new int[reactions][];
        int[] offset = new int[reactions];
        for (int r = 0; r < reactions; r++) {
            jumps[r] = model.jump(r);
            offset[r] = box.offset(jumps[r]);
        }
        double[][] rate = new double[reactions][n];
        double[] exit = new double[n];
        double[] out = new double[n];
        double[] env = prop.newEnvironment();
        long[] counts = new long[dim], target = new long[dim];
        for (int i = 0; i < n; i++) {
            box.counts(i, counts);
            for (int s = 0; s < dim; s++) env[s] = counts[s];
            for (int r = 0; r < reactions; r++) {
                double a = prop.propensity(r, env);
                if (!prop.isMassAction(r)) a = checked(prop, r, a, env);
                if (a == 0) continue;
                exit[i] += a;
                for (int s = 0; s < dim; s++) target[s] = counts[s] + jumps[r][s];
                if (box.contains(target)) rate[r][i] = a;
                else out[i] += a;
            }
        }
        double lambda = 0;
        for (double e : exit) lambda = Math.max(lambda, e);
        if (!(lambda < Double.POSITIVE_INFINITY)) throw new SolverException("cme: propensities overflow on the lattice " + box);
        double scale = lambda > 0 ? 1 / lambda : 0;
        double[] stay = new double[n];
        for (int i = 0; i < n; i++) {
            stay[i] = Math.max(0, 1 - exit[i] * scale);
            out[i] *= scale;
            for (int r = 0; r < reactions; r++) rate[r][i] *= scale;
        }
        return new StoredGenerator(n, offset, rate, stay, out, lambda);
    }

    private static double checked(Propensities prop, int r, double a, double[] env) {
        try {
            return prop.checked(r, a, env);
        } catch (ModelException e) {
            throw new SolverException(e.getMessage());
        }
    }

    @Override public int states() { return states; }

    @Override public double lambda() { return lambda; }

    /** States per block: a fixed size, so the blocks (and the leak's rounding) do not depend on the threads. */
    static final int BLOCK = 4096;

    @Override public int blocks() { return (states + BLOCK - 1) / BLOCK; }

    @Override public int blockStart(int b) { return Math.min(states, b * BLOCK); }

    @Override public Kernel newKernel() { return this::stepBlocks; }

    private void stepBlocks(int fromBlock, int toBlock, double[] v, double[] w, double[][] acc, double[] weight, int accs, double[] leak) {
        for (int b = fromBlock; b < toBlock; b++) {
            int lo = blockStart(b), hi = blockStart(b + 1);
            double leak0 = 0, leak1 = 0;
            int i = lo;
            for (; i + 1 < hi; i += 2) {   // two partial sums: lets the JIT keep both lanes busy
                w[i] = stay[i] * v[i];
                w[i + 1] = stay[i + 1] * v[i + 1];
                leak0 += leave[i] * v[i];
                leak1 += leave[i + 1] * v[i + 1];
            }
            for (; i < hi; i++) {
                w[i] = stay[i] * v[i];
                leak0 += leave[i] * v[i];
            }
            leak[b] = leak0 + leak1;
            for (int r = 0; r < offset.length; r++) {
                int d = offset[r];
                double[] c = rate[r];
                int from = Math.max(lo, d), to = Math.min(hi, states + d);
                for (int j = from; j < to; j++) w[j] += c[j - d] * v[j - d];
            }
            for (int a = 0; a < accs; a++) {
                double[] s = acc[a];
                double x = weight[a];
                for (int j = lo; j < hi; j++) s[j] += x * w[j];
            }
        }
    }
}
