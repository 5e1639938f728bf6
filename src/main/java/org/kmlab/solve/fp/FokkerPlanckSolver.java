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
 * reported density comes from the check solution on twice as many. In 2-D the cells per axis of
 * the planned box.
 *
 * <p>Result info in 1-D: {@code cells}, {@code reportedCells}, {@code steps},
 * {@code rejectedSteps}, {@code eulerSteps}, {@code tailRepairs}, {@code plans}, {@code cellsPerSd}, {@code maxPeclet},
 * {@code errorEstimate}, {@code massError}, {@code wallSeconds} (see
 * {@link ChangCooperFokkerPlanck1D}). In 2-D: {@code cells} ([nx, ny]), {@code dx} (cell size
 * in x units), {@code range} ([xlo, xhi, ylo, yhi]), {@code steps}, {@code wallSeconds},
 * {@code massError} (max |mass − 1| over the outputs), {@code clippedMass} (always 0: P ≥ 0 holds
 * by construction), {@code eulerSubsteps} (steps redone by backward Euler to stay positive),
 * {@code directions} (jump directions) and {@code latticeStepsPerCell} (the largest h·Ω of any
 * window: above 1 the grid is coarser than the lattice and upwinding widens the cloud),
 * {@code windows} (boxes used; {@code cells}, {@code dx}, {@code range} are the last one's),
 * {@code maxCells} (the largest window's [nx, ny]) and {@code windowOutsideMass} (probability
 * that fell outside a new window and was put into its wall cells; ≈ 0).
 */
public final class FokkerPlanckSolver implements Solver {
    public static final SolverDescriptor DESCRIPTOR = new SolverDescriptor("fp", "Fokker–Planck", "FP",
            SolverDescriptor.Output.DENSITY, 0, 2, "the Fokker–Planck equation with the model's drift A and diffusion B");

    @Override public SolverDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String unsupportedReason(Model model) {
        int d = model.speciesCount();
        return d <= 2 ? null : "handles 1 or 2 species; this model has " + d;
    }

    @Override public SolverResult solve(Problem problem, SnapshotListener listener, CancellationToken cancel) {
        int d = problem.model().speciesCount();
        if (d == 1) return ChangCooperFokkerPlanck1D.solve(problem, listener, cancel);
        if (d == 2) return FokkerPlanck2D.solve(problem, listener, cancel);
        throw new SolverException("fp: the Fokker–Planck solver handles 1 or 2 species; this model has " + d);
    }
}
