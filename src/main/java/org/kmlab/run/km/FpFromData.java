package org.kmlab.run.km;

import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.fp.FokkerPlanckSolver;

import java.util.Arrays;

/**
 * Closing the loop (the Friedrich–Peinke procedure: Friedrich &amp; Peinke 1997; Friedrich et al.
 * 2011): from the estimated drift and diffusion, a Fokker–Planck model; its density beside the
 * data's histogram, and the L1 distance ∫|p − q| dx between them (0 identical, 2 disjoint). If the
 * data are a diffusion and the estimates good, the two agree up to sampling noise; if not (jumps,
 * memory, a deterministic signal) they part, and the distance says by how much.
 *
 * <ul>
 *   <li>A series ({@link #stationary}): the stationary density P ∝ exp(∫2A/B)/B
 *       ({@link StationaryDensity}) against the histogram of its values;</li>
 *   <li>an ensemble run from x₀ ({@link #timeDependent}): the project's Fokker–Planck solver
 *       ({@link FokkerPlanckSolver}) on a {@link DiffusionModel} built from the estimates, from the
 *       run's initial state to its end, against the ensemble's histogram at the end.</li>
 * </ul>
 *
 * <p>How close is close: {@link #noise}, the L1 distance sampling noise alone would give. For an
 * ensemble of n independent values it is Σᵢ √(2pᵢ(1 − pᵢ)/(πn)) (pᵢ the bins' probabilities from
 * the model; each bin's count is nearly normal). A series' values are correlated, and by how much
 * depends on the bin (an indicator decorrelates faster than the value), so no one effective n
 * serves; instead the series is cut in halves and the distance between their two histograms
 * halved (two halves differ by about √2 times the noise of one, which is √2 times that of the
 * whole). The histogram's bins are Freedman–Diaconis for the effective number n(1 − ρ)/(1 + ρ) of
 * an AR(1) with the series' lag-one autocorrelation ρ (coarser than for n independent values, as
 * correlated data warrant). The model {@link #fits} the data when L1 ≤ 2·noise.
 *
 * @param model     what the Fokker–Planck model gives
 * @param data      the data's histogram
 * @param l1        the L1 distance between them
 * @param noise     the L1 distance sampling noise alone would give
 * @param effective the (effective) number of independent values behind the histogram
 * @param how       how the model's density was computed, for people
 */
public record FpFromData(Density1D model, Density1D data, double l1, double noise, double effective, String how) {
    /** Cells of the stationary density. */
    static final int CELLS = 1000;

    /** The stationary density of the estimates against the histogram of {@code values}. */
    public static FpFromData stationary(DiffusionCoefficients c, double[] values) {
        double n = effectiveSize(values);
        Density1D hist = histogram(values, n);
        double lo = hist.x(0) - 0.5 * hist.dx(), hi = hist.x(hist.size() - 1) + 0.5 * hist.dx();
        Density1D p = StationaryDensity.of(c, lo, hi, CELLS);
        return new FpFromData(p, hist, Distances.l1(hist, p), splitHalfNoise(values, hist), n, "stationary density exp(∫2A/B)/B of the estimated A, B");
    }

    /** True when the model is as close to the data as sampling noise allows (L1 ≤ 2·noise). */
    public boolean fits() { return l1 <= 2 * noise; }

    /** The check in a sentence. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "FP from the estimates vs the data: L1 = %.3f (sampling noise ≈ %.3f): %s", l1, noise,
                fits() ? "a diffusion with these A, B fits" : "the data part from this diffusion");
    }

    /** The expected L1 distance of a histogram of n independent values on {@code bins}' cells from the density {@code p}. */
    static double noise(Density1D p, Density1D bins, double n) {
        double[] q = Distances.rebin(p, bins);
        double sum = 0;
        for (double v : q) {
            double pi = Math.max(0, Math.min(1, v * bins.dx()));
            sum += Math.sqrt(2 * pi * (1 - pi) / (Math.PI * n));
        }
        return sum;
    }

    /** Half the L1 distance between the histograms of the series' first and second halves on the given bins. */
    static double splitHalfNoise(double[] values, Density1D bins) {
        int half = values.length / 2;
        double[] a = count(values, 0, half, bins), b = count(values, half, 2 * half, bins);
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
        return sum / half / 2;
    }

    private static double[] count(double[] v, int from, int to, Density1D bins) {
        double[] c = new double[bins.size()];
        double start = bins.x(0) - 0.5 * bins.dx();
        for (int i = from; i < to; i++) {
            int b = (int) Math.floor((v[i] - start) / bins.dx());
            c[Math.max(0, Math.min(c.length - 1, b))]++;
        }
        return c;
    }

    /** n(1 − ρ)/(1 + ρ), ρ the lag-one autocorrelation (at most n; at least 2). */
    static double effectiveSize(double[] v) {
        int n = v.length;
        double mean = 0;
        for (double x : v) mean += x;
        mean /= n;
        double c0 = 0, c1 = 0;
        for (int i = 0; i < n; i++) {
            double d = v[i] - mean;
            c0 += d * d;
            if (i > 0) c1 += d * (v[i - 1] - mean);
        }
        double rho = c0 > 0 ? Math.max(0, Math.min(0.999999, c1 / c0)) : 0;
        return Math.max(2, n * (1 - rho) / (1 + rho));
    }

    /**
     * The Fokker–Planck solver on the estimates from the source model's initial state to
     * {@code tEnd}, against the ensemble's histogram there ({@code trajectories} independent values).
     */
    public static FpFromData timeDependent(DiffusionCoefficients c, Model source, double tEnd, Density1D ensemble, int trajectories) {
        Model m = DiffusionModel.of(c, source.initialX()[0], source.species().get(0).signed());
        Problem p = new Problem(m, new double[] {0, tEnd}, 1, 1, SolverOptions.defaults());
        SolverResult r = new FokkerPlanckSolver().solve(p, SnapshotListener.NONE, CancellationToken.none());
        Density1D fp = r.at(r.snapshots().size() - 1).marginal(0);
        return new FpFromData(fp, ensemble, Distances.l1(ensemble, fp), noise(fp, ensemble, trajectories), trajectories, String.format(java.util.Locale.ROOT,
                "the Fokker–Planck solver on the estimated A, B from x₀ = %.3g to t = %.3g", source.initialX()[0], tEnd));
    }

    /**
     * The histogram of values as a density: Freedman–Diaconis bins 2·IQR·n^(−1/3) for n
     * independent values (as the ensemble histograms; for a series, its effective number), rounded
     * up to whole lattice steps when the values sit on a lattice.
     */
    public static Density1D histogram(double[] values, double effective) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        double lo = s[0], hi = s[n - 1];
        double iqr = s[(int) (0.75 * (n - 1))] - s[(int) (0.25 * (n - 1))];
        double width = iqr > 0 ? 2 * iqr * Math.pow(effective, -1.0 / 3) : (hi - lo) / 50;
        double gap = SeriesIncrements.latticeGap(values, lo, hi);
        if (gap > 0) width = Math.max(1, Math.ceil(width / gap - 1e-9)) * gap;
        if (!(width > 0)) width = 1;
        double start = gap > 0 ? lo - 0.5 * width : lo;
        int bins = Math.max(1, (int) Math.ceil((hi - start) / width + 1e-9));
        if (gap <= 0 && start + bins * width <= hi) bins++;
        bins = Math.min(bins, 100_000);
        double[] p = new double[bins];
        for (double v : values) {
            int b = (int) Math.floor((v - start) / width);
            p[Math.max(0, Math.min(bins - 1, b))]++;
        }
        for (int i = 0; i < bins; i++) p[i] /= n * width;
        return new Density1D(start + 0.5 * width, width, p);
    }
}
