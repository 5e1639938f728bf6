package org.kmlab.chart;

import org.junit.jupiter.api.Test;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.awt.Color;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The space–time shading resamples each output time's density onto {@link SpaceTimeShading#ROWS}
 * rows by cell averages: a column holds the solver's whole mass (nothing lost or doubled where
 * cells and rows straddle), and the picture has a column per output time up to the one on show
 * and a row per resampled cell.
 */
class SpaceTimeShadingTest {
    private static Density1D ragged(long seed, double x0, double dx, int cells) {
        Random r = new Random(seed);
        double[] p = new double[cells];
        for (int i = 0; i < cells; i++) p[i] = r.nextDouble();
        return new Density1D(x0, dx, p);
    }

    @Test void eachColumnHoldsTheSolversMass() {
        for (Density1D d : new Density1D[] {ragged(1, 0.3, 0.37, 53), ragged(2, -4, 1.0, 9), ragged(3, 10, 0.001, 700)}) {
            double lo = d.x(0) - 0.5 * d.dx(), hi = d.x(d.size() - 1) + 0.5 * d.dx();
            double dy = (hi - lo) / SpaceTimeShading.ROWS, column = 0;
            for (int r = 0; r < SpaceTimeShading.ROWS; r++) column += SpaceTimeShading.average(d, lo + r * dy, lo + (r + 1) * dy) * dy;
            assertEquals(d.mass(), column, 1e-12 * d.mass(), "cells of width " + d.dx() + " against rows of " + dy);
        }
    }

    @Test void thePictureHasAColumnPerOutputTimeAndARowPerResampledCell() {
        Recording rec = RecordingFixture.of(new double[] {0, 0.5, 1, 1.5, 2}, List.of("cme"));
        for (int k = 0; k < 5; k++) {
            Density1D d = ragged(k, 2 + k, 1, 12);
            RecordingFixture.put(rec, 0, k, new Snapshot(0.5 * k, new double[] {d.mean()}, new double[][] {{d.variance()}}, new Density1D[] {d}, null, new double[0][], d.mass()));
        }
        SpaceTimeShading.Picture pic = SpaceTimeShading.density(rec, "cme", "CME", 0, 3, Color.WHITE, Color.BLACK);
        assertEquals(4, pic.image().getWidth(), "output times 0..3");
        assertEquals(SpaceTimeShading.ROWS, pic.image().getHeight());
        assertEquals(1.5, pic.x0(), 1e-12, "the first density's left edge");
        assertEquals(2 + 3 + 11 + 0.5, pic.x1(), 1e-12, "the last shown density's right edge");
    }
}
