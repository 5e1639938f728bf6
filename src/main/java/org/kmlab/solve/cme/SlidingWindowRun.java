package org.kmlab.solve.cme;

import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One solve of {@link FiniteStateProjection}: P(n, t) on a window that slides with it
 * ({@link WindowPlanner}), stepped by Radau IIA ({@link RadauStep}) or, on a 2-D window whose
 * band is too wide for a cheap factorization, by uniformization over a stretch of outputs
 * ({@link PoissonSweep}): whichever is estimated cheaper ({@link #radauIsCheaper}).
 *
 * <p>Accounting, all in L1 and in probability: {@code sink} is what left the windows (the leak
 * of each step and the states a new window drops); {@code timeError} adds up the local error
 * estimates of the steps (plus their rounding and any correction of the result). The exact flow
 * of a sub-generator contracts in L1, so {@code sink + timeError} bounds the distance to the
 * exact master equation as far as each local estimate holds; it is each snapshot's
 * {@code error}. A step whose leak exceeds its share of the loss budget is redone on a window
 * grown where it leaks (at most {@value #MAX_GROWTHS_PER_STEP} times a step; a window may not
 * pass the state limit, and a loss it cannot stop is kept and reported).
 */
final class SlidingWindowRun {
    static final int MAX_GROWTHS_PER_STEP = 8;
    /** Share of a step's loss budget that trimming the window may use; the rest is for the leak. */
    static final double TRIM_SHARE = 0.25;
    /** A window is rebuilt when it holds more than this many times the states needed. */
    private static final double OVERSIZE = 1.5;
    /** Most outputs one uniformization stretch (and so one window) spans. */
    private static final int MAX_STRETCH = 10;
    /** Longest uniformization stretch, in products (Λ·Δ). */
    static final double STRETCH_TERMS = 600;
    /** Steps ahead a Radau window is planned for, so that it (and its factorizations) serve several steps. */
    private static final double LOOKAHEAD = 8;
    /** Range of the margin's scale ({@link WindowPlanner#predicted}) and where it starts. */
    private static final double MIN_SCALE = 0.25, MAX_SCALE = 2, FIRST_SCALE = 1;
    private static final double EPS = Math.ulp(1.0);
    /** Most doubles the Radau band of a 2-D window and its factorizations may take (400 MB). */
    private static final double MAX_BAND_DOUBLES = 5e7;

    private final Model model;
    private final SnapshotListener listener;
    private final CancellationToken cancel;
    private final FiniteStateProjection.Settings settings;
    private final StepTeam team;
    private final Rates rates;
    private final WindowPlanner planner;
    private final RadauStep radau;
    private final double[] times;
    private final double tEnd;
    private final long maxStates;
    private final List<Snapshot> out;
    /** Probability outside the absorbing set at each output (null without a set). */
    private final double[] survival;

    private Lattice window;
    private Extents extents;
    private double[] p, next, big;
    private BandOperator band;          // Q on the window, built when Radau needs it
    private Generator generator;        // uniformized Q on generatorWindow
    private Lattice generatorWindow;
    private double windowLambda = Double.NaN;
    private LatticeSnapshots snapshots;
    private double t, sink, timeError, reached, hNext = Double.NaN, hRadau = Double.NaN, scale = FIRST_SCALE;
    private double plannedUntil = Double.NEGATIVE_INFINITY;   // the present window was planned to hold p until then
    private double hCeiling = Double.POSITIVE_INFINITY;       // below the size of the last rejected step, rising slowly
    private int k;
    private long rejected, growths, windows, maxWindow, radauSteps, stretches, products;
    private final long[] boxLo, boxHi;

    /** @param walls the model's lattice walls ({@link LatticeWalls#of}), found once for the run */
    SlidingWindowRun(Problem problem, LatticeWalls walls, SnapshotListener listener, CancellationToken cancel, FiniteStateProjection.Settings settings, StepTeam team) {
        this.model = problem.model();
        this.listener = listener;
        this.cancel = cancel;
        this.settings = settings;
        this.team = team;
        this.rates = new Rates(model);
        this.planner = new WindowPlanner(rates, walls);
        this.radau = new RadauStep(cancel);
        this.times = problem.times();
        this.tEnd = problem.tEnd();
        int dim = model.speciesCount();
        this.maxStates = settings.maxStates()[dim - 1];
        this.out = new ArrayList<>(times.length);
        this.survival = rates.hasAbsorbing() ? new double[times.length] : null;
        long[] x0 = model.initialCounts();
        boxLo = x0.clone();
        boxHi = x0.clone();
        Extents start = planner.empty();
        start.add(x0[0], x0[0], dim == 1 ? 0 : x0[1]);
        if (start.isEmpty()) throw new SolverException("cme: the initial state " + java.util.Arrays.toString(x0) + " has a negative count");
        adopt(start);
        p[window.index(x0)] = 1;
    }

    List<Snapshot> snapshots() { return out; }

    /** Survival at each output: the probability on the window outside the absorbing set; null without a set. */
    double[] survival() { return survival == null ? null : survival.clone(); }

    /**
     * Probability on the window outside the absorbing set. What leaked to the sink is not
     * counted (it is {@code truncationError}, ≤ the loss budget), so this is a lower bound on
     * the exact survival by at most the sink.
     */
    private double surviving() {
        long[] n = new long[model.speciesCount()];
        double s = 0;
        for (int i = 0; i < window.states(); i++) {
            window.countsAt(i, n);
            if (!rates.absorbing(n)) s += p[i];
        }
        return s;
    }

    void solve() {
        while (k < times.length) {
            if (times[k] <= t) {
                emit();
                continue;
            }
            cancel.check();
            if (radauIsCheaper()) radauStep();
            else uniformizationStretch();
        }
    }

    // ---- Radau IIA steps -------------------------------------------------------------------

    /** One accepted step towards the next output (rejected tries and grown windows included). */
    private void radauStep() {
        double target = times[k], left = target - t;
        if (!(hNext > 0)) hNext = firstStep(left);
        double h = hNext >= left / 1.05 ? left : hNext;
        boolean shortened = h < hNext, tried = false, grown = false;
        int growthsHere = 0;
        while (true) {
            cancel.check();
            double share = settings.lossBudget() * h / tEnd;
            if (!grown) plan(h, LOOKAHEAD * h, share);
            if (band == null) band = BandOperator.build(rates, window);
            double est = radau.step(band, p, h, big, next);
            double sunk = radau.sunk();
            double noise = RadauStep.noise(h * band.occupiedMaxExit(p));
            double tol = Math.max(settings.tolerance() * h / tEnd, 2 * noise);
            if (!(est <= tol)) {
                rejected++;
                tried = true;
                hCeiling = 0.8 * h;   // do not try this size again soon
                h *= Math.max(0.1, est < Double.POSITIVE_INFINITY ? 0.9 * Math.pow(tol / est, 0.1) : 0.1);
                // a step may be as short as the fastest rate asks (a start on a steep wall: exits of 10²³ per unit time), not shorter
                if (!(h > 1e-13 * Math.max(t, tEnd) || h * band.maxExit() > 1e-6)) throw new SolverException("cme: the step size fell to " + h + " at t = " + t + " (the error estimate is " + est + ")");
                shortened = false;
                grown = false;
                continue;
            }
            if (sunk > (1 - TRIM_SHARE) * share && growthsHere < MAX_GROWTHS_PER_STEP && grow(p, next)) {
                growthsHere++;
                grown = true;
                continue;
            }
            tuneMargin(sunk, share, growthsHere > 0);
            double mass = 0;
            for (int i = 0; i < window.states(); i++) mass += p[i];
            double correction = restore(next, window.states(), mass - sunk);
            timeError += est + noise + correction;
            sink += sunk;
            double[] swap = p;
            p = next;
            next = swap;
            t = h == left ? target : t + h;
            radauSteps++;
            hRadau = h;
            double grow = est <= noise ? 1.5 : Math.min(2, Math.max(0.2, 0.9 * Math.pow(tol / est, 0.1)));   // at the rounding level the estimate says nothing of h
            if (tried) grow = Math.min(1, grow);
            if (grow >= 0.95 && grow < 1.3) grow = 1;   // keep h, and with it the factorizations, unless it may change by much
            double proposal = Math.min(h * grow, Math.max(h, hCeiling));
            hCeiling *= 1.05;
            hNext = shortened ? Math.max(hNext, proposal) : proposal;
            progress(t);
            return;
        }
    }

    /** A first step: a tenth of the time to leave the initial state, within the first interval. */
    private double firstStep(double interval) {
        double exit = 0;
        long[] x0 = model.initialCounts();
        for (int r = 0; r < rates.count(); r++) exit += rates.at(r, x0);
        return exit > 0 ? Math.min(interval, 0.1 / exit) : interval;
    }

    /**
     * Sets negative entries (an implicit step may leave some of the size of its error) to 0 and
     * scales the rest so that p holds exactly {@code mass}, the mass before the step less what
     * it sent to the sink; returns the L1 size of this change, which the caller adds to the error.
     */
    static double restore(double[] p, int n, double mass) {
        double negative = 0, positive = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] < 0) {
                negative -= p[i];
                p[i] = 0;
            } else {
                positive += p[i];
            }
        }
        if (!(positive > 0)) return negative;
        double scale = mass / positive;
        for (int i = 0; i < n; i++) p[i] *= scale;
        return negative + Math.abs(mass - positive);
    }

    // ---- uniformization stretches (2-D windows too wide for a band factorization) ------------

    /**
     * Uniformization over the next stretch: at most {@value #STRETCH_TERMS}/Λ long (a longer one
     * needs a window wider by the way the probability travels meanwhile; a shorter one pays the
     * Poisson tail, about 6√(ΛΔ) products, more often), ending at the last output within it
     * (outputs share one Poisson sequence, {@link PoissonSweep}), or at an inner time when none is.
     */
    private void uniformizationStretch() {
        double lambda = windowLambda > 0 ? windowLambda : maxExit();
        double reach = STRETCH_TERMS / Math.max(lambda, 1e-300);
        if (times[k] - t > reach) {   // no output within reach: an inner time
            plan(reach, reach, settings.lossBudget() * reach / tEnd);
            advanceInner(t + reach);
            return;
        }
        int lastIn = k;
        while (lastIn + 1 < times.length && lastIn + 1 - k < MAX_STRETCH && times[lastIn + 1] - t <= reach) lastIn++;
        // the stretch that costs least per unit time: a longer one shares more of the sequence, but its window must hold more of the path
        Extents support = planner.support(window, p, TRIM_SHARE * settings.lossBudget() * (times[k] - t) / tEnd);
        int last = k;
        Extents best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int j : new int[] {k, (k + lastIn + 1) / 2, lastIn}) {
            if (best != null && j <= last) continue;
            Extents needed = planner.predicted(support, times[j] - t, scale);
            double cost = needed.states() * PoissonSweep.work(lambda, t, times, k, j) / (times[j] - t);
            if (cost < bestCost) {
                bestCost = cost;
                best = needed;
                last = j;
            }
        }
        use(best, times[last] - t);
        int growthsHere = 0;
        while (k <= last) {
            Generator g = generator();
            if (g.lambda() * (times[k] - t) > Uniformization.MAX_TERMS_PER_PIECE / 2) {   // the window grew into far faster states
                advanceInner(t + Uniformization.MAX_TERMS_PER_PIECE / 4 / g.lambda());
                continue;
            }
            int end = Math.min(last, PoissonSweep.stretchEnd(g.lambda(), t, times, k));
            PoissonSweep sweep = new PoissonSweep(g, team, cancel);
            double ts = t, sinkAtStart = sink;
            long[] productsBefore = {0};
            double[] lostBefore = {0};
            boolean[] stopped = {false};
            boolean mayGrow = growthsHere < MAX_GROWTHS_PER_STEP;
            sweep.run(p, ts, times, k, end, (j, pj, lostSinceStart) -> {
                double leaked = lostSinceStart - lostBefore[0], share = settings.lossBudget() * (times[j] - t) / tEnd;
                if (mayGrow && leaked > (1 - TRIM_SHARE) * share && grow(pj, null)) {
                    stopped[0] = true;
                    return false;
                }
                tuneMargin(leaked, share, false);
                long done = sweep.products() - productsBefore[0];
                productsBefore[0] = sweep.products();
                System.arraycopy(pj, 0, p, 0, window.states());
                lostBefore[0] = lostSinceStart;
                sink = sinkAtStart + lostSinceStart;
                timeError += 2 * Uniformization.TAIL + done * (rates.count() + 2) * EPS;
                t = times[j];
                emit();
                return true;
            }, this::progress);
            products += sweep.products();
            stretches++;
            if (stopped[0]) {
                growthsHere++;
                tuneMargin(0, 1, true);
            } else {
                growthsHere = 0;   // outputs were reached: the next ones may grow the window again
            }
        }
    }

    /** Uniformization to {@code target}, a time before the next output; redone on a grown window when it leaks too much. */
    private void advanceInner(double target) {
        for (int growthsHere = 0; ; growthsHere++) {
            double span = target - t, from = t, share = settings.lossBudget() * span / tEnd;
            Generator g = generator();
            double[] start = java.util.Arrays.copyOf(p, window.states());
            Uniformization u = new Uniformization(g, team, cancel);
            double leaked = u.advance(p, span, f -> progress(from + f * span));
            products += u.products();
            stretches++;
            if (growthsHere < MAX_GROWTHS_PER_STEP && leaked > (1 - TRIM_SHARE) * share) {
                double[] advanced = p;
                p = start;
                if (grow(start, advanced)) {
                    tuneMargin(0, 1, true);
                    continue;
                }
                p = advanced;   // nowhere to grow: keep the result and its loss
            }
            tuneMargin(leaked, share, false);
            sink += leaked;
            timeError += 2 * Uniformization.TAIL + u.products() * (rates.count() + 2) * EPS;
            t = target;
            return;
        }
    }

    /** The uniformized generator of the present window, built once per window. */
    private Generator generator() {
        if (generatorWindow != window) {
            generator = Generator.of(model, window);
            generatorWindow = window;
            windowLambda = generator.lambda();
        }
        return generator;
    }

    /**
     * Radau IIA against uniformization on the present window, by estimated work (in
     * multiply-adds) to the next output: Radau factorizes one real and two complex bands for h and
     * h/2 (about 2·18·n·kl·ku; kept while window and h stay) and solves three times a step (about
     * 3·18·n·(kl + ku)); uniformization needs about ΛΔ + 6√(ΛΔ) products of (reactions + 2)·n each.
     * In 1-D the band is the jump size and Radau always wins.
     */
    private boolean radauIsCheaper() {
        if (settings.method() != FiniteStateProjection.Method.AUTO) return settings.method() == FiniteStateProjection.Method.RADAU;
        if (model.speciesCount() == 1) return true;
        double n = window.states(), w = extents.widest() + 1;
        if (11 * n * (2 * w + 1) > MAX_BAND_DOUBLES) return false;   // the band and its six factorizations would not fit
        double interval = times[k] - t;
        double radauSteps = hRadau > 0 ? Math.max(1, interval / hRadau) : 1;
        double radau = 2 * 18 * n * w * w + radauSteps * 3 * 18 * n * 2 * w;
        double lambda = windowLambda > 0 ? windowLambda : maxExit();
        double lt = lambda * interval, pieces = Math.ceil(lt / STRETCH_TERMS);
        double uniformization = (rates.count() + 2) * n * (lt + pieces * (6 * Math.sqrt(lt / pieces) + 10));
        return radau < uniformization;
    }

    private double maxExit() {
        long[] n = new long[model.speciesCount()];
        double max = 0;
        for (int i = 0; i < window.states(); i++) {
            window.countsAt(i, n);
            double exit = 0;
            for (int r = 0; r < rates.count(); r++) exit += rates.at(r, n);
            max = Math.max(max, exit);
        }
        return windowLambda = max;
    }

    // ---- windows -----------------------------------------------------------------------------

    /**
     * Keeps the present window when it covers where p goes over the next {@code horizon} and is
     * not much larger; else moves to a window planned for {@code ahead} (≥ horizon).
     */
    private void plan(double horizon, double ahead, double share) {
        if (t + horizon <= plannedUntil) return;   // planned for already: the leak check catches a wrong plan
        Extents support = planner.support(window, p, TRIM_SHARE * share);
        Extents needed = planner.predicted(support, horizon, scale);
        if (extents.covers(needed) && window.states() <= OVERSIZE * needed.states() + 64) {
            plannedUntil = t + horizon;
            return;
        }
        adopt(ahead > horizon ? planner.predicted(support, ahead, scale) : needed);
        plannedUntil = t + ahead;
    }

    /** Moves to {@code needed}, planned for the next {@code horizon}, unless the present window covers it and is not much larger. */
    private void use(Extents needed, double horizon) {
        if (!(extents.covers(needed) && window.states() <= OVERSIZE * needed.states() + 64)) adopt(needed);
        plannedUntil = Math.max(plannedUntil, t + horizon);
    }

    /**
     * Tunes the margins' scale from the leak a step had against its share: a
     * window that grew or leaked more than a tenth of its share gets wider margins, one that
     * leaked almost nothing narrower ones.
     */
    private void tuneMargin(double leaked, double share, boolean grew) {
        if (grew) scale = Math.min(MAX_SCALE, 1.25 * scale);
        else if (leaked > 0.1 * share) scale = Math.min(MAX_SCALE, 1.1 * scale);
        else if (leaked < 1e-4 * share) scale = Math.max(MIN_SCALE, 0.9 * scale);
    }

    /** Widens the window where p (and q) leak; false when it cannot (nothing leaks, or the limit). */
    private boolean grow(double[] pNow, double[] pLater) {
        Extents wider = planner.grown(window, pNow, pLater);
        if (wider == null || wider.states() > maxStates) return false;
        growths++;
        adopt(wider);
        return true;
    }

    /** Moves p onto the window {@code wanted} (unless the present one covers it and is not much larger). */
    private void adopt(Extents wanted) {
        long size = wanted.states();
        if (extents != null && extents.covers(wanted) && window.states() <= OVERSIZE * size + 64) return;
        if (size > maxStates) throw FiniteStateProjection.tooLarge(model.speciesCount(), "the probability spreads over " + size + " states", maxStates);
        Lattice lattice = wanted.toLattice();
        if (model.speciesCount() == 2 && !MassActionGenerator2D.applies(model)) {
            lattice = Lattice.box(new long[] {lattice.lo(0), lattice.lo(1)}, new long[] {lattice.hi(0), lattice.hi(1)});   // stored propensities need a full box
            wanted = planner.of(lattice);
        }
        int n = lattice.states();
        double[] moved = new double[n];
        if (window != null) sink += WindowPlanner.move(window, p, lattice, moved);
        p = moved;
        next = new double[n];
        big = new double[n];
        window = lattice;
        extents = wanted;
        band = null;
        windowLambda = Double.NaN;
        snapshots = new LatticeSnapshots(window, model.size(), model.observableWeights());
        windows++;
        maxWindow = Math.max(maxWindow, n);
        for (int s = 0; s < window.dimension(); s++) {
            boxLo[s] = Math.min(boxLo[s], window.lo(s));
            boxHi[s] = Math.max(boxHi[s], window.hi(s));
        }
    }

    // ---- output ------------------------------------------------------------------------------

    private void emit() {
        if (survival != null) survival[k] = surviving();
        Snapshot s = snapshots.of(times[k], p).withError(sink + timeError);
        out.add(s);
        listener.onSnapshot(k, s);
        k++;
        progress(t);
    }

    /** Reports the time reached as a fraction of tEnd, never going back (a redone step restarts). */
    private void progress(double time) {
        reached = Math.max(reached, tEnd > 0 ? Math.min(1, time / tEnd) : 1);
        listener.onProgress(reached);
    }

    /** Facts for summary.json. */
    Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("truncationError", sink);
        info.put("timeError", timeError);
        info.put("tolerance", settings.tolerance());
        info.put("lossBudget", settings.lossBudget());
        info.put("states", maxWindow);
        info.put("maxStates", maxStates);
        info.put("box", model.speciesCount() == 1 ? List.of(boxLo[0], boxHi[0]) : List.of(boxLo[0], boxHi[0], boxLo[1], boxHi[1]));
        info.put("windows", windows);
        info.put("growths", growths);
        info.put("steps", radauSteps);
        info.put("rejectedSteps", rejected);
        info.put("solves", radau.solves());
        info.put("factorizations", radau.factorizations());
        info.put("uniformizationStretches", stretches);
        info.put("matrixVectorProducts", products);
        return info;
    }
}
