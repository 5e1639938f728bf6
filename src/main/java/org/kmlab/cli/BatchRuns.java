package org.kmlab.cli;

import org.kmlab.run.Outcome;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverState;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.SolverException;

import java.io.PrintWriter;

/**
 * A run on the command line: the window's pipeline ({@link SimulationService}) on the calling
 * thread, with progress lines on stderr, turned into the CLI's exit rules: a solver that failed
 * with a message for the user ends the command with that message (exit 2), an internal error is
 * rethrown as it is (exit 1, stack trace with --debug), skipped solvers are named on stderr.
 */
final class BatchRuns {
    private BatchRuns() {}

    static Run execute(SimulationService service, RunRequest request, PrintWriter err) {
        Run run;
        try {
            run = service.start(request, new ProgressReport(err));
        } catch (IllegalArgumentException unknownSolver) {
            throw new UserInputException(unknownSolver.getMessage(), unknownSolver);
        }
        if (run.isCancelled()) throw new CancelledException();
        SolverState failed = run.firstFailure().orElse(null);
        if (failed != null) {
            if (failed.cause() instanceof RuntimeException e) throw e;
            if (failed.cause() instanceof Error e) throw e;
            throw new SolverException(run.outcomes().stream().filter(Outcome::isFailed).findFirst().map(Outcome::failed).orElse(failed.message()));
        }
        if (run.outcomes().stream().noneMatch(Outcome::ran)) {
            throw new UserInputException("no solver can run this model (asked: " + String.join(", ", request.settings().solvers()) + ")");
        }
        return run;
    }
}
