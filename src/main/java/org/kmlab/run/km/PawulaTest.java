package org.kmlab.run.km;

import java.util.List;
import java.util.Locale;

/**
 * Pawula's theorem (Pawula 1967) made into a test on data: if the fourth Kramers–Moyal
 * coefficient D₄ = M₄/4! vanishes, every coefficient beyond the second does, and the process is a
 * diffusion that the Fokker–Planck equation describes exactly; if not, the expansion does not stop
 * and Fokker–Planck is an approximation. Estimated over a finite Δt, D₄ never vanishes: a
 * diffusion's increments give M₄(τ) = 3B²τ + O(τ²) → 0, a jump process's M₄(τ) → Σν⁴a/Ω⁴ &gt; 0.
 * So the test extrapolates D₄ to Δt → 0 ({@link DtExtrapolation}) in every well-populated bin
 * and asks what share r = D₄(0)/D₄(Δt) of its value at Δt survives, pooled over the bins
 * (inverse-variance weighted):
 * <ul>
 *   <li>{@link Verdict#JUMPS}: r &gt; 10 % and more than 4 standard errors above 0;</li>
 *   <li>{@link Verdict#DIFFUSION}: r + 4 SE &lt; 10 %;</li>
 *   <li>{@link Verdict#UNDECIDED}: neither (too few data for this Δt).</li>
 * </ul>
 * The 10 % is a judgment: where a tenth of D₄ is left at Δt → 0, jumps shape the increments at
 * this time resolution. An Ornstein–Uhlenbeck walk of spacing h has real jumps (D₄(0) = D·h²/24),
 * and a Δt short enough to resolve them (a few jumps per Δt) says so, as it should.
 *
 * <p>Also reported, at the best-populated bin, the ratio Q = M₆/(5·M₄) at Δt (Anvari et al. 2016;
 * the D₆/(5·D₄) with moments in place of coefficients). For Gaussian increments of variance
 * BΔt it is BΔt; for jumps it tends to the jump amplitude's square scale (h²/5 for steps ±h) while
 * BΔt → 0, so Q/(BΔt) well above 1 is a second sign of jumps.
 */
public record PawulaTest(Verdict verdict, double share, double shareSe, int bins, double x, double q, double bDt) {
    /** Points with fewer increments at Δt are left out of the pooled share. */
    public static final double MIN_SAMPLES = 500;
    /** The share of D₄(Δt) that must survive Δt → 0 for jumps to matter. */
    public static final double THRESHOLD = 0.10;

    public enum Verdict { JUMPS, DIFFUSION, UNDECIDED }

    /**
     * @param lags    binned estimates at Δt, 2Δt, … (the same bins)
     * @param zero    their extrapolation to Δt → 0
     */
    public static PawulaTest of(List<MomentEstimates> lags, MomentEstimates zero) {
        MomentEstimates first = lags.get(0);
        double sw = 0, swr = 0, best = -1;
        int bins = 0, bestIndex = -1;
        for (int i = 0; i < first.size(); i++) {
            if (first.samples(i) > best && first.has(4, i) && first.has(2, i)) { best = first.samples(i); bestIndex = i; }
            if (first.samples(i) < MIN_SAMPLES || !first.has(4, i) || !zero.has(4, i)) continue;
            double d4 = first.moment(4, i);
            if (!(d4 > 0)) continue;
            double r = zero.moment(4, i) / d4, s = zero.se(4, i) / d4;
            if (!(s > 0)) continue;
            sw += 1 / (s * s);
            swr += r / (s * s);
            bins++;
        }
        double share = bins > 0 ? swr / sw : Double.NaN, se = bins > 0 ? 1 / Math.sqrt(sw) : Double.NaN;
        Verdict v;
        if (bins == 0) v = Verdict.UNDECIDED;
        else if (share > THRESHOLD && share - 4 * se > 0) v = Verdict.JUMPS;
        else if (share + 4 * se < THRESHOLD) v = Verdict.DIFFUSION;
        else v = Verdict.UNDECIDED;
        double x = Double.NaN, q = Double.NaN, bDt = Double.NaN;
        if (bestIndex >= 0) {
            x = first.x(bestIndex);
            double m4 = first.moment(4, bestIndex), m6 = first.moment(6, bestIndex);
            q = m4 > 0 ? m6 / (5 * m4) : Double.NaN;
            bDt = first.moment(2, bestIndex) * first.tau();
        }
        return new PawulaTest(v, share, se, bins, x, q, bDt);
    }

    /** The verdict in a sentence, e.g. "D₄ does not vanish as Δt → 0 (31 ± 2 % of it is left): jumps matter here; FP is an approximation". */
    public String line() {
        return switch (verdict) {
            case JUMPS -> String.format(Locale.ROOT, "D₄ does not vanish as Δt → 0 (%.0f ± %.0f %% of it is left): jumps matter here; FP is an approximation",
                    100 * share, 100 * shareSe);
            case DIFFUSION -> String.format(Locale.ROOT, "D₄ vanishes as Δt → 0 (%.1f ± %.1f %% is left): a diffusion suffices (Pawula); FP describes these data",
                    100 * share, 100 * shareSe);
            case UNDECIDED -> bins == 0 ? "Pawula: too few data to extrapolate D₄ to Δt → 0"
                    : String.format(Locale.ROOT, "Pawula: cannot tell whether D₄ vanishes as Δt → 0 (%.0f ± %.0f %% is left); more data or another Δt", 100 * share, 100 * shareSe);
        };
    }

    /** Q = M₆/(5M₄) beside the diffusion's BΔt, e.g. "Q = M₆/(5·M₄) = 0.21 at x = 10; a diffusion gives B·Δt = 0.05". */
    public String qLine() {
        if (!Double.isFinite(q)) return "";
        return String.format(Locale.ROOT, "Q = M₆/(5·M₄) = %.3g at x = %.3g; a diffusion would give B·Δt = %.3g", q, x, bDt);
    }
}
