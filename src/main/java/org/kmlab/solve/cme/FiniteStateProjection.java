package org.kmlab.solve.cme;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chemical master equation solved on a truncated lattice: the finite state projection of
 * Munsky & Khammash (J. Chem. Phys. 124, 044104, 2006). Probability that would jump out of the
 * lattice is moved to a sink, so the P kept is a lower bound of the true P and the sink is the
 * exact L1 error of the truncation. Time stepping is uniformization (Jensen 1953), accurate to
 * ~10⁻¹⁴ per output interval.
 *
 * <p>The lattice: a box from the linear-noise envelope of the model (mean ± 10σ in 1-D, ± 8σ in
 * 2-D, plus a margin; a count's axis starts at 0), see {@link LatticeChooser}. A 2-D mass-action
 * box loses its high-rate corner (states with a larger exit rate than any met on the 8σ ellipses),
 * which would otherwise set the step cost. When an output interval loses more than its share of
 * {@value #LOSS_BUDGET} the lattice grows on the sides that leak and the interval is redone
 * (at most {@value #MAX_GROWTHS} times), so heavy tails the Gaussian envelope misses are still
 * caught. Limits: 100,000 states in 1-D, 250,000 in 2-D; a model whose first box is larger is
 * refused with a message; one that would grow past them keeps and reports its loss. 1 or 2 species.
 *
 * <p>Output in x = n/Ω units: mean and covariance of P conditioned on the lattice (divided by its
 * mass), marginal densities P(n)·Ω on cells 1/Ω wide, the 2-D joint P·Ω² (summed over blocks
 * when wider than 400 cells), {@code mass} = probability still on the lattice. {@code info}:
 * truncationError (the sink at tEnd = 1 − final mass), states, box ({@code [lo, hi]} in 1-D,
 * {@code [lo0, hi0, lo1, hi1]} in 2-D), cornerCut, growths, lambda (uniformization rate Λ, per
 * unit time), matrixVectorProducts, wallSeconds.
 */
public final class FiniteStateProjection implements Solver {
    @Override public String id() { return "cme"; }

    @Override public boolean supports(Model model) { return model.speciesCount() <= 2; }

    /** Allowed loss over the whole run; an interval may lose its share (by length) before the lattice grows. */
    static final double LOSS_BUDGET = 1e-8;
    /** Most times the lattice grows in one run. */
    static final int MAX_GROWTHS = 8;
    /** Fewest states worth a thread of their own. */
    static final int MIN_STATES_PER_THREAD = 20_000;

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        Model model = problem.model();
        if (!supports(model)) throw new SolverException("cme supports 1 or 2 species; this model has " + model.speciesCount());
        double[] times = problem.times();
        double tEnd = problem.tEnd();
        LatticeChooser.Plan plan = LatticeChooser.plan(model, tEnd);
        Lattice lattice = LatticeChooser.build(model, plan);
        Generator generator = Generator.of(model, lattice);
        try (StepTeam team = new StepTeam(threadsFor(problem, lattice))) {
            return solve(problem, listener, cancel, plan, lattice, generator, team, start);
        }
    }

    private SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel, LatticeChooser.Plan plan,
                               Lattice lattice, Generator generator, StepTeam team, long start) {
        Model model = problem.model();
        double[] times = problem.times();
        double tEnd = problem.tEnd();
        Uniformization stepper = new Uniformization(generator, team, cancel);
        LatticeSnapshots snapshots = new LatticeSnapshots(lattice, model.size());

        double[] p = new double[lattice.states()];
        p[lattice.index(model.initialCounts())] = 1;
        double lost = 0, t = 0;
        long products = 0;
        int growths = 0;
        List<Snapshot> out = new ArrayList<>(times.length);
        for (int k = 0; k < times.length; k++) {
            double from = t, span = times[k] - t;
            if (span > 0) {
                double[] saved = p.clone();
                while (true) {
                    double leaked = stepper.advance(p, span, f -> listener.onProgress((from + f * span) / tEnd));
                    if (leaked <= LOSS_BUDGET * span / tEnd || growths == MAX_GROWTHS) {
                        lost += leaked;
                        break;
                    }
                    LatticeChooser.Plan bigger = LatticeChooser.grown(model, plan, LeakSides.of(model, lattice, p));
                    Lattice next = bigger == null ? null : buildOrNull(model, bigger);
                    if (next == null) {   // cannot grow: keep the loss, it is reported
                        lost += leaked;
                        break;
                    }
                    growths++;
                    products += stepper.products();
                    p = new double[next.states()];
                    lost += LeakSides.embed(lattice, saved, next, p);
                    saved = p.clone();
                    plan = bigger;
                    lattice = next;
                    generator = Generator.of(model, lattice);
                    stepper = new Uniformization(generator, team, cancel);
                    snapshots = new LatticeSnapshots(lattice, model.size());
                }
                t = times[k];
            }
            Snapshot s = snapshots.of(times[k], p);
            out.add(s);
            listener.onSnapshot(k, s);
            listener.onProgress(tEnd > 0 ? t / tEnd : 1);
        }

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("truncationError", lost);
        info.put("states", lattice.states());
        info.put("box", lattice.describe());
        info.put("cornerCut", !lattice.isFull());
        info.put("growths", growths);
        info.put("lambda", generator.lambda());
        info.put("matrixVectorProducts", products + stepper.products());
        info.put("wallSeconds", (System.nanoTime() - start) * 1e-9);
        return new SolverResult(id(), out, info);
    }

    /** The option's threads, but one for a lattice too small to share: a step there is shorter than a hand-off. */
    static int threadsFor(Problem problem, Lattice lattice) {
        return lattice.states() < MIN_STATES_PER_THREAD ? 1 : Math.max(1, Math.min(problem.options().effectiveThreads(), lattice.states() / MIN_STATES_PER_THREAD));
    }

    private static Lattice buildOrNull(Model model, LatticeChooser.Plan plan) {
        try {
            return LatticeChooser.build(model, plan);
        } catch (SolverException tooLarge) {
            return null;
        }
    }
}
