package org.kmlab.solve.ssa;

import org.kmlab.model.ModelException;
import org.kmlab.model.Propensities;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.ensemble.Ensemble;
import org.kmlab.solve.ensemble.FineSampler;
import org.kmlab.solve.ensemble.MemberStepper;
import org.kmlab.solve.ensemble.RandomStream;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Gillespie's direct method (D. T. Gillespie, "Exact stochastic simulation of coupled chemical
 * reactions", J. Phys. Chem. 81:2340, 1977) for one worker thread: advances members of an
 * {@link Ensemble} (state: counts n) from one output time to the next. Each event draws the waiting time
 * τ = E/a₀ with E ~ Exp(1) (a ziggurat, see {@link RandomStream}) and the reaction r with
 * Σ_{r'<r} a_{r'} ≤ u·a₀ < Σ_{r'≤r} a_{r'}, recomputing all R propensities (R is small). At the
 * end of an interval the pending event is discarded and the next interval redraws it, which is
 * exact in law because the waiting time is memoryless.
 *
 * <p>Fine steps ({@link FineSampler}): the loop runs to the earlier of the next fine time and the
 * output time; only an event drawn past it stops to report the fine times it jumps over (the state
 * before the event is the path's value there) and then fires as drawn. So an observer sees the
 * exact piecewise-constant path, the random numbers drawn are the same with or without one, and
 * without one the only cost is a null check per output interval.
 *
 * <p>Counts live in the propensity environment as doubles (exact below 2^53, far above any
 * population bound). The event loop allocates nothing. Not thread-safe: one per worker.
 */
final class DirectMethodStepper implements MemberStepper {
    /** Poll the cancellation flags every 2^13 = 8192 events. */
    private static final int POLL_MASK = (1 << 13) - 1;

    private final Propensities propensities;
    private final String[] speciesNames;
    private final int species;
    private final int reactions;
    private final double[] env;
    private final double[] rates;
    private final double[] jumps;
    private final boolean[] formula;
    private final boolean[] signed;
    private final double bound;
    private final CancellationToken cancel;
    private final CancellationToken halt;
    private final RandomStream random = new RandomStream();
    private long events;
    private int sincePoll;

    /**
     * @param bound  largest |n| allowed for any species before the run stops
     * @param cancel the user's token
     * @param halt   raised when another worker failed, so this one stops too
     */
    DirectMethodStepper(Propensities propensities, long bound, CancellationToken cancel, CancellationToken halt) {
        this.propensities = propensities;
        this.species = propensities.speciesCount();
        this.reactions = propensities.size();
        this.speciesNames = new String[species];
        this.signed = new boolean[species];
        for (int s = 0; s < species; s++) {
            speciesNames[s] = propensities.model().species().get(s).name();
            signed[s] = propensities.model().species().get(s).signed();
        }
        this.env = propensities.newEnvironment();
        this.rates = new double[reactions];
        this.jumps = new double[reactions * species];
        this.formula = new boolean[reactions];
        for (int r = 0; r < reactions; r++) {
            formula[r] = !propensities.isMassAction(r);
            for (int s = 0; s < species; s++) jumps[r * species + s] = propensities.jump(r, s);
        }
        this.bound = bound;
        this.cancel = cancel;
        this.halt = halt;
    }

    /** Events fired so far by this stepper. */
    long events() { return events; }

    @Override public void advance(Ensemble ensemble, int i, double t0, double t1, FineSampler fine) {
        final double[] env = this.env;
        final double[] rates = this.rates;
        final double[] jumps = this.jumps;
        final int species = this.species;
        final int last = reactions - 1;
        ensemble.read(i, env);
        final RandomStream random = this.random;
        random.load(ensemble.stream(i));
        long j = 0;
        double limit = t1;                              // the next time the loop must stop at
        if (fine != null) {
            j = fine.firstIndex(t0);
            limit = Math.min(t1, fine.time(j));
        }
        double t = t0;
        long fired = 0;
        while (true) {
            double a0 = 0;
            for (int r = 0; r <= last; r++) {
                double a = propensities.propensity(r, env);
                if (formula[r] && !(a >= 0 && a < Double.POSITIVE_INFINITY)) throw invalidPropensity(r, a);
                rates[r] = a;
                a0 += a;
            }
            if (!(a0 > 0)) break;                       // absorbed: nothing can happen any more
            t += random.nextExponential() / a0;
            if (t > limit) {
                if (fine != null) {                     // report the fine times this event jumps over
                    for (double tj; (tj = fine.time(j)) < t && tj <= t1; j++) fine.emit(i, j, env);
                    limit = Math.min(t1, fine.time(j));
                }
                if (t > t1) break;                      // the event falls past the output time: discard it
            }
            double target = random.nextUnit() * a0;
            int r = 0;
            double cumulative = rates[0];
            while (target >= cumulative && r < last) cumulative += rates[++r];
            while (rates[r] == 0) r--;                  // u₂·a₀ rounded up to a₀: take the last live reaction
            int row = r * species;
            for (int s = 0; s < species; s++) {
                double n = env[s] + jumps[row + s];
                env[s] = n;
                if (Math.abs(n) > bound) throw explosion(s, t);
                if (n < 0 && !signed[s]) throw negativeCount(r, s, n, t);
            }
            fired++;
            if ((++sincePoll & POLL_MASK) == 0) poll();
        }
        if (fine != null) {                             // absorbed before t1: the path stays where it is
            for (; fine.time(j) <= t1; j++) fine.emit(i, j, env);
        }
        ensemble.write(i, env);
        ensemble.setStream(i, random.save());
        events += fired;
    }

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
                + speciesNames[s] + " = " + (long) n + " at t = " + new BigDecimal(t).round(new MathContext(4)).stripTrailingZeros().toPlainString()
                + ": a count cannot go below 0 (make the propensity vanish at " + speciesNames[s] + " = 0, or mark the species signed)");
    }

    private SolverException explosion(int s, double t) {
        return new SolverException("population of " + speciesNames[s] + " passed " + (long) bound + " at t = "
                + new BigDecimal(t).round(new MathContext(4)).stripTrailingZeros().toPlainString()
                + ": the model explodes (raise the bound or change parameters)");
    }
}
