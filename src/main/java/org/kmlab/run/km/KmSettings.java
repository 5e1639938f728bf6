package org.kmlab.run.km;

import org.kmlab.model.DriftJacobian;
import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;

/**
 * How to estimate Kramers–Moyal coefficients: the time step Δt, the estimator (bins, or a kernel
 * with its bandwidth), whether to correct for the finite Δt, and the highest order reported.
 *
 * @param dt         Δt in the model's (or series') time units; NaN for the default
 * @param kernel     null for the binned estimator, else the kernel of the Nadaraya–Watson estimator
 * @param bandwidth  the kernel's bandwidth in x units; NaN for Silverman's rule
 * @param bins       bins of the binned estimator (also used by Pawula's test and the drift slope)
 * @param correction true to show the estimates extrapolated to Δt → 0 ({@link DtExtrapolation})
 * @param maxOrder   the highest order k reported (1..6)
 */
public record KmSettings(double dt, Kernel kernel, double bandwidth, int bins, boolean correction, int maxOrder) {
    public KmSettings {
        if (!Double.isNaN(dt) && !(dt > 0 && dt < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("Δt must be a number > 0, got " + dt);
        if (!Double.isNaN(bandwidth) && !(bandwidth > 0 && bandwidth < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("the bandwidth must be a number > 0, got " + bandwidth);
        if (bins < 2 || bins > CellGrid.MAX_CELLS) throw new IllegalArgumentException("bins must be from 2 to " + CellGrid.MAX_CELLS + ", got " + bins);
        if (maxOrder < 1 || maxOrder > MomentEstimates.MAX_ORDER) throw new IllegalArgumentException("the order must be from 1 to " + MomentEstimates.MAX_ORDER + ", got " + maxOrder);
    }

    /** Binned, {@value BinnedEstimator#DEFAULT_BINS} bins, no correction, orders up to 4, default Δt. */
    public static KmSettings defaults() { return new KmSettings(Double.NaN, null, Double.NaN, BinnedEstimator.DEFAULT_BINS, false, 4); }

    public boolean binned() { return kernel == null; }

    public KmSettings withDt(double v) { return new KmSettings(v, kernel, bandwidth, bins, correction, maxOrder); }
    public KmSettings withKernel(Kernel k) { return new KmSettings(dt, k, bandwidth, bins, correction, maxOrder); }
    public KmSettings withBandwidth(double h) { return new KmSettings(dt, kernel, h, bins, correction, maxOrder); }
    public KmSettings withBins(int n) { return new KmSettings(dt, kernel, bandwidth, n, correction, maxOrder); }
    public KmSettings withCorrection(boolean on) { return new KmSettings(dt, kernel, bandwidth, bins, on, maxOrder); }
    public KmSettings withMaxOrder(int k) { return new KmSettings(dt, kernel, bandwidth, bins, correction, k); }

    /** The estimator for the shown estimates. */
    public Estimator estimator() { return binned() ? new BinnedEstimator(bins) : new KernelEstimator(kernel, bandwidth); }

    /** Δt for a run of this model to tEnd: this one, or {@link #defaultDt}. */
    public double dtFor(Model model, double tEnd) { return Double.isNaN(dt) ? defaultDt(model, tEnd) : dt; }

    /**
     * A Δt for a model: a fiftieth of its fastest drift time 1/|∂A/∂x| (at the initial state and at
     * the end of the deterministic path), so the finite-Δt bias of the drift, about |∂A/∂x|·Δt/2,
     * stays near 1 %; rounded down to 1, 2 or 5 times a power of ten, and at most tEnd/50.
     */
    public static double defaultDt(Model model, double tEnd) {
        DriftJacobian j = new DriftJacobian(model);
        double[][] out = new double[1][1];
        double rate = 0;
        double[] x0 = model.initialX();
        j.at(x0, out);
        rate = Math.max(rate, Math.abs(out[0][0]));
        try {
            double[] end = LinearNoisePath.fromInitialState(model, tEnd).mean(tEnd);
            j.at(end, out);
            rate = Math.max(rate, Math.abs(out[0][0]));
        } catch (RuntimeException e) {
            // the path diverges: the rate at the start has to do
        }
        double dt = rate > 0 && Double.isFinite(rate) ? 0.02 / rate : tEnd / 200;
        return roundDown125(Math.min(dt, tEnd / 50));
    }

    static double roundDown125(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double m = v / p;
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
    }
}
