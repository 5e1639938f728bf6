package org.kmlab.solve.cme;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The Radau IIA step and its banded solves against uniformization on the same window. */
class RadauStepTest {
    private static final Model PREDATOR_PREY = FiniteStateProjectionTest.preset("predator-prey").with("Omega", 7);

    /** e^{hQ}p by uniformization (accurate to ~1e-14), with the probability that left. */
    private static double[] uniformized(Model m, Lattice window, double[] p, double h, double[] lost) {
        double[] q = p.clone();
        try (StepTeam team = new StepTeam(1)) {
            lost[0] = new Uniformization(Generator.of(m, window), team, CancellationToken.none()).advance(q, h, f -> {});
        }
        return q;
    }

    @Test
    void bandSolvesInvertTheShiftedGenerator() {
        Lattice window = Lattice.rows(new long[] {3, 1}, new long[] {20, 12}, new int[] {0, 0, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6},
                new int[] {14, 15, 16, 18, 18, 18, 17, 16, 16, 15, 12, 9});
        BandOperator q = BandOperator.build(new Rates(PREDATOR_PREY), window);
        assertTrue(q.kl > 1 && q.ku > 1, "a 2-D band");
        int n = q.n;
        Random random = new Random(2);
        double[] b = new double[n], xr = new double[n], xi = new double[n], back = new double[n];
        for (int i = 0; i < n; i++) b[i] = random.nextDouble() - 0.5;
        for (double zi : new double[] {0, 3.2}) {
            ShiftedBandLu lu = new ShiftedBandLu();
            double h = 0.7, zr = 5.7;
            lu.factor(q, h, zr, zi, CancellationToken.none());
            lu.solve(b, xr, xi);
            // (z − hQ)(xr + i·xi) = b: real part zr·xr − zi·xi − hQ·xr = b, imaginary zr·xi + zi·xr − hQ·xi = 0
            q.multiply(xr, back, h);
            for (int i = 0; i < n; i++) assertEquals(b[i], zr * xr[i] - zi * xi[i] - back[i], 1e-12, "re, state " + i);
            if (zi != 0) {
                q.multiply(xi, back, h);
                for (int i = 0; i < n; i++) assertEquals(0, zr * xi[i] + zi * xr[i] - back[i], 1e-12, "im, state " + i);
            }
        }
    }

    @Test
    void aStepMatchesUniformizationAndItsEstimateBoundsTheError() {
        Lattice window = Lattice.box(new long[] {0, 0}, new long[] {24, 17});
        BandOperator q = BandOperator.build(new Rates(PREDATOR_PREY), window);
        double[] p = new double[q.n];
        p[window.index(new long[] {5, 3})] = 0.6;
        p[window.index(new long[] {9, 6})] = 0.4;
        RadauStep radau = new RadauStep(CancellationToken.none());
        double[] big = new double[q.n], out = new double[q.n], lost = new double[1];
        for (double h : new double[] {0.01, 0.05, 0.2, 0.8}) {
            double[] exact = uniformized(PREDATOR_PREY, window, p, h, lost);
            double est = radau.step(q, p, h, big, out);
            double err = 0, mass = 0;
            for (int i = 0; i < q.n; i++) {
                err += Math.abs(out[i] - exact[i]);
                mass += out[i];
            }
            assertTrue(err <= est + 1e-14, "h = " + h + ": error " + err + " within the estimate " + est);
            assertEquals(1, mass + radau.sunk(), 1e-13, "h = " + h + ": mass + what the step sent to the sink");
            if (h <= 0.01) {
                assertTrue(err < 1e-12, "h = " + h + ": error " + err);
                assertEquals(lost[0], radau.sunk(), 1e-14, "h = " + h + ": the sink as uniformization has it");
            }
        }
        assertTrue(radau.solves() > 0 && radau.factorizations() > 0);
    }

    @Test
    void aTridiagonalStepMatchesUniformization() {
        Model m = FiniteStateProjectionTest.preset("birth-death").with("Omega", 3);
        Lattice window = Lattice.box(new long[] {4}, new long[] {70});
        BandOperator q = BandOperator.build(new Rates(m), window);
        assertEquals(1, q.kl);
        assertEquals(1, q.ku);
        double[] p = new double[q.n], big = new double[q.n], out = new double[q.n], lost = new double[1];
        p[window.index(new long[] {12})] = 1;
        RadauStep radau = new RadauStep(CancellationToken.none());
        for (double h : new double[] {0.002, 0.02, 0.1}) {
            double[] exact = uniformized(m, window, p, h, lost);
            double est = radau.step(q, p, h, big, out), err = 0;
            for (int i = 0; i < q.n; i++) err += Math.abs(out[i] - exact[i]);
            assertTrue(err <= est + 1e-14, "h = " + h + ": error " + err + " within the estimate " + est);
            if (h <= 0.02) assertEquals(lost[0], radau.sunk(), 1e-14, "h = " + h + ": the sink");
        }
    }

    @Test
    void aClosedWindowKeepsItsMassAtAnyStep() {
        Model ab = FiniteStateProjectionTest.preset("a-b-decay").with("k2", 0);   // A → B only: nothing leaves the box
        Lattice window = Lattice.box(new long[] {0, 0}, new long[] {40, 40});
        BandOperator q = BandOperator.build(new Rates(ab), window);
        double[] p = new double[q.n], big = new double[q.n], out = new double[q.n];
        p[window.index(new long[] {40, 0})] = 1;
        RadauStep radau = new RadauStep(CancellationToken.none());
        double est = 0;
        for (double h : new double[] {0.001, 0.3, 5, 1e4}) {
            est = radau.step(q, p, h, big, out);
            double mass = 0;
            for (double v : out) mass += v;
            assertEquals(1, mass, 20 * RadauStep.ROUNDING_GAIN * Math.ulp(1.0), "h = " + h + ": the mass, to rounding");
            assertEquals(0, radau.sunk(), 1e-20, "nothing sinks");
        }
        assertTrue(est < 1e-2, "L-stable: a step far longer than 1/k1 is still a fair step, " + est);
        assertEquals(1, out[window.index(new long[] {0, 40})], est, "after a long step every A has become a B, within the estimate");
    }
}
