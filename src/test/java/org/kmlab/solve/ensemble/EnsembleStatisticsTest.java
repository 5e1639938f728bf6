package org.kmlab.solve.ensemble;

import org.junit.jupiter.api.Test;
import org.kmlab.model.LatticeWalls;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

import static org.junit.jupiter.api.Assertions.*;

/** The one binning rule of SSA and CLE snapshots, on ensembles whose states the test sets. */
class EnsembleStatisticsTest {
    /** An SSA-style ensemble (states are counts, scale Ω) with member i at count {@code n[i]}. */
    private static Ensemble counts(double omega, long... n) {
        Ensemble e = Ensemble.start(new double[] {0}, omega, omega, n.length, 1);
        for (int i = 0; i < n.length; i++) e.state[i] = n[i];
        return e;
    }

    @Test
    void binsAreTheFreedmanDiaconisWidthRoundedUpToWholeLatticeSteps() {
        // counts 0 … 728: nearest-rank quartiles 182 and 546, IQR 364; 2·364·729^(−1/3) = 80.9 → 81 steps
        long[] n = new long[729];
        for (int i = 0; i < n.length; i++) n[i] = i;
        Density1D h = new EnsembleStatistics(0).snapshot(1, counts(10, n)).marginal(0);
        assertEquals(8.1, h.dx(), 1e-12, "81 lattice steps of 1/Ω = 0.1");
        assertEquals(9, h.size(), "729 lattice points in bins of 81");
        assertEquals(4.0, h.x0(), 1e-12, "the first bin holds counts 0 … 80, centred at 40/Ω");
        assertEquals(1.0, h.mass(), 1e-12);
        for (int b = 0; b < h.size(); b++) assertEquals(81.0 / 729 / 8.1, h.density(b), 1e-12);
    }

    @Test
    void aCloudAFewLatticePointsWideKeepsOneBinPerPoint() {
        long[] n = new long[10_000];
        for (int i = 0; i < n.length; i++) n[i] = 7 + i % 5;   // IQR 2: 2·2·10⁴^(−1/3) = 0.19 step
        Snapshot s = new EnsembleStatistics(3).snapshot(0, counts(1, n));
        assertEquals(1.0, s.marginal(0).dx());
        assertEquals(5, s.marginal(0).size());
        assertEquals(7.0, s.marginal(0).x0());
        assertEquals(0.2, s.marginal(0).density(4), 1e-15);
        assertEquals(3, s.sampleCount());
        assertEquals(9.0, s.sample(2, 0));
    }

    @Test
    void cleStatesRoundedToTheLatticeGetTheSsasBins() {
        double omega = 50;
        long[] n = new long[2000];
        Ensemble cle = Ensemble.start(new double[] {0}, 1, omega, n.length, 1);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < n.length; i++) {
            n[i] = 400 + Math.round(30 * random.nextGaussian());
            cle.state[i] = (n[i] + 0.98 * (random.nextDouble() - 0.5)) / omega;   // within half a step of n/Ω
        }
        Density1D a = new EnsembleStatistics(0).snapshot(0, counts(omega, n)).marginal(0);
        Density1D b = new EnsembleStatistics(0).snapshot(0, cle).marginal(0);
        assertTrue(a.dx() > 1 / omega, "a wide cloud gets bins of several lattice steps: " + a.dx() * omega);
        assertEquals(a.x0(), b.x0(), 1e-12);
        assertEquals(a.dx(), b.dx(), 1e-12);
        assertArrayEquals(a.p(), b.p(), 1e-12);
    }

    @Test
    void jointBinsAreWholeMultiplesOfTheMarginalsAndHoldTheirMass() {
        int size = 5000;
        Ensemble e = Ensemble.start(new double[] {0, 0}, 100, 100, size, 1);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < size; i++) {
            double z = random.nextGaussian();
            e.state[2 * i] = Math.round(1000 + 60 * z);
            e.state[2 * i + 1] = Math.round(300 + 20 * (0.6 * z + 0.8 * random.nextGaussian()));
        }
        Snapshot s = new EnsembleStatistics(0).snapshot(0, e);
        Density2D joint = s.joint();
        for (int axis = 0; axis < 2; axis++) {
            Density1D fine = s.marginal(axis), coarse = joint.marginal(axis);
            double ratio = coarse.dx() / fine.dx();
            assertEquals(Math.rint(ratio), ratio, 1e-9, "axis " + axis + ": joint bin = whole marginal bins");
            assertTrue(ratio >= 1);
            assertEquals(fine.x0() - fine.dx() / 2, coarse.x0() - coarse.dx() / 2, 1e-12, "same left edge");
            for (int b = 0; b < coarse.size(); b++) {
                double mass = 0;
                for (int i = 0; i < fine.size(); i++) if ((int) Math.floor(i / ratio) == b) mass += fine.density(i) * fine.dx();
                assertEquals(mass, coarse.density(b) * coarse.dx(), 1e-12, "axis " + axis + " bin " + b);
            }
        }
        assertEquals(1.0, joint.mass(), 1e-12);
    }

    @Test
    void moreThanTwoSpeciesGiveMarginalsAndNoJoint() {
        Ensemble e = Ensemble.start(new double[] {1, 2, 3}, 1, 1, 10, 1);
        Snapshot s = new EnsembleStatistics(0).snapshot(0, e);
        assertNull(s.joint());
        assertEquals(3, s.marginals().length);
        for (int a = 0; a < 3; a++) {
            assertEquals(a + 1, s.mean(a));
            assertEquals(1.0, s.marginal(a).mass(), 1e-15);
        }
    }

    @Test
    void aHeavyTailIsCappedInWholeStepsAndTheQuartilesAgreeAcrossBothCounters() {
        long[] n = new long[1000];
        for (int i = 0; i < n.length; i++) n[i] = i % 10;
        n[999] = 50_000_000;   // a range past the counting span: the quartiles come from sorting
        assertEquals(5, EnsembleStatistics.interquartileRange(n, 0, 50_000_000));
        n[999] = 9;
        assertEquals(5, EnsembleStatistics.interquartileRange(n, 0, 9), "counted");
        n[999] = 50_000_000;
        Density1D h = new EnsembleStatistics(0).snapshot(0, counts(1, n)).marginal(0);
        assertTrue(h.size() <= EnsembleStatistics.MAX_MARGINAL_BINS);
        assertEquals(Math.rint(h.dx()), h.dx(), "whole lattice steps");
        assertEquals(1.0, h.mass(), 1e-12);
    }

    /** Members spread evenly over the counts lo … hi, {@code each} at every count. */
    private static long[] even(long lo, long hi, int each) {
        long[] n = new long[(int) (hi - lo + 1) * each];
        for (int i = 0; i < n.length; i++) n[i] = lo + i / each;
        return n;
    }

    /**
     * An even cloud on 40 … 100 against a wall at 100: the rule's 5-step bins counted from 40
     * would end at 104, and the last one (holding count 100 alone) would be drawn at a fifth of
     * the density; counted from the wall, the last bin is 96 … 100 and as high as the others.
     */
    @Test
    void theLastBinEndsOnAWallTheMembersReach() {
        long[] n = even(40, 100, 50);
        Density1D free = new EnsembleStatistics(0).snapshot(0, counts(10, n)).marginal(0);
        assertEquals(0.5, free.dx(), 1e-12, "5 lattice steps (2·IQR·N^(−1/3) = 4.2)");
        assertEquals(free.density(0) / 5, free.density(free.size() - 1), 1e-12, "without the wall the last bin straddles it");
        Density1D h = new EnsembleStatistics(0, new int[0][], new org.kmlab.model.LatticeWalls(Long.MIN_VALUE, 100)).snapshot(0, counts(10, n)).marginal(0);
        assertEquals(0.5, h.dx(), 1e-12);
        assertEquals(100.5 / 10, h.x0() + (h.size() - 0.5) * h.dx(), 1e-12, "the last bin's top is the wall's cell edge");
        double even = 50.0 / n.length / 0.1;
        for (int b = 1; b < h.size(); b++) assertEquals(even, h.density(b), 1e-12, "bin " + b);
        assertEquals(1.0, h.mass(), 1e-12);
    }

    /**
     * A box with both walls reached, −10 … 10 (21 counts): the rule's 2-step bins cannot fit it,
     * 3 steps do, so every bin is whole and the even cloud is even in the histogram too.
     */
    @Test
    void betweenTwoWallsTheWidthDividesTheBox() {
        long[] n = even(-10, 10, 10);   // IQR 10: 2·10·210^(−1/3) = 3.4 → 4; 21 is not a multiple of 4 … 7 but of 7
        Density1D h = new EnsembleStatistics(0, new int[0][], new org.kmlab.model.LatticeWalls(-10, 10)).snapshot(0, counts(1, n)).marginal(0);
        assertEquals(0, Math.IEEEremainder(21, h.dx()), 1e-12, "a width dividing the box: " + h.dx());
        assertEquals(-10.5, h.x0() - 0.5 * h.dx(), 1e-12, "bins start on the low wall");
        assertEquals(10.5, h.x0() + (h.size() - 0.5) * h.dx(), 1e-12, "and end on the high one");
        for (int b = 0; b < h.size(); b++) assertEquals(1.0 / 21, h.density(b), 1e-12, "bin " + b);
    }

    /**
     * Both walls reached and no width up to twice the rule's divides the box (201 counts, 3 × 67):
     * the wall with more members next to it gets the exact edge; here the high one, where the
     * walkers started.
     */
    @Test
    void betweenTwoWallsTheCrowdedOneGetsTheEdge() {
        long[] n = new long[4000];
        for (int i = 0; i < n.length; i++) n[i] = i < 40 ? -100 + i % 20 : 100 - (i % 120);   // a few near −100, most near 100
        LatticeWalls box = new LatticeWalls(-100, 100);
        Density1D h = new EnsembleStatistics(0, new int[0][], box).snapshot(0, counts(100, n)).marginal(0);
        assertTrue(h.dx() * 100 > 3 && 201 % Math.round(h.dx() * 100) != 0, "no dividing width: " + h.dx() * 100);
        assertEquals(1.005, h.x0() + (h.size() - 0.5) * h.dx(), 1e-12, "the last bin's top is the high wall's cell edge");
        long[] mirrored = n.clone();
        for (int i = 0; i < n.length; i++) mirrored[i] = -n[i];
        Density1D m = new EnsembleStatistics(0, new int[0][], box).snapshot(0, counts(100, mirrored)).marginal(0);
        assertEquals(-1.005, m.x0() - 0.5 * m.dx(), 1e-12, "mirrored, the low wall gets it");
    }

    /** A wall the members do not come near, or a species with members past it, leaves the bins as they were. */
    @Test
    void aWallOutOfReachChangesNothing() {
        long[] n = even(40, 100, 50);
        Density1D free = new EnsembleStatistics(0).snapshot(0, counts(10, n)).marginal(0);
        for (org.kmlab.model.LatticeWalls w : new org.kmlab.model.LatticeWalls[] {
                new org.kmlab.model.LatticeWalls(0, 200), new org.kmlab.model.LatticeWalls(Long.MIN_VALUE, 99)}) {
            Density1D h = new EnsembleStatistics(0, new int[0][], w).snapshot(0, counts(10, n)).marginal(0);
            assertEquals(free.x0(), h.x0(), 0, w.toString());
            assertArrayEquals(free.p(), h.p(), 0, w.toString());
        }
    }
}
