package org.kmlab.chart;

import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.kmlab.run.km.KmEstimate;
import org.kmlab.run.km.MomentEstimates;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimated Kramers–Moyal coefficients drawn over a Kramers–Moyal panel's analytic curves, in the
 * curves' own quantities: D₁ = M₁ (beside A) and M₂ = 2·D₂ (beside B) on the left axis, D₃ = M₃/3!
 * and D₄ = M₄/4! on the right. A binned estimate is drawn as points with ±1 standard-error bars, a
 * kernel estimate as a curve with a ±1 SE band. Only points that have an estimate are drawn (a bin
 * with too few increments has none). Series keys are solver × {@link SeriesKey.Role#ESTIMATE} with
 * the order as index (solver null for a user's series), so the looks follow the solver.
 */
final class EstimateOverlay {
    /** The plot's datasets this overlay owns: binned on the left and right axes, kernel on the left and right. */
    static final int BINNED_LEFT = 2, BINNED_RIGHT = 3, KERNEL_LEFT = 4, KERNEL_RIGHT = 5;

    /** One estimate to draw: its solver (null for a user's series), a short name for the legend, the estimate. */
    record Layer(SolverDescriptor solver, String name, KmEstimate estimate) {}

    private final XYPlot plot;

    EstimateOverlay(XYPlot plot) {
        this.plot = plot;
        for (int d = BINNED_LEFT; d <= KERNEL_RIGHT; d++) {
            boolean binned = d == BINNED_LEFT || d == BINNED_RIGHT;
            if (binned) {
                XYErrorRenderer r = new XYErrorRenderer();
                r.setDrawXError(false);
                r.setDrawYError(true);
                r.setCapLength(4);
                plot.setRenderer(d, r);
            } else {
                DeviationRenderer r = new DeviationRenderer(true, false);
                r.setAlpha(0.25f);
                plot.setRenderer(d, r);
            }
            plot.setDataset(d, new ArrayDataset(List.of()));
            plot.mapDatasetToRangeAxis(d, d == BINNED_RIGHT || d == KERNEL_RIGHT ? 1 : 0);
        }
    }

    /** The legend text of order k for a source named {@code name}, saying which quantity it is. */
    static String label(String name, int k) {
        return name + " est. " + switch (k) {
            case 1 -> "D₁ = M₁";
            case 2 -> "M₂ = 2·D₂";
            case 3 -> "D₃ = M₃/3!";
            default -> "D₄ = M₄/4!";
        };
    }

    /** The value drawn for order k at point i: the quantity the analytic curve of that order shows. */
    static double value(MomentEstimates m, int k, int i) { return k == 2 ? m.moment(2, i) : m.coefficient(k, i); }

    static double error(MomentEstimates m, int k, int i) { return k == 2 ? m.se(2, i) : m.coefficientSe(k, i); }

    /** Draws these layers (none: clears); orders 3 and 4 only when {@code higher}. Returns true when the series changed (looks to apply again). */
    boolean show(List<Layer> layers, boolean higher) {
        List<SeriesKey> binnedLeft = new ArrayList<>(), binnedRight = new ArrayList<>(), kernelLeft = new ArrayList<>(), kernelRight = new ArrayList<>();
        List<double[][]> bl = new ArrayList<>(), br = new ArrayList<>(), kl = new ArrayList<>(), kr = new ArrayList<>();
        for (Layer layer : layers) {
            KmEstimate e = layer.estimate();
            boolean binned = e.settings().binned();
            MomentEstimates m = e.shown();
            for (int k = 1; k <= (higher ? 4 : 2); k++) {
                SeriesKey key = new SeriesKey(layer.solver(), SeriesKey.Role.ESTIMATE, 0, k, label(layer.name(), k));
                double[][] pts = points(m, k);
                boolean left = k <= 2;
                (binned ? (left ? binnedLeft : binnedRight) : (left ? kernelLeft : kernelRight)).add(key);
                (binned ? (left ? bl : br) : (left ? kl : kr)).add(pts);
            }
        }
        boolean changed = fill(BINNED_LEFT, binnedLeft, bl) | fill(BINNED_RIGHT, binnedRight, br)
                | fill(KERNEL_LEFT, kernelLeft, kl) | fill(KERNEL_RIGHT, kernelRight, kr);
        return changed;
    }

    /** {x, y, y − se, y + se} over the points that have order k. */
    private static double[][] points(MomentEstimates m, int k) {
        int n = 0;
        for (int i = 0; i < m.size(); i++) if (m.has(k, i)) n++;
        double[][] out = new double[4][n];
        int j = 0;
        for (int i = 0; i < m.size(); i++) {
            if (!m.has(k, i)) continue;
            double y = value(m, k, i), s = error(m, k, i);
            out[0][j] = m.x(i);
            out[1][j] = y;
            out[2][j] = y - s;
            out[3][j] = y + s;
            j++;
        }
        return out;
    }

    private boolean fill(int index, List<SeriesKey> keys, List<double[][]> points) {
        ArrayDataset d = (ArrayDataset) plot.getDataset(index);
        boolean rebuilt = false;
        if (!sameKeys(d, keys)) {
            d = new ArrayDataset(keys);
            rebuilt = true;
        }
        for (int s = 0; s < keys.size(); s++) {
            double[][] p = points.get(s);
            d.setBand(s, p[0], p[1], p[2], p[3]);
        }
        if (rebuilt) plot.setDataset(index, d);
        else d.changed();
        return rebuilt;
    }

    private static boolean sameKeys(ArrayDataset d, List<SeriesKey> keys) {
        if (d.getSeriesCount() != keys.size()) return false;
        for (int s = 0; s < keys.size(); s++) if (!keys.get(s).equals(d.getSeriesKey(s))) return false;
        return true;
    }

    /** The smallest and largest x of the points drawn, or null when none is. */
    double[] xRange() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int d = BINNED_LEFT; d <= KERNEL_RIGHT; d++) {
            ArrayDataset ds = (ArrayDataset) plot.getDataset(d);
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                for (int i = 0; i < ds.getItemCount(s); i++) { lo = Math.min(lo, ds.getXValue(s, i)); hi = Math.max(hi, ds.getXValue(s, i)); }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }
}
