package org.kmlab.solve.ssa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.SolverResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The solver's contract: reproducibility, failures with user-facing messages, cancellation, info.
 * The {@code @Timeout}s are hang guards (a broken bound or poll would loop forever), not speed checks.
 */
class DirectMethodSsaTest {
    private static final double[] TIMES = Problem.uniformTimes(5, 11);

    @Test
    void sameSeedGivesBitIdenticalSnapshotsForAnyThreadCount() {
        Model m = SsaFixtures.preset("predator-prey");
        SolverResult one = SsaFixtures.run(m, TIMES, 1500, 99, SsaFixtures.options(1, 50));
        for (int threads : new int[] {2, 3}) {
            SolverResult many = SsaFixtures.run(m, TIMES, 1500, 99, SsaFixtures.options(threads, 50));
            assertEquals(threads, many.info().get("threads"));
            assertEquals(one.info().get("events"), many.info().get("events"));
            for (int k = 0; k < TIMES.length; k++) assertIdentical(one.at(k), many.at(k), threads + " threads, k = " + k);
        }
        SolverResult other = SsaFixtures.run(m, TIMES, 1500, 100, SsaFixtures.options(2, 50));
        assertNotEquals(one.last().mean(0), other.last().mean(0), "a different seed gives a different ensemble");
        assertNotEquals(one.info().get("events"), other.info().get("events"));
    }

    private static void assertIdentical(Snapshot a, Snapshot b, String where) {
        assertEquals(a.time(), b.time(), where);
        assertArrayEquals(a.mean(), b.mean(), where);
        for (int i = 0; i < a.dimension(); i++) assertArrayEquals(a.covariance()[i], b.covariance()[i], where);
        for (int s = 0; s < a.dimension(); s++) {
            Density1D x = a.marginal(s), y = b.marginal(s);
            assertEquals(x.x0(), y.x0(), where);
            assertEquals(x.dx(), y.dx(), where);
            assertArrayEquals(x.p(), y.p(), where);
        }
        assertEquals(a.joint().nx(), b.joint().nx(), where);
        assertEquals(a.joint().x0(), b.joint().x0(), where);
        assertEquals(a.joint().y0(), b.joint().y0(), where);
        assertArrayEquals(a.joint().p(), b.joint().p(), where);
        assertEquals(a.sampleCount(), b.sampleCount(), where);
        for (int k = 0; k < a.sampleCount(); k++) assertArrayEquals(a.samples()[k], b.samples()[k], where);
    }

    @Test
    @Timeout(60)
    void explodingModelStopsWithAMessageNamingTheSpecies() {
        Model birth = SsaFixtures.massAction("Z=10", "Z -> 2 Z", 1.0);
        for (int threads : new int[] {1, 2}) {
            SolverException e = assertThrows(SolverException.class, () -> SsaFixtures.run(birth, new double[] {0, 1e6}, 100, 1,
                    SsaFixtures.options(threads, 10).withPopulationBound(5000)));
            assertTrue(e.getMessage().startsWith("population of Z passed 5000 at t = "), e.getMessage());
            assertTrue(e.getMessage().endsWith(": the model explodes (raise the bound or change parameters)"), e.getMessage());
            // Z passes 5000 near t = ln(500) ≈ 6.2; the reported time is where it happened.
            double t = Double.parseDouble(e.getMessage().replaceAll(".* at t = ([0-9.eE+-]+):.*", "$1"));
            assertTrue(t > 2 && t < 15, "explosion time " + t);
        }
    }

    /**
     * The walker in a box started on its wall (noise-induced drift, X0 = Ω = 100): at t = 0.2 the
     * cloud is several bins wide and still presses on the wall, so the histogram's last bin ends
     * on the wall's cell edge, 1 + 1/(2Ω), instead of straddling it (which showed the walkers at
     * the wall at a fraction of their density).
     */
    @Test
    void theHistogramEndsOnTheWallTheWalkersPressOn() {
        Model m = SsaFixtures.preset("noise-induced-drift").with("Omega", 100).with("X0", 100);
        SolverResult r = SsaFixtures.run(m, new double[] {0, 0.2}, 4000, 7, SsaFixtures.options(2, 0));
        org.kmlab.solve.Density1D h = r.at(1).marginal(0);
        assertTrue(h.dx() > 0.015, "bins of several lattice steps: " + h.dx() * 100);
        assertEquals(1.005, h.x0() + (h.size() - 0.5) * h.dx(), 1e-12, "the last bin's top is the wall's cell edge");
        assertEquals(1.0, h.mass(), 1e-12);
    }

    @Test
    void negativeFormulaPropensityStopsWithAMessageNamingTheReaction() {
        // Jumps of 3 overshoot the zero of 10 − X: 0, 3, 6, 9, then 12 where the propensity is −2.
        Model overshoot = new Model("overshoot", "", List.of(new Species("X", 0, false)),
                List.of(new Parameter("c", 10, 0, 100, "")), new SystemSize(1, 1, 1),
                List.of(new Reaction("batch arrival", "0 -> 3 X", null, "c - X")));
        SolverException e = assertThrows(SolverException.class,
                () -> SsaFixtures.run(overshoot, new double[] {0, 100}, 10, 3, SsaFixtures.options(2, 0)));
        assertEquals("reaction 'batch arrival': propensity is -2 at X = 12", e.getMessage());
    }

    @Test
    void cancellingFromTheListenerStopsTheRun() {
        CancellationToken token = new CancellationToken();
        List<Integer> seen = new ArrayList<>();
        SnapshotListener listener = (k, s) -> { seen.add(k); token.cancel(); };
        Problem p = new Problem(SsaFixtures.preset("birth-death"), TIMES, 100, 1, SsaFixtures.options(2, 0));
        assertThrows(CancelledException.class, () -> new DirectMethodSsa().solve(p, listener, token));
        assertEquals(List.of(0), seen);
    }

    @Test
    @Timeout(60)
    void cancellingDuringALongIntervalStopsTheEventLoop() throws Exception {
        // ~10^12 events between the two output times: only the poll inside the event loop can end this run.
        Model busy = SsaFixtures.preset("birth-death").with("k1", 1e6);
        for (int threads : new int[] {1, 2}) {
            CancellationToken token = new CancellationToken();
            CountDownLatch firstSnapshot = new CountDownLatch(1);
            Problem p = new Problem(busy, new double[] {0, 1e6}, 4, 1, SsaFixtures.options(threads, 0));
            ExecutorService caller = Executors.newSingleThreadExecutor();
            try {
                Future<SolverResult> run = caller.submit(() -> new DirectMethodSsa().solve(p, (k, s) -> firstSnapshot.countDown(), token));
                assertTrue(firstSnapshot.await(30, TimeUnit.SECONDS));
                token.cancel();
                ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));
                assertInstanceOf(CancelledException.class, e.getCause());
            } finally {
                caller.shutdownNow();
            }
        }
    }

    @Test
    void infoReportsTheWorkDone() {
        SolverResult r = SsaFixtures.run(SsaFixtures.preset("birth-death"), TIMES, 200, 5, SsaFixtures.options(2, 7));
        long events = (Long) r.info().get("events");
        // Each trajectory makes about k1·t births and as many deaths: ≈ 200·(50 + 40) events in all.
        assertTrue(events > 10_000 && events < 25_000, "events " + events);
        assertEquals(200, r.info().get("trajectories"));
        assertEquals(2, r.info().get("threads"));
        double rate = (Double) r.info().get("eventsPerSecond");
        assertTrue(rate > 0 && Double.isFinite(rate), "a rate per second: " + rate);
        assertEquals(TIMES.length, r.snapshots().size());
        assertEquals(7, r.last().sampleCount());
        assertNull(r.last().joint(), "a 1-species model has no joint density");
        for (int k = 0; k < TIMES.length; k++) assertEquals(TIMES[k], r.at(k).time());
    }

    @Test
    void eventsAreCountedExactly() {
        // Pure decay of 50 molecules at rate 10 each, to t = 100: every trajectory dies out, after exactly 50 events.
        Model decay = SsaFixtures.massAction("X=50", "X -> 0", 10.0);
        for (int threads : new int[] {1, 2}) {
            SolverResult r = SsaFixtures.run(decay, new double[] {0, 50, 100}, 301, 1, SsaFixtures.options(threads, 0));
            assertEquals(50L * 301, r.info().get("events"), threads + " threads");
            assertEquals(0, r.last().mean(0));
        }
    }

    @Test
    void oneTrajectoryRunsOnOneThreadAndReportsProgress() {
        List<Double> progress = new ArrayList<>();
        Problem p = new Problem(SsaFixtures.preset("birth-death"), TIMES, 1, 5, SsaFixtures.options(4, 10));
        SolverResult r = new DirectMethodSsa().solve(p, new SnapshotListener() {
            @Override public void onSnapshot(int k, Snapshot s) {}
            @Override public void onProgress(double f) { progress.add(f); }
        }, CancellationToken.none());
        assertEquals(1, r.info().get("threads"));
        assertEquals(1, r.last().sampleCount());
        assertEquals(0, r.last().covariance(0, 0), "one trajectory has no spread");
        assertEquals(TIMES.length, progress.size());
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) assertTrue(progress.get(i) > progress.get(i - 1));
    }

    @Test
    void firstOutputTimeAfterZeroIsReachedBeforeTheFirstSnapshot() {
        SolverResult r = SsaFixtures.run(SsaFixtures.preset("birth-death"), new double[] {5, 6}, 2000, 8, SsaFixtures.options(1, 0));
        // Poisson mean 10(1 − e^{−5}) ≈ 9.93 at t = 5; SE ≈ 0.07.
        assertEquals(10 * (1 - Math.exp(-5)), r.at(0).mean(0), 4 * Math.sqrt(10.0 / 2000));
    }
}
