package org.kmlab.solve.cle;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.FineStepObserver;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import static org.junit.jupiter.api.Assertions.*;

/** The fine-step hook on CLE paths: every path at every t_j, in order, on the path the snapshots show. */
class LangevinFineStepTest {
    private static final int N = 300;

    /** Records the states of the first few paths at every t_j (per path, so no two threads share a slot). */
    static final class Recorder implements FineStepObserver {
        final double step;
        double[][] states;   // [path][j]
        long[] next;
        boolean inOrder = true;

        Recorder(double step, int fineTimes) {
            this.step = step;
            this.states = new double[N][fineTimes];
        }

        @Override public double step() { return step; }

        @Override public void start(int trajectories, int dimension, int chunkSize) {
            assertEquals(N, trajectories);
            assertEquals(1, dimension);
            next = new long[trajectories];
        }

        @Override public void observe(int trajectory, long fineIndex, double[] x) {
            if (fineIndex != next[trajectory]) inOrder = false;
            next[trajectory] = fineIndex + 1;
            states[trajectory][(int) fineIndex] = x[0];
        }
    }

    @Test
    void everyPathIsSeenAtEveryFineTimeOnThePathItself() {
        Model ou = ChemicalLangevinTest.preset("ornstein-uhlenbeck");
        double[] times = Problem.uniformTimes(2, 9);          // every 0.25
        Recorder r = new Recorder(0.125, 17);                // t_j = j/8: every output time is a fine time
        SolverResult result = new ChemicalLangevin().solve(new Problem(ou, times, N, 5,
                SolverOptions.defaults().withThreads(2).withKeepSamples(N).withFineStepObserver(r)), SnapshotListener.NONE, CancellationToken.none());
        assertTrue(r.inOrder);
        for (int i = 0; i < N; i++) {
            assertEquals(17, r.next[i], "path " + i + " seen at t_0 … t_16");
            assertEquals(ou.initialX()[0], r.states[i][0], 0.0, "t_0 is the initial state");
            for (int k = 0; k < times.length; k++) {
                assertEquals(result.at(k).sample(i, 0), r.states[i][2 * k], 0.0, "path " + i + " at t = " + times[k]);
            }
        }
        // the paths move between output times too: a fine time between two outputs is not a copy of either
        assertNotEquals(r.states[0][1], r.states[0][0]);
        assertNotEquals(r.states[0][1], r.states[0][2]);
    }
}
