package org.kmlab.solve.fp;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.SnapshotListener;

/**
 * The Fokker–Planck solver ("fp"): the PDE with the model's first two Kramers–Moyal moments,
 * {@link ChangCooperFokkerPlanck1D} for one species and {@link FokkerPlanck2D} for two.
 *
 * <p>{@link org.kmlab.solve.SolverOptions#gridCells()}: in 1-D the number of cells across the
 * moving box of the coarse solution (0: {@value ChangCooperFokkerPlanck1D#DEFAULT_CELLS}); the
 * reported density comes from the check solution on twice as many. In 2-D the coarse cells along
 * the longer side of each planned box (0: {@value FramePlanner2D#CELLS_PER_SD} to
 * {@value FramePlanner2D#BAND}× as many cells per standard deviation of the cloud's narrowest
 * direction); the reported density comes from the check grid with cells two thirds as wide,
 * drawn on cells half as wide as the coarse ones (see {@link FokkerPlanck2D}).
 *
 * <p>Result info in 1-D: {@code cells}, {@code reportedCells}, {@code steps},
 * {@code rejectedSteps}, {@code eulerSteps}, {@code tailRepairs}, {@code plans}, {@code cellsPerSd}, {@code maxPeclet},
 * {@code errorEstimate}, {@code massError}, {@code wallSeconds} (see
 * {@link ChangCooperFokkerPlanck1D}). In 2-D (see {@link FokkerPlanck2D}): {@code cells} (the
 * last coarse box's [nx, ny]), {@code maxCells} (the largest coarse box's), {@code dx} (its cell
 * size, x units), {@code range} ([xlo, xhi, ylo, yhi] of the last box), {@code cellsPerSd}
 * ([fewest, most] coarse cells per sd of the narrowest direction over the plans),
 * {@code maxPeclet} (largest cell Péclet number of the check grid's last step), {@code replans},
 * {@code remaps} (box changes that are not a copy of cells), {@code outsideMass} (probability a
 * new box did not cover, kept in its edge cells; ≈ 0), {@code steps} (check-grid steps),
 * {@code directions} (jump directions), {@code eulerSubsteps}, {@code errorEstimate} (the largest
 * per-output estimate, {@link org.kmlab.solve.Snapshot#error()}), {@code massError}
 * (max |mass − 1|) and {@code wallSeconds}.
 */
public final class FokkerPlanckSolver implements Solver {
    public static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("fp", "Fokker–Planck", "FP",
            SolverDescriptor.Output.DENSITY, 0, 2, "the Fokker–Planck equation with the model's drift A and diffusion B");

    @Override public SolverDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String unsupportedReason(Model model) {
        if (model.hasEvents()) return Solver.eventsReason(model);
        int d = model.speciesCount();
        return d <= 2 ? null : "handles 1 or 2 species; this model has " + d;
    }

    /** The backward equation's quadrature ({@link ChangCooperFokkerPlanck1D#meanFirstPassage}); one species. */
    @Override public java.util.OptionalDouble meanFirstPassage(Model model) {
        String why = unsupportedReason(model);
        if (why != null) throw new SolverException("fp: " + why);
        if (model.speciesCount() != 1) throw new SolverException("fp: the mean first-passage time is computed in 1-D only; this model has " + model.speciesCount() + " species");
        return java.util.OptionalDouble.of(ChangCooperFokkerPlanck1D.meanFirstPassage(model));
    }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        if (problem.model().hasEvents()) throw new SolverException("fp: " + Solver.eventsReason(problem.model()));
        int d = problem.model().speciesCount();
        if (d == 1) return ChangCooperFokkerPlanck1D.solve(problem, listener, cancel);
        if (d == 2) {
            SolverResult r = FokkerPlanck2D.solve(problem, listener, cancel);
            if (problem.model().absorbing().isEmpty()) return r;
            java.util.Map<String, Object> info = new java.util.LinkedHashMap<>(r.info());
            info.put(org.kmlab.solve.FirstPassage.SKIPPED_KEY, "fp: first passage is not computed in 2-D (the absorbing boundary is drawn only at x = 0 in 1-D)");
            return new SolverResult(r.descriptor(), r.snapshots(), info);
        }
        throw new SolverException("fp: the Fokker–Planck solver handles 1 or 2 species; this model has " + d);
    }
}
