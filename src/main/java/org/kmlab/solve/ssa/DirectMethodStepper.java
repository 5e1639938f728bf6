package org.kmlab.solve.ssa;

import org.kmlab.model.Expression;
import org.kmlab.model.AbsorbingSet;
import org.kmlab.model.ModelException;
import org.kmlab.model.Propensities;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.ensemble.Ensemble;
import org.kmlab.solve.ensemble.FineSampler;
import org.kmlab.solve.ensemble.MemberStepper;
import org.kmlab.solve.ensemble.RandomStream;
import org.kmlab.solve.ensemble.SplitMix;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Gillespie's direct method (D. T. Gillespie, "Exact stochastic simulation of coupled chemical
 * reactions", J. Phys. Chem. 81:2340, 1977) for one worker thread: advances members of an
 * {@link Ensemble} (state: counts n) from one output time to the next. Each event draws the
 * waiting time τ = E/a₀ with E ~ Exp(1) (a ziggurat, see {@link RandomStream}) and the reaction r
 * with probability a_r/a₀. At the end of an interval the pending event is discarded and the next
 * interval redraws it, which is exact in law because the waiting time is memoryless.
 *
 * <p><b>Speed.</b> The model is compiled once into flat arrays ({@link Network}):
 * <ul>
 * <li>Mass-action propensities of order ≤ 2 are inline kernels (k, k·n, k·n_a·n_b, k·n(n−1)),
 *     with no virtual call and no check, since they cannot go negative or NaN; only formula
 *     propensities go through {@link Propensities} and are checked (a negative or NaN value stops
 *     the run with a message naming the reaction and the state).</li>
 * <li>One species whose propensities are all kernels (birth–death, most textbook models) runs
 *     {@link #advanceOneSpecies}, or {@link #advanceTwoReactions} for two reactions: the count in a
 *     register, the reaction chosen without a branch, the same trajectories bit for bit.</li>
 * <li>After an event only the propensities that read a species it changed are recomputed (the
 *     dependency graph of the optimized direct method: Y. Cao, H. Li, L. Petzold, J. Chem. Phys.
 *     121:4059, 2004).</li>
 * <li>A jump touches only the species it changes; the population bound is checked only where a
 *     count grows (or a signed coordinate falls), and the sign only where a formula reaction
 *     lowers a count (mass action cannot take a count below zero).</li>
 * <li>Each reaction's changes, dependents and tree nodes are lists ending at a flagged entry: a
 *     loop bounded by a count compiles into pre-, main and post-loops, which cost more than the one
 *     or two entries a list usually holds (on birth–death, a quarter of the event's time).</li>
 * <li>With many reactions ({@value Network#LINEAR_MAX} or more) the reaction is chosen in
 *     O(log R) from a tree of partial sums (the logarithmic direct method: H. Li, L. Petzold,
 *     UCSB tech. report, 2006), updated once per event along the union of the changed leaves' paths
 *     (precompiled per reaction, {@link Network#refreshNodes}); every inner node is
 *     recomputed from its two children, so a₀ never accumulates rounding drift (the reason we did
 *     not take the sorting direct method of McCollum et al., Comput. Biol. Chem. 30:39, 2006, or
 *     the composition–rejection of Slepoy, Thompson &amp; Plimpton, J. Chem. Phys. 128:205101,
 *     2008, which keep running sums). Below that a linear sum and search in model order is
 *     faster, and it draws exactly what the straightforward method draws.</li>
 * </ul>
 *
 * <p><b>Fine steps</b> ({@link FineSampler}): the loop runs to the earlier of the next fine time and
 * the output time; only an event drawn past it stops to report the fine times it jumps over (the
 * state before the event is the path's value there) and then fires as drawn. So an observer sees
 * the exact piecewise-constant path, the random numbers drawn are the same with or without one,
 * and without one the only cost is a null check per output interval.
 *
 * <p>Counts live in the propensity environment as doubles (exact below 2^53, far above any
 * population bound). The event loop allocates nothing. Not thread-safe: one per worker.
 *
 * <p><b>Model events</b> (SBML events, {@link org.kmlab.model.Event}) run in a loop of their own,
 * {@link #advanceWithEvents}, so a model without events runs the plain loop above, unchanged (the
 * same random numbers, the same trajectories). Between reactions the state is constant, so a
 * trigger of counts and parameters can turn true only right after a reaction or another event
 * and is evaluated there; a trigger that reads {@code time} can turn true inside a waiting
 * interval, at the first time in (t, min(t_next, t1)] where it turns true, before the reaction
 * drawn for t_next is chosen. Each comparison of time in the trigger (under and/or/not) is bisected
 * over the doubles down to two neighbours where it changes (for {@code time >= c} that is exactly
 * c, the closed form; for {@code time > c} the next double above c), and the trigger is evaluated
 * at those moments in order ({@link #firstRise}): so a pulse {@code time >= 5 && time < 5.001}
 * fires at 5 even when no reaction falls inside it, and a trigger that falls and rises again
 * within one waiting interval fires at the rise. It assumes each such comparison, on a constant
 * state, changes at most once within one waiting interval (true of any comparison of a monotone
 * function of time, e.g. {@code time >= 5}, {@code X > 10*time}).
 */
final class DirectMethodStepper implements MemberStepper {
    /** Poll the cancellation flags every 2^13 = 8192 events. */
    private static final int POLL_MASK = (1 << 13) - 1;
    /** Doubles of padding after each hot scratch array: one 64-byte cache line. */
    private static final int PAD = 8;

    private final Network net;
    private final Propensities propensities;
    private final double bound;
    private final CancellationToken cancel;
    private final CancellationToken halt;
    private final double[] env;
    private final double[] rates;
    /** Partial sums over the leaves [leaves, 2·leaves): sums[i] = sums[2i] + sums[2i+1]; null when linear. */
    private final double[] sums;
    private final RandomStream random = new RandomStream();
    /** The model's absorbing set, or null when it has none (then nothing is checked). */
    private final AbsorbingSet absorbing;
    private long events;
    private int sincePoll;
    /**
     * One species, every propensity a kernel, a linear search, no events: {@link #advanceOneSpecies}.
     * Per reaction, whether the kernel's factors u and v read the count (else they are the 1 slot).
     */
    private final boolean oneSpecies;
    private final boolean[] readsU, readsV;

    /** The mass-action constants the kernels multiply by: the network's, or this worker's copy when events change parameters. */
    private final double[] constants;
    /** Events: compiled program (null without events), members' memory, and scratch. */
    private final EventProgram program;
    private final EventMemory memory;
    private final boolean[] last, pending;
    /** Scratch of {@link #firstRise}: the switch times of one trigger's parts, in increasing order. */
    private final double[] switches;
    private final double[][] due;
    private long fired;
    /** Events fired at one moment before the run is stopped as an endless cascade. */
    static final int CASCADE_LIMIT = 10_000;

    /**
     * @param bound  largest |n| allowed for any species before the run stops
     * @param cancel the user's token
     * @param halt   raised when another worker failed, so this one stops too
     */
    DirectMethodStepper(Network net, long bound, CancellationToken cancel, CancellationToken halt) {
        this(net, bound, cancel, halt, null);
    }

    /** @param memory the members' event state (null when the model has no events) */
    DirectMethodStepper(Network net, long bound, CancellationToken cancel, CancellationToken halt, EventMemory memory) {
        this.net = net;
        this.propensities = net.propensities;
        double[] environment = propensities.newEnvironment();
        this.env = java.util.Arrays.copyOf(environment, net.one + 1 + PAD);   // + time, + the slot holding 1, + padding
        this.program = net.events;
        if (program != null && memory == null) throw new IllegalArgumentException("a model with events needs an EventMemory");
        this.memory = memory;
        this.constants = program == null ? net.constant : net.constant.clone();
        this.last = program == null ? null : new boolean[program.count];
        this.pending = program == null ? null : new boolean[program.count];
        this.switches = program == null ? null : new double[program.mostTimeParts];
        this.due = program == null ? null : new double[program.count][program.widest];
        env[net.one] = 1.0;                             // the kernels' factor for a missing reactant
        // Hot scratch arrays end in a cache line of padding, so two workers' arrays, allocated next to each
        // other here, never share a line (false sharing cost the second thread a fifth of its speed).
        this.rates = new double[net.reactions + PAD];
        this.sums = net.tree ? new double[2 * net.leaves + PAD] : null;
        this.bound = bound;
        this.cancel = cancel;
        this.halt = halt;
        this.absorbing = net.propensities.model().absorbing().isEmpty() ? null : net.propensities.model().absorbing();
        this.oneSpecies = net.oneSpecies;
        this.readsU = new boolean[net.reactions];
        this.readsV = new boolean[net.reactions];
        for (int r = 0; r < net.reactions; r++) {
            readsU[r] = net.first[r] == 0;
            readsV[r] = net.second[r] == 0;
        }
    }

    /** Events fired so far by this stepper. */
    long events() { return events; }

    /** Model events (SBML events) fired so far by this stepper. */
    long eventsFired() { return fired; }

    @Override public void advance(Ensemble ensemble, int i, double t0, double t1, FineSampler fine) {
        if (program != null) {
            advanceWithEvents(ensemble, i, t0, t1, fine);
            return;
        }
        if (oneSpecies && absorbing == null) {
            if (net.reactions == 2) advanceTwoReactions(ensemble, i, t0, t1, fine);
            else advanceOneSpecies(ensemble, i, t0, t1, fine);
            return;
        }
        final double[] env = this.env;
        final double[] rates = this.rates;
        final double[] sums = this.sums;
        final RandomStream random = this.random;
        final Network net = this.net;
        final int[] changeFirst = net.changeFirst, changeSpecies = net.changeSpecies, changeCheck = net.changeCheck;
        final double[] changeDelta = net.changeDelta;
        final int[] dependentFirst = net.dependentFirst, dependents = net.dependents;
        final int[] refreshFirst = net.refreshFirst, refreshNodes = net.refreshNodes;
        final int[] kind = net.kind, first = net.first, second = net.second;
        final double[] offset = net.offset, constant = net.constant;
        final int last = net.reactions - 1, leaves = net.leaves;
        ensemble.read(i, env);
        if (absorbing != null && (ensemble.absorbed(i) || absorbing.contains(env))) {   // frozen where it entered the set
            if (!ensemble.absorbed(i)) ensemble.absorb(i, t0);
            if (fine != null) for (long j = fine.firstIndex(t0); fine.time(j) <= t1; j++) fine.emit(i, j, env);
            return;
        }
        long state = ensemble.stream(i);                // the stream state lives in a register (see RandomStream.fastExponential)
        for (int r = 0; r <= last; r++) rates[r] = propensity(r);
        if (sums != null) {
            System.arraycopy(rates, 0, sums, leaves, net.reactions);
            for (int k = leaves - 1; k >= 1; k--) sums[k] = sums[2 * k] + sums[2 * k + 1];
        }
        long j = 0;
        double limit = t1;                              // the next time the loop must stop at
        if (fine != null) {
            j = fine.firstIndex(t0);
            limit = Math.min(t1, fine.time(j));
        }
        double t = t0;
        int fired = 0, countdown = sincePoll;
        while (true) {
            double a0;
            if (sums == null) {
                a0 = 0;
                for (int r = 0; r <= last; r++) a0 += rates[r];
            } else {
                a0 = sums[1];
            }
            if (!(a0 > 0)) break;                       // absorbed: nothing can happen any more
            long bits = SplitMix.mix64(state += SplitMix.GAMMA);
            double e = RandomStream.fastExponential(bits);
            if (e != e) {                               // the ziggurat's slow path, 1.1% of draws
                random.load(state);
                e = random.exponentialAfter(bits);
                state = random.save();
            }
            t += e / a0;
            if (t > limit) {
                if (fine != null) {                     // report the fine times this event jumps over
                    for (double tj; (tj = fine.time(j)) < t && tj <= t1; j++) fine.emit(i, j, env);
                    limit = Math.min(t1, fine.time(j));
                }
                if (t > t1) break;                      // the event falls past the output time: discard it
            }
            double target = SplitMix.unitClosedOpen(SplitMix.mix64(state += SplitMix.GAMMA)) * a0;
            int r;
            if (sums == null) {
                r = 0;
                double cumulative = rates[0];
                while (target >= cumulative && r < last) cumulative += rates[++r];
                while (rates[r] == 0) r--;              // u₂·a₀ rounded up to a₀: take the last live reaction
            } else {
                r = descend(sums, target);
            }
            // fire r: move the species it changes, then recompute the propensities that read them.
            // The lists end at an entry flagged last, not at a count: the JIT compiles a counted loop
            // into pre-, main and post-loops, a dozen branches too many for the usual one or two entries.
            for (int c = changeFirst[r]; ; c++) {
                int s = changeSpecies[c], check = changeCheck[c];
                double n = env[s] + changeDelta[c];
                env[s] = n;
                if ((Math.abs(n) > bound || n < 0) && (check & Network.CHECKS) != 0) check(check, r, s, n, t);   // test n first: check varies with r, as randomly
                if ((check & Network.LAST) != 0) break;
            }
            for (int d = dependentFirst[r]; d >= 0; d++) {
                int entry = dependents[d], q = entry >> 1;
                double a = kind[q] == Network.KERNEL ? kernel(env, constant[q], first[q], second[q], offset[q]) : general(q);
                rates[q] = a;
                if (sums != null) sums[leaves + q] = a;
                if ((entry & 1) != 0) break;
            }
            if (sums != null) {
                for (int c = refreshFirst[r]; c >= 0; c++) {
                    int entry = refreshNodes[c], k = entry >> 1;
                    sums[k] = sums[2 * k] + sums[2 * k + 1];
                    if ((entry & 1) != 0) break;
                }
            }
            fired++;
            if (absorbing != null && absorbing.contains(env)) {   // first passage: the trajectory stops here
                ensemble.absorb(i, t);
                break;
            }
            if ((++countdown & POLL_MASK) == 0) {
                poll();
                events += fired;                        // fold into the long total: an int would overflow over a long interval
                fired = 0;
            }
        }
        if (fine != null) {                             // absorbed (no event possible, or in the set) before t1: the path stays where it is
            for (; fine.time(j) <= t1; j++) fine.emit(i, j, env);
        }
        ensemble.write(i, env);
        ensemble.setStream(i, state);
        events += fired;
        sincePoll = countdown;
    }

    /**
     * {@link #advance} for one species whose propensities are all kernels, chosen linearly (birth–death,
     * Schlögl, most textbook models): the same draws and the same arithmetic as the general loop, so
     * the same trajectories bit for bit, with the count n in a register instead of the environment.
     * Two things make it faster (birth–death: 27 ns an event of CPU instead of 36; the two-reaction
     * form, {@link #advanceTwoReactions}, 16 ns): every kernel is recomputed from n each event
     * (a handful of multiplies, no dependency lists to walk), and the reaction is chosen without a
     * branch, counting the partial sums ≤ u₂·a₀. That count is the index the linear search stops at
     * (the partial sums of non-negative rates never decrease), but a search branch is taken at random
     * (birth or death, half and half) and its misprediction cost a third of the event; without it the
     * chain from one event to the next is short enough, since n never goes through memory.
     */
    private void advanceOneSpecies(Ensemble ensemble, int i, double t0, double t1, FineSampler fine) {
        final double[] env = this.env;
        final double[] rates = this.rates;
        final double[] constant = net.constant, offset = net.offset, delta = net.oneSpeciesDelta;
        final boolean[] readsU = this.readsU, readsV = this.readsV, checkBound = net.oneSpeciesCheck;
        final int reactions = net.reactions, last = reactions - 1;
        final double bound = this.bound;
        ensemble.read(i, env);
        double n = env[0];
        long state = ensemble.stream(i);
        long j = 0;
        double limit = t1;
        if (fine != null) {
            j = fine.firstIndex(t0);
            limit = Math.min(t1, fine.time(j));
        }
        double t = t0;
        int fired = 0, countdown = sincePoll;
        while (true) {
            double a0 = 0;
            for (int q = 0; q < reactions; q++) {       // kernel(): c·u·v, zero unless both factors are positive
                double u = readsU[q] ? n : 1.0, v = (readsV[q] ? n : 1.0) - offset[q];
                double a = u > 0 && v > 0 ? constant[q] * u * v : 0.0;
                rates[q] = a;
                a0 += a;
            }
            if (!(a0 > 0)) break;
            long bits = SplitMix.mix64(state += SplitMix.GAMMA);
            double e = RandomStream.fastExponential(bits);
            if (e != e) {
                random.load(state);
                e = random.exponentialAfter(bits);
                state = random.save();
            }
            t += e / a0;
            if (t > limit) {
                if (fine != null) {
                    env[0] = n;
                    for (double tj; (tj = fine.time(j)) < t && tj <= t1; j++) fine.emit(i, j, env);
                    limit = Math.min(t1, fine.time(j));
                }
                if (t > t1) break;
            }
            double target = SplitMix.unitClosedOpen(SplitMix.mix64(state += SplitMix.GAMMA)) * a0;
            int r = 0;
            double cumulative = 0;
            for (int q = 0; q < last; q++) {            // r = #{q < last : target ≥ a_0 + … + a_q}, as the linear search finds
                cumulative += rates[q];
                r += 1 ^ (int) (Double.doubleToRawLongBits(target - cumulative) >>> 63);   // target − cumulative ≥ +0
            }
            while (rates[r] == 0) r--;                  // u₂·a₀ rounded up to a₀: take the last live reaction
            n += delta[r];
            if (Math.abs(n) > bound && checkBound[r]) {   // this order: a branch on r would be as random as r
                env[0] = n;
                throw explosion(0, t);
            }
            fired++;
            if ((++countdown & POLL_MASK) == 0) {
                poll();
                events += fired;
                fired = 0;
            }
        }
        env[0] = n;
        if (fine != null) {
            for (; fine.time(j) <= t1; j++) fine.emit(i, j, env);
        }
        ensemble.write(i, env);
        ensemble.setStream(i, state);
        events += fired;
        sincePoll = countdown;
    }

    /**
     * {@link #advanceOneSpecies} for exactly two reactions (birth and death: the one-step processes of
     * the textbook), written out: a loop over a count the JIT does not know compiles into pre-, main
     * and post-loops whose overhead, for two passes, was a quarter of the event. The same arithmetic
     * as the general loop: a₀ = (0 + p₀) + p₁ = p₀ + p₁ exactly (p_r the two propensities), r = 1
     * when u₂·a₀ ≥ p₀ (the search's comparison), and r = 0 when p₁ = 0 (the search's step back from
     * an empty reaction; p₀ = 0 gives r = 1 since u₂·a₀ ≥ 0).
     */
    private void advanceTwoReactions(Ensemble ensemble, int i, double t0, double t1, FineSampler fine) {
        final double[] env = this.env;
        final double c0 = net.constant[0], c1 = net.constant[1], off0 = net.offset[0], off1 = net.offset[1];
        final boolean u0 = readsU[0], v0 = readsV[0], u1 = readsU[1], v1 = readsV[1];
        final double[] delta = net.oneSpeciesDelta;
        final boolean[] checkBound = net.oneSpeciesCheck;
        final double bound = this.bound;
        ensemble.read(i, env);
        double n = env[0];
        long state = ensemble.stream(i);
        long j = 0;
        double limit = t1;
        if (fine != null) {
            j = fine.firstIndex(t0);
            limit = Math.min(t1, fine.time(j));
        }
        double t = t0;
        int fired = 0, countdown = sincePoll;
        while (true) {
            double x0 = u0 ? n : 1.0, y0 = (v0 ? n : 1.0) - off0;
            double x1 = u1 ? n : 1.0, y1 = (v1 ? n : 1.0) - off1;
            double p0 = x0 > 0 && y0 > 0 ? c0 * x0 * y0 : 0.0;   // kernel() of each
            double p1 = x1 > 0 && y1 > 0 ? c1 * x1 * y1 : 0.0;
            double a0 = p0 + p1;
            if (!(a0 > 0)) break;
            long bits = SplitMix.mix64(state += SplitMix.GAMMA);
            double e = RandomStream.fastExponential(bits);
            if (e != e) {
                random.load(state);
                e = random.exponentialAfter(bits);
                state = random.save();
            }
            t += e / a0;
            if (t > limit) {
                if (fine != null) {
                    env[0] = n;
                    for (double tj; (tj = fine.time(j)) < t && tj <= t1; j++) fine.emit(i, j, env);
                    limit = Math.min(t1, fine.time(j));
                }
                if (t > t1) break;
            }
            double target = SplitMix.unitClosedOpen(SplitMix.mix64(state += SplitMix.GAMMA)) * a0;
            int r = 1 ^ (int) (Double.doubleToRawLongBits(target - p0) >>> 63);   // target ≥ p₀ without a branch
            if (p1 == 0) r = 0;
            n += delta[r];
            if (Math.abs(n) > bound && checkBound[r]) {
                env[0] = n;
                throw explosion(0, t);
            }
            fired++;
            if ((++countdown & POLL_MASK) == 0) {
                poll();
                events += fired;
                fired = 0;
            }
        }
        env[0] = n;
        if (fine != null) {
            for (; fine.time(j) <= t1; j++) fine.emit(i, j, env);
        }
        ensemble.write(i, env);
        ensemble.setStream(i, state);
        events += fired;
        sincePoll = countdown;
    }

    /**
     * {@link #advance} for a model with events. The waiting time and the reaction are drawn as in
     * the plain loop; before a reaction at t_next fires, the time-reading triggers are searched
     * for a crossing in (t, min(t_next, t1)]. If one turns true first, its event fires there, the
     * propensities are recomputed and the pending reaction is discarded: a new waiting time is
     * drawn from the event's time, which is exact in law because the waiting time is memoryless
     * (given no reaction by the crossing, the time left is again Exp(a₀'), with the new a₀').
     * Events at an output time t1 fire before the state at t1 is stored, so the output shows the
     * state in force from t1 on.
     */
    private void advanceWithEvents(Ensemble ensemble, int i, double t0, double t1, FineSampler fine) {
        final double[] env = this.env;
        final double[] rates = this.rates;
        final double[] sums = this.sums;
        final Network net = this.net;
        final int last = net.reactions - 1;
        final int time = program.timeSlot;
        ensemble.read(i, env);
        memory.load(i, program.parameterSlots, env, this.last);
        refreshConstants();
        long state = ensemble.stream(i);
        long j = fine == null ? 0 : fine.firstIndex(t0);
        double t = t0;
        settle(t);                                      // due at t0: the start (initial values), else nothing new
        recomputeAll();
        while (true) {
            double a0;
            if (sums == null) {
                a0 = 0;
                for (int r = 0; r <= last; r++) a0 += rates[r];
            } else {
                a0 = sums[1];
            }
            double next = Double.POSITIVE_INFINITY;     // absorbed: only a time trigger can still change anything
            if (a0 > 0) {
                long bits = SplitMix.mix64(state += SplitMix.GAMMA);
                double e = RandomStream.fastExponential(bits);
                if (e != e) {
                    random.load(state);
                    e = random.exponentialAfter(bits);
                    state = random.save();
                }
                next = t + e / a0;
            }
            double crossing = program.anyTimed ? crossing(t, Math.min(next, t1)) : Double.NaN;
            if (crossing == crossing) {
                j = emit(fine, i, j, crossing, t1);
                t = crossing;
                settle(t);
                refreshConstants();
                recomputeAll();
                continue;                               // the drawn reaction is discarded: memoryless (see above)
            }
            if (next > t1) {
                settle(t1);                             // a time trigger true at t1 (and none crossed before it)
                break;
            }
            double target = SplitMix.unitClosedOpen(SplitMix.mix64(state += SplitMix.GAMMA)) * a0;
            int r;
            if (sums == null) {
                r = 0;
                double cumulative = rates[0];
                while (target >= cumulative && r < last) cumulative += rates[++r];
                while (rates[r] == 0) r--;
            } else {
                r = descend(sums, target);
            }
            j = emit(fine, i, j, next, t1);
            t = next;
            for (int c = net.changeFirst[r]; ; c++) {   // the list ends at the entry flagged LAST
                int s = net.changeSpecies[c], check = net.changeCheck[c];
                double n = env[s] + net.changeDelta[c];
                env[s] = n;
                if ((Math.abs(n) > bound || n < 0) && (check & Network.CHECKS) != 0) check(check, r, s, n, t);   // test n first: check varies with r, as randomly
                if ((check & Network.LAST) != 0) break;
            }
            if (settle(t)) {
                refreshConstants();
                recomputeAll();
            } else {
                for (int q : net.dependentLists[r]) update(q);
            }
            events++;
            if ((++sincePoll & POLL_MASK) == 0) poll();
        }
        if (fine != null) {
            for (; fine.time(j) <= t1; j++) fine.emit(i, j, env);
        }
        env[time] = t1;
        ensemble.write(i, env);
        ensemble.setStream(i, state);
        memory.store(i, program.parameterSlots, env, this.last);
    }

    /**
     * Fires the events due at the start t0 for member i (a trigger true at t0 whose initial value
     * is false), so that the first snapshot already shows their effect; the first
     * {@link #advance} then finds nothing new at t0.
     */
    void start(Ensemble ensemble, int i, double t0) {
        ensemble.read(i, env);
        memory.load(i, program.parameterSlots, env, this.last);
        settle(t0);
        ensemble.write(i, env);
        memory.store(i, program.parameterSlots, env, this.last);
    }

    /** Reports the fine times before {@code until} (and ≤ t1) with the state before it changes; the next index. */
    private static long emit(FineSampler fine, int i, long j, double until, double t1, double[] env) {
        if (fine != null) {
            for (double tj; (tj = fine.time(j)) < until && tj <= t1; j++) fine.emit(i, j, env);
        }
        return j;
    }

    private long emit(FineSampler fine, int i, long j, double until, double t1) { return emit(fine, i, j, until, t1, env); }

    /**
     * The first time in (t, horizon] at which a time-reading trigger turns true (from false), or NaN
     * when none does by the horizon; the earliest over all events (a later one is searched only up
     * to the earliest found so far). Stopping at a time where nothing fires is harmless: the
     * stepper redraws the waiting time from there, exact by memorylessness.
     */
    private double crossing(double t, double horizon) {
        double best = Double.NaN;
        for (int e = 0; e < program.count; e++) {
            if (!program.readsTime[e]) continue;
            double hi = Double.isNaN(best) ? horizon : best;
            if (!(hi > t)) continue;
            double rise = firstRise(e, t, hi);
            if (rise == rise) best = rise;
        }
        env[program.timeSlot] = t;
        return best;
    }

    /**
     * The first double in (t, hi] at which trigger e turns from false to true, or NaN (or, when it
     * is true at t, falls and then rises by hi, the fall: see below). With the
     * state fixed, the trigger's truth changes only where one of its time-reading parts' does
     * ({@link EventProgram#timeParts}: comparisons such as {@code time >= 5} under and/or/not).
     * Each part that differs between t and hi is bisected over the doubles down to two neighbours,
     * which gives the first double where it differs from its value at t; the trigger is then
     * evaluated at these switch times in order, from its value at t ({@code last[e]}). So a pulse
     * {@code time >= 5 && time < 5.001} inside one waiting interval fires at exactly 5. A trigger
     * true at t that falls and rises again inside the interval returns its fall: the stepper
     * stops there to record it (nothing fires) and the next search, from the fall, finds the rise. Exact when each part changes
     * at most once per waiting interval (a comparison of a monotone function of time: sums,
     * products and powers of time and constants, exp, log); a part that changes back and forth
     * within one interval (e.g. {@code abs(time - 5) < 0.001}) is seen only when the trigger as a
     * whole is true at hi, where the old bisection of the whole trigger still finds a rise.
     */
    private double firstRise(int e, double t, double hi) {
        final int time = program.timeSlot;
        final Expression trigger = program.triggers[e];
        final Expression[] parts = program.timeParts[e];
        final double[] switches = this.switches;
        int m = 0;
        for (Expression part : parts) {
            env[time] = t;
            boolean from = Expression.isTrue(part.eval(env));
            env[time] = hi;
            if (Expression.isTrue(part.eval(env)) == from) continue;
            double lo = t, up = hi;
            while (true) {
                double mid = lo + (up - lo) * 0.5;
                if (mid <= lo || mid >= up) break;
                env[time] = mid;
                if (Expression.isTrue(part.eval(env)) == from) lo = mid; else up = mid;
            }
            int k = m++;                                // insertion sort: a trigger has a few parts
            while (k > 0 && switches[k - 1] > up) {
                switches[k] = switches[k - 1];
                k--;
            }
            switches[k] = up;
        }
        boolean was = last[e];
        double fall = Double.NaN;
        for (int k = 0; k < m; k++) {
            env[time] = switches[k];
            boolean now = Expression.isTrue(trigger.eval(env));
            if (now && !was) return fall == fall ? fall : switches[k];
            if (was && !now && fall != fall) fall = switches[k];
            was = now;
        }
        if (last[e]) return Double.NaN;
        env[time] = hi;                                 // parts that change more than once: the whole trigger's rise by hi
        if (!Expression.isTrue(trigger.eval(env))) return Double.NaN;
        double lo = t;
        while (true) {
            double mid = lo + (hi - lo) * 0.5;
            if (mid <= lo || mid >= hi) break;
            env[time] = mid;
            if (Expression.isTrue(trigger.eval(env))) hi = mid; else lo = mid;
        }
        return hi;
    }

    /**
     * At time t, fires every event whose trigger went from false to true, then those that these
     * make due, in the model's order (SBML Level 3 without delays): all of an event's values are
     * computed before any is set (at the moment it became due, or when its turn comes, per
     * useValuesFromTriggerTime); a non-persistent event whose trigger turns false before its turn
     * is dropped. Records every trigger's value at t. Returns whether any event fired.
     */
    private boolean settle(double t) {
        final EventProgram p = program;
        env[p.timeSlot] = t;
        if (!review()) return false;
        int cascade = 0;
        while (true) {
            int e = 0;
            while (e < p.count && !pending[e]) e++;
            if (e == p.count) break;
            pending[e] = false;
            if (!p.fromTriggerTime[e]) valuesOf(e);
            int[] slots = p.slots[e];
            for (int k = 0; k < slots.length; k++) env[slots[k]] = checkedValue(e, k, due[e][k], t);
            fired++;
            if (++cascade > CASCADE_LIMIT) {
                throw new SolverException("events fire endlessly at t = " + time(t) + " (over " + CASCADE_LIMIT + " at one moment, last '" + p.ids[e] + "'): two events keep making each other due");
            }
            review();
        }
        return true;
    }

    /** Re-evaluates every trigger: marks new false→true ones due (keeping their values when asked), drops non-persistent ones gone false. */
    private boolean review() {
        final EventProgram p = program;
        boolean any = false;
        for (int e = 0; e < p.count; e++) {
            boolean now = Expression.isTrue(p.triggers[e].eval(env));
            if (now && !last[e]) {
                pending[e] = true;
                any = true;
                if (p.fromTriggerTime[e]) valuesOf(e);
            } else if (!now && pending[e] && !p.persistent[e]) {
                pending[e] = false;
            }
            last[e] = now;
        }
        return any;
    }

    private void valuesOf(int e) {
        Expression[] values = program.values[e];
        for (int k = 0; k < values.length; k++) due[e][k] = values[k].eval(env);
    }

    /** A count must stay a whole number (≥ 0 unless signed) within the bound; a parameter finite. */
    private double checkedValue(int e, int k, double v, double t) {
        int slot = program.slots[e][k];
        if (slot < net.species) {
            if (!(v == Math.rint(v)) || Math.abs(v) > bound || (v < 0 && !net.signed[slot])) {
                throw new SolverException("event '" + program.ids[e] + "' set " + net.speciesNames[slot] + " to " + value(v) + " at t = " + time(t)
                        + (v != v || Double.isInfinite(v) ? "" : Math.abs(v) > bound ? ": past the population bound " + (long) bound
                        : v < 0 && !net.signed[slot] ? ": a count cannot go below 0" : ": a count must be a whole number"));
            }
        } else if (!Double.isFinite(v)) {
            throw new SolverException("event '" + program.ids[e] + "' set parameter '" + propensities.model().environment().names().get(slot) + "' to " + value(v) + " at t = " + time(t));
        }
        return v;
    }

    /** Mass-action constants that read parameters events change, from the member's current values. */
    private void refreshConstants() {
        for (int r : program.constantReaders) constants[r] = propensities.massActionConstant(r, env);
    }

    private void recomputeAll() {
        for (int r = 0; r < net.reactions; r++) rates[r] = propensity(r);
        if (sums != null) {
            System.arraycopy(rates, 0, sums, net.leaves, net.reactions);
            for (int k = net.leaves - 1; k >= 1; k--) sums[k] = sums[2 * k] + sums[2 * k + 1];
        }
    }

    private void update(int q) {
        double a = propensity(q);
        rates[q] = a;
        if (sums != null) {
            int k = net.leaves + q;
            sums[k] = a;
            for (k >>= 1; k >= 1; k >>= 1) sums[k] = sums[2 * k] + sums[2 * k + 1];
        }
    }

    /** The leaf whose share of the partial sums holds {@code target} ∈ [0, a₀). */
    private int descend(double[] sums, double target) {
        int k = 1, leaves = net.leaves;
        while (k < leaves) {
            k <<= 1;
            double left = sums[k];
            boolean right = target >= left;     // a coin flip for the branch predictor: conditional moves instead
            target = right ? target - left : target;
            k += right ? 1 : 0;
        }
        int r = k - leaves;
        if (r < net.reactions && rates[r] > 0) return r;
        // rounding sent the target onto an empty leaf at a boundary: the nearest live reaction below, else above
        for (int q = Math.min(r, net.reactions - 1); q >= 0; q--) if (rates[q] > 0) return q;
        for (int q = r + 1; q < net.reactions; q++) if (rates[q] > 0) return q;
        throw new IllegalStateException("no live reaction with a₀ > 0");
    }

    private void check(int check, int r, int s, double n, double t) {
        if ((check & Network.CHECK_BOUND) != 0 && Math.abs(n) > bound) throw explosion(s, t);
        if ((check & Network.CHECK_SIGN) != 0 && n < 0) throw negativeCount(r, s, n, t);
    }

    /**
     * a_r at the counts in env, bit for bit what {@link Propensities#propensity} gives: a mass-action
     * reaction of order ≤ 2 is c·u·v with u, v two environment slots less an offset (n, or n_a and
     * n_b, or n and n − 1, with a slot holding 1 for the missing factors; multiplying by 1 is
     * exact), zero unless both are positive, so the same constant meets the same factors in the
     * same order and the kernels change no trajectory.
     */
    private double propensity(int r) {
        final Network net = this.net;
        if (net.kind[r] == Network.KERNEL) return kernel(env, constants[r], net.first[r], net.second[r], net.offset[r]);
        if (program != null && net.kind[r] == Network.GENERAL) return propensities.massAction(r, constants[r], env);
        return general(r);
    }

    /** c·u·v with u = env[a], v = env[b] − offset, zero unless both are positive (see {@link #propensity}). */
    private static double kernel(double[] env, double c, int a, int b, double offset) {
        double u = env[a], v = env[b] - offset;
        return u > 0 && v > 0 ? c * u * v : 0.0;
    }

    /** a_r of a reaction that is not a kernel: through {@link Propensities}, checked when a formula. */
    private double general(int r) {
        double a = propensities.propensity(r, env);
        if (net.kind[r] == Network.FORMULA && !(a >= 0 && a < Double.POSITIVE_INFINITY)) throw invalidPropensity(r, a);
        return a;
    }

    /** For tests: a_r at {@code counts} as the event loop computes it. */
    double propensityAt(int r, double[] counts) {
        System.arraycopy(counts, 0, env, 0, counts.length);
        return propensity(r);
    }

    /** For tests: the propensities the event loop holds now (after {@link #advance}, at the member's last state). */
    double[] currentRates() { return java.util.Arrays.copyOf(rates, net.reactions); }

    /** For tests: the partial-sum tree the event loop holds now, or null when the search is linear. */
    double[] currentSums() { return sums == null ? null : java.util.Arrays.copyOf(sums, 2 * net.leaves); }

    @Override public void poll() {
        cancel.check();
        halt.check();
    }

    private SolverException invalidPropensity(int r, double a) {
        try {
            propensities.checked(r, a, env);
        } catch (ModelException e) {
            return new SolverException(e.getMessage());
        }
        throw new IllegalStateException("propensity " + a + " passed its check");
    }

    /** Only a formula propensity can do this: mass action vanishes when a reactant is missing. */
    private SolverException negativeCount(int r, int s, double n, double t) {
        return new SolverException("reaction '" + propensities.model().reactions().get(r).name() + "' made "
                + net.speciesNames[s] + " = " + (long) n + " at t = " + time(t)
                + ": a count cannot go below 0 (make the propensity vanish at " + net.speciesNames[s] + " = 0, or mark the species signed)");
    }

    private SolverException explosion(int s, double t) {
        return new SolverException("population of " + net.speciesNames[s] + " passed " + (long) bound + " at t = "
                + time(t) + ": the model explodes (raise the bound or change parameters)");
    }

    private static String value(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : time(v);
    }

    private static String time(double t) {
        return new BigDecimal(t).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
