package org.kmlab.solve.cme;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Threads and shared uniformization sequences change the work, never the answer. */
class SharedStepsTest {
    private static final Model PREDATOR_PREY = FiniteStateProjectionTest.preset("predator-prey").with("Omega", 7);

    private static Lattice smallBox() {
        int[] from = new int[18], to = new int[18];
        for (int j = 0; j < 18; j++) {   // a cut corner, so rows differ in length
            from[j] = j < 3 ? 2 : 0;
            to[j] = Math.min(24, 30 - j);
        }
        return Lattice.rows(new long[] {0, 0}, new long[] {23, 17}, from, to);
    }

    @Test
    void aStepIsBitIdenticalOnOneTwoOrThreeThreads() {
        for (Generator g : List.of(Generator.of(PREDATOR_PREY, smallBox()),
                StoredGenerator.build(PREDATOR_PREY, Lattice.box(new long[] {0, 0}, new long[] {150, 80})))) {
            int n = g.states();
            double[] v = new double[n];
            Random random = new Random(5);
            for (int i = 0; i < n; i++) v[i] = random.nextDouble();
            double[][] reference = null;
            double referenceLeak = 0;
            for (int threads = 1; threads <= 3; threads++) {
                double[] w = new double[n];
                double[][] acc = {new double[n], new double[n]};
                double leak;
                try (StepTeam team = new StepTeam(threads)) {
                    team.use(g);
                    leak = team.step(v, w, acc, new double[] {0.25, 0.5}, 2);
                }
                double[][] result = {w, acc[0], acc[1]};
                if (reference == null) {
                    reference = result;
                    referenceLeak = leak;
                    assertTrue(leak > 0);
                    continue;
                }
                assertEquals(referenceLeak, leak, 0, threads + " threads: leak");
                for (int a = 0; a < 3; a++) assertArrayEquals(reference[a], result[a], 0, threads + " threads: vector " + a);
            }
        }
    }

    @Test
    void theBlockSplitCoversEveryBlockOnce() {
        Generator g = Generator.of(PREDATOR_PREY, smallBox());
        for (int threads = 1; threads <= 5; threads++) {
            int[] bounds = StepTeam.split(g, threads);  // parts
            assertEquals(0, bounds[0]);
            assertEquals(g.blocks(), bounds[threads]);
            for (int t = 0; t < threads; t++) assertTrue(bounds[t] <= bounds[t + 1]);
        }
    }

    /** P at each output from one shared sequence equals restarting at every output, to rounding. */
    @Test
    void aSharedSequenceMatchesRestartingAtEveryOutput() {
        Lattice box = smallBox();
        Generator g = Generator.of(PREDATOR_PREY, box);
        int n = g.states();
        double[] p0 = new double[n];
        p0[box.index(new long[] {5, 3})] = 1;
        double[] times = Problem.uniformTimes(4, 41);
        // restart at every output
        List<double[]> restarted = new ArrayList<>();
        List<Double> restartedLoss = new ArrayList<>();
        try (StepTeam team = new StepTeam(1)) {
            Uniformization u = new Uniformization(g, team, CancellationToken.none());
            double[] p = p0.clone();
            double lost = 0;
            for (int k = 1; k < times.length; k++) {
                lost += u.advance(p, times[k] - times[k - 1], f -> {});
                restarted.add(p.clone());
                restartedLoss.add(lost);
            }
        }
        int last = PoissonSweep.stretchEnd(g.lambda(), 0, times, 1);
        assertTrue(last > 1, "narrow windows are shared: " + last);
        List<double[]> shared = new ArrayList<>();
        List<Double> sharedLoss = new ArrayList<>();
        try (StepTeam team = new StepTeam(2)) {
            PoissonSweep sweep = new PoissonSweep(g, team, CancellationToken.none());
            sweep.run(p0, 0, times, 1, times.length - 1, (j, p, lost) -> {
                assertEquals(shared.size() + 1, j, "outputs in order");
                shared.add(p.clone());
                sharedLoss.add(lost);
                return true;
            }, t -> {});
        }
        assertEquals(restarted.size(), shared.size());
        for (int k = 0; k < shared.size(); k++) {
            double l1 = 0, mass = 0;
            for (int i = 0; i < n; i++) {
                l1 += Math.abs(shared.get(k)[i] - restarted.get(k)[i]);
                mass += shared.get(k)[i];
                assertTrue(shared.get(k)[i] >= 0);
            }
            assertEquals(0, l1, 1e-12, "t = " + times[k + 1]);
            assertEquals(restartedLoss.get(k), sharedLoss.get(k), 1e-12);
            assertEquals(1, mass + sharedLoss.get(k), 1e-12, "mass + loss");
        }
        assertTrue(sharedLoss.get(shared.size() - 1) > 1e-3, "the small box leaks visibly");
    }

    @Test
    void aSweepStopsWhereItIsTold() {
        Generator g = Generator.of(PREDATOR_PREY, smallBox());
        double[] p0 = new double[g.states()];
        p0[0] = 1;
        double[] times = Problem.uniformTimes(1, 11);
        List<Integer> seen = new ArrayList<>();
        try (StepTeam team = new StepTeam(1)) {
            new PoissonSweep(g, team, CancellationToken.none()).run(p0, 0, times, 1, 10, (j, p, lost) -> {
                seen.add(j);
                return j < 4;
            }, t -> {});
        }
        assertEquals(List.of(1, 2, 3, 4), seen);
    }

    private static SolverResult solve(FiniteStateProjection fsp, Model m, int threads, double[] times) {
        SolverOptions o = SolverOptions.defaults();
        o = new SolverOptions(threads, o.populationBound(), o.gridCells(), o.keepSamples(), o.snapshotsPerSecond());
        return fsp.solve(new Problem(m, times, 1, 1, o), SnapshotListener.NONE, CancellationToken.none());
    }

    @Test
    void aRunIsBitIdenticalOnOneOrTwoThreads() {
        FiniteStateProjection shareEverything = new FiniteStateProjection(1);
        for (Model m : List.of(FiniteStateProjectionTest.preset("a-b-decay"), FiniteStateProjectionTest.preset("predator-prey").with("Omega", 15))) {
            double[] times = Problem.uniformTimes(3, 31);
            SolverResult one = solve(shareEverything, m, 1, times), two = solve(shareEverything, m, 2, times);
            assertEquals(1, one.info().get("threads"));
            assertEquals(2, two.info().get("threads"));
            assertEquals(one.info().get("truncationError"), two.info().get("truncationError"), m.name());
            assertEquals(one.info().get("growths"), two.info().get("growths"));
            for (int k = 0; k < times.length; k++) {
                Snapshot a = one.at(k), b = two.at(k);
                assertArrayEquals(a.mean(), b.mean(), 0);
                assertEquals(a.mass(), b.mass(), 0);
                assertEquals(a.covariance(0, 1), b.covariance(0, 1), 0);
                for (int s = 0; s < 2; s++) assertArrayEquals(a.marginal(s).p(), b.marginal(s).p(), 0);
                assertArrayEquals(a.joint().p(), b.joint().p(), 0);
            }
        }
    }

    @Test
    void cancellationStopsATwoThreadRun() {
        CancellationToken token = new CancellationToken();
        SnapshotListener cancelAfterFirst = new SnapshotListener() {
            @Override public void onSnapshot(int k, Snapshot s) { token.cancel(); }
        };
        SolverOptions o = SolverOptions.defaults();
        o = new SolverOptions(2, o.populationBound(), o.gridCells(), o.keepSamples(), o.snapshotsPerSecond());
        Problem p = new Problem(FiniteStateProjectionTest.preset("a-b-decay"), Problem.uniformTimes(8, 81), 1, 1, o);
        assertThrows(CancelledException.class, () -> new FiniteStateProjection(1).solve(p, cancelAfterFirst, token));
    }

    @Test
    void progressRisesToOne() {
        List<Double> progress = new ArrayList<>();
        SnapshotListener listener = new SnapshotListener() {
            @Override public void onSnapshot(int k, Snapshot s) {}

            @Override public void onProgress(double f) { progress.add(f); }
        };
        Problem p = new Problem(FiniteStateProjectionTest.preset("a-b-decay"), Problem.uniformTimes(4, 9), 1, 1, SolverOptions.defaults());
        new FiniteStateProjection().solve(p, listener, CancellationToken.none());
        assertTrue(progress.size() > 9);
        assertEquals(1, progress.get(progress.size() - 1), 1e-12);
        for (int i = 0; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= 0 && progress.get(i) <= 1 + 1e-12, "progress " + progress.get(i));
            if (i > 0) assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back");
        }
    }
}
