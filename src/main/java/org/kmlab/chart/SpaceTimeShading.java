package org.kmlab.chart;

import org.kmlab.run.Recording;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * P(x, t) of one species as an image, time across and x up, from a recording's marginals up to
 * the time on show: the cloud drifting and spreading in one picture. Or the signed difference of
 * two solvers (FP − CME) on a diverging scale, so the class sees where and when the approximation
 * is off. One column per output time, {@value #ROWS} rows over the densities' support.
 */
final class SpaceTimeShading {
    static final int ROWS = 160;
    /** A power below 1 for the sequential scale: the tails stay visible. */
    private static final double GAMMA = 0.4;

    /** The image and the data rectangle it covers (time t0..t1, x x0..x1), and what it shows, for a caption. */
    record Picture(BufferedImage image, double t0, double t1, double x0, double x1, String caption) {}

    private SpaceTimeShading() {}

    /** P(x, t) of {@code solver}, or null when it has no marginal for species s up to index k. */
    static Picture density(Recording rec, String solver, String label, int s, int k, Color background, Color ink) {
        double[] span = support(rec, solver, null, s, k);
        if (span == null) return null;
        int cols = k + 1;
        double[] v = new double[cols * ROWS];
        double max = sample(rec, solver, null, s, k, span, v, true);
        BufferedImage img = image(cols, v, val -> mix(background, ink, max > 0 ? Math.pow(Math.max(0, val) / max, GAMMA) : 0));
        return picture(rec, k, span, img, label + " P(x, t), each time to its own peak");
    }

    /** {@code solver} − {@code reference} (red where the solver is higher, blue where lower), or null without both. */
    static Picture difference(Recording rec, String solver, String reference, String label, int s, int k, Color background) {
        double[] span = support(rec, solver, reference, s, k);
        if (span == null) return null;
        int cols = k + 1;
        double[] v = new double[cols * ROWS];
        double maxAbs = sample(rec, solver, reference, s, k, span, v, false);
        Color higher = new Color(0xB2182B), lower = new Color(0x2166AC);
        BufferedImage img = image(cols, v, d -> mix(background, d >= 0 ? higher : lower, maxAbs > 0 ? Math.sqrt(Math.abs(d) / maxAbs) : 0));
        return picture(rec, k, span, img, String.format(Locale.ROOT, "%s (red > 0; largest |Δp| %.3g)", label, maxAbs));
    }

    /** The values (row-major by x, x upwards) as an image, row 0 at the top, each pixel coloured by {@code colour}. */
    private static BufferedImage image(int cols, double[] v, java.util.function.DoubleToIntFunction colour) {
        BufferedImage img = new BufferedImage(cols, ROWS, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < cols; i++) for (int r = 0; r < ROWS; r++) img.setRGB(i, ROWS - 1 - r, colour.applyAsInt(v[r * cols + i]));
        return img;
    }

    private static Picture picture(Recording rec, int k, double[] span, BufferedImage img, String caption) {
        double half = k > 0 ? 0.5 * (rec.time(k) - rec.time(0)) / k : 0.5;
        return new Picture(img, Math.max(0, rec.time(0) - half), rec.time(k) + half, span[0], span[1], caption);
    }

    /** The x range every marginal of the solver(s) covers up to index k, or null if there is none. */
    private static double[] support(Recording rec, String a, String b, int s, int k) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (String id : b == null ? new String[] {a} : new String[] {a, b}) {
            if (!rec.solvers().contains(id)) return null;
            for (int j = 0; j <= Math.min(k, rec.highestIndex(id)); j++) {
                Density1D d = marginal(rec, id, j, s);
                if (d == null || d.size() == 0) continue;
                any = true;
                lo = Math.min(lo, d.x(0) - 0.5 * d.dx());
                hi = Math.max(hi, d.x(d.size() - 1) + 0.5 * d.dx());
            }
        }
        return any && hi > lo ? new double[] {lo, hi} : null;
    }

    /**
     * Fills v (row-major by x, x upwards) with a's density, or a − b, each averaged over the row
     * (a lattice and a fine grid sampled at points would alias into stripes); returns the largest
     * |value|. With {@code perColumn}, each column is scaled to its own largest |value| (a cloud
     * that spreads stays visible at every time).
     */
    private static double sample(Recording rec, String a, String b, int s, int k, double[] span, double[] v, boolean perColumn) {
        int cols = k + 1;
        double dy = (span[1] - span[0]) / ROWS, max = 0;
        for (int j = 0; j < cols; j++) {
            Density1D da = marginal(rec, a, j, s), db = b == null ? null : marginal(rec, b, j, s);
            if (da == null || (b != null && db == null)) continue;
            double columnMax = 0;
            for (int r = 0; r < ROWS; r++) {
                double y0 = span[0] + r * dy, y1 = y0 + dy;
                double val = average(da, y0, y1) - (db == null ? 0 : average(db, y0, y1));
                v[r * cols + j] = val;
                columnMax = Math.max(columnMax, Math.abs(val));
            }
            if (perColumn && columnMax > 0) for (int r = 0; r < ROWS; r++) v[r * cols + j] /= columnMax;
            max = Math.max(max, perColumn ? (columnMax > 0 ? 1 : 0) : columnMax);
        }
        return max;
    }

    private static Density1D marginal(Recording rec, String id, int j, int s) {
        if (j > rec.highestIndex(id)) return null;
        Snapshot snap = rec.get(id, j);
        return snap == null ? null : snap.marginal(s);
    }

    /** The density's mean over [y0, y1] (cells centred on x(i), each dx wide; 0 outside them). */
    static double average(Density1D d, double y0, double y1) {
        double h = d.dx(), left = d.x(0) - 0.5 * h, sum = 0;
        int first = (int) Math.max(0, Math.floor((y0 - left) / h)), last = (int) Math.min(d.size() - 1, Math.floor((y1 - left) / h));
        for (int c = first; c <= last; c++) {
            double lo = Math.max(y0, left + c * h), hi = Math.min(y1, left + (c + 1) * h);
            if (hi > lo) sum += d.density(c) * (hi - lo);
        }
        return sum / (y1 - y0);
    }

    private static int mix(Color lo, Color hi, double u) {
        int r = (int) (lo.getRed() + u * (hi.getRed() - lo.getRed()));
        int g = (int) (lo.getGreen() + u * (hi.getGreen() - lo.getGreen()));
        int b = (int) (lo.getBlue() + u * (hi.getBlue() - lo.getBlue()));
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
