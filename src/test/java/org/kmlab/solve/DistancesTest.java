package org.kmlab.solve;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DistancesTest {
    private static Density1D uniform(double from, double to, int cells) {
        double dx = (to - from) / cells;
        double[] p = new double[cells];
        java.util.Arrays.fill(p, 1 / (to - from));
        return new Density1D(from + dx / 2, dx, p);
    }

    @Test
    void identicalDensitiesAreAtDistanceZero() {
        Density1D g = Distances.gaussianOn(new Density1D(-5, 0.05, new double[201]), 0.3, 1.7);
        assertEquals(0, Distances.l1(g, g), 1e-14);
        assertEquals(0, Distances.hellinger(g, g), 1e-7);   // sqrt of a rounding error
        Density2D g2 = Distances.gaussianOn(new Density2D(-4, 0.1, 81, -4, 0.1, 81, new double[81 * 81]),
                new double[] {0.2, -0.1}, new double[][] {{1, 0.3}, {0.3, 0.5}});
        assertEquals(0, Distances.l1(g2, g2), 1e-14);
        assertEquals(0, Distances.hellinger(g2, g2), 1e-7);
    }

    @Test
    void disjointSupportsAreAtMaximalDistance() {
        Density1D a = uniform(0, 1, 10), b = uniform(2, 3, 7);
        assertEquals(2, Distances.l1(a, b), 1e-12);
        assertEquals(1, Distances.hellinger(a, b), 1e-12);
        // b entirely off a's grid: its whole mass is "outside"
        assertEquals(2, Distances.l1(b, a), 1e-12);
        // touching but not overlapping
        Density1D c = uniform(1, 2, 5);
        assertEquals(2, Distances.l1(a, c), 1e-12);
        assertEquals(1, Distances.hellinger(a, c), 1e-12);
    }

    @Test
    void uniformsOffsetByHalfTheirWidth() {
        // U(0,1) vs U(0.5,1.5): overlap mass 1/2 each side, so L1 = 1; affinity = 1/2, H = sqrt(1/2)
        Density1D a = uniform(0, 1, 20), b = uniform(0.5, 1.5, 13);
        assertEquals(1, Distances.l1(a, b), 1e-12);
        assertEquals(Math.sqrt(0.5), Distances.hellinger(a, b), 1e-12);
        // the same pair on a wide common grid, either way round
        Density1D wideA = new Density1D(-0.95, 0.1, rebinnedOnto(a, -0.95, 0.1, 40));
        assertEquals(1, Distances.l1(wideA, b), 1e-12);
        assertEquals(1, Distances.l1(b, wideA), 1e-12);
    }

    private static double[] rebinnedOnto(Density1D d, double x0, double dx, int n) {
        return Distances.rebin(d, new Density1D(x0, dx, new double[n]));
    }

    @Test
    void rebinningConservesMass() {
        Density1D g = Distances.gaussianOn(new Density1D(-3, 0.013, new double[500]), 0.1, 0.4);
        Density1D coarse = new Density1D(-4.1, 0.37, new double[30]);   // covers all of g, edges misaligned
        double[] q = Distances.rebin(g, coarse);
        double m = 0;
        for (double v : q) m += v * coarse.dx();
        assertEquals(g.mass(), m, 1e-12);
        // a grid covering only part of it keeps exactly the overlapping mass
        Density1D u = uniform(0, 1, 10);
        double[] half = Distances.rebin(u, new Density1D(0.525, 0.05, new double[30]));   // covers [0.5, 2.0]
        double mh = 0;
        for (double v : half) mh += v * 0.05;
        assertEquals(0.5, mh, 1e-12);

        Density2D g2 = Distances.gaussianOn(new Density2D(-3, 0.05, 121, -2, 0.04, 101, new double[121 * 101]),
                new double[] {0, 0}, new double[][] {{0.3, -0.1}, {-0.1, 0.2}});
        Density2D target = new Density2D(-3.3, 0.23, 30, -2.5, 0.31, 20, new double[600]);
        double[] q2 = Distances.rebin(g2, target);
        double m2 = 0;
        for (double v : q2) m2 += v * target.dx() * target.dy();
        assertEquals(g2.mass(), m2, 1e-12);
    }

    @Test
    void gaussianCellAveragesMatchTheCdf() {
        Density1D g = Distances.gaussianOn(new Density1D(-13, 0.1, new double[281]), 1, 4);
        assertEquals(1, g.mass(), 1e-11);          // ±7 sd
        assertEquals(1, g.mean(), 1e-10);
        assertEquals(4 + 0.1 * 0.1 / 12, g.variance(), 1e-6);   // Sheppard's correction for cell averages
        Density1D point = Distances.gaussianOn(new Density1D(0, 0.5, new double[10]), 2.1, 0);
        assertEquals(1, point.mass(), 1e-15);
        assertEquals(2, point.density(4), 1e-15);
        Density2D g2 = Distances.gaussianOn(new Density2D(-7, 0.1, 141, -7, 0.1, 141, new double[141 * 141]),
                new double[] {0.5, -0.2}, new double[][] {{1, 0.6}, {0.6, 0.9}});
        assertEquals(1, g2.mass(), 1e-9);   // ≥ 6.5 sd each side
        assertEquals(0.5, g2.marginal(0).mean(), 1e-8);
        assertEquals(1 + 0.01 / 12, g2.marginal(0).variance(), 1e-5);
        assertEquals(0.9 + 0.01 / 12, g2.marginal(1).variance(), 1e-5);
    }

    @Test
    void poissonLatticeVersusGaussianShrinksWithTheMean() {
        double previousL1 = Double.POSITIVE_INFINITY, previousH = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {4, 16, 64, 256}) {
            int n = (int) (lambda + 12 * Math.sqrt(lambda) + 20);
            double[] p = new double[n];
            PoissonDistribution poisson = new PoissonDistribution(null, lambda, 1e-12, 10_000_000);
            for (int k = 0; k < n; k++) p[k] = poisson.probability(k);
            Density1D lattice = new Density1D(0, 1, p);   // Ω = 1: cell k covers [k − ½, k + ½]
            double sd = Math.sqrt(lambda);
            Density1D fine = Distances.gaussianOn(new Density1D(lambda - 10 * sd, sd / 200, new double[4001]), lambda, lambda);
            double l1 = Distances.l1(lattice, fine), h = Distances.hellinger(lattice, fine);
            assertTrue(l1 > 1e-3 && h > 1e-3, "Poisson is not Gaussian: L1 " + l1 + ", H " + h);
            assertTrue(l1 < 0.2 && h < 0.2, "but close: L1 " + l1 + ", H " + h);
            if (lambda >= 64) {
                // Edgeworth: P ≈ φ(1 + He3(z)/(6√λ)), so L1·√λ → E|z³ − 3z|/6 = 0.25167 (skewness 1/√λ)
                assertEquals(0.25167, l1 * Math.sqrt(lambda), 0.01, "L1·√λ at λ = " + lambda);
            }
            assertTrue(l1 < previousL1 && h < previousH, "distance shrinks as the mean grows at λ = " + lambda);
            previousL1 = l1;
            previousH = h;
        }
    }

    @Test
    void twoDimensionalDisjointAndShiftedUniforms() {
        double[] ones = new double[100];
        java.util.Arrays.fill(ones, 1.0);
        Density2D a = new Density2D(0.05, 0.1, 10, 0.05, 0.1, 10, ones);      // U([0,1]²)
        Density2D b = new Density2D(2.05, 0.1, 10, 0.05, 0.1, 10, ones);      // U([2,3]×[0,1])
        assertEquals(2, Distances.l1(a, b), 1e-12);
        assertEquals(1, Distances.hellinger(a, b), 1e-12);
        Density2D c = new Density2D(0.55, 0.1, 10, 0.05, 0.1, 10, ones);      // shifted by half in x
        assertEquals(1, Distances.l1(a, c), 1e-12);
        assertEquals(Math.sqrt(0.5), Distances.hellinger(a, c), 1e-12);
    }
}
