package org.kmlab.chart;

import org.kmlab.model.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The panes kmlab has, in the window's reading order: the one list everything else iterates over. */
public final class Panes {
    public static final PaneKind DISTRIBUTION = new PaneKind("distribution", "Distribution",
            "P(x, t) at the time on show, as a density in x = n/Ω: ensemble histograms as bars, the master equation as points, "
                    + "Fokker–Planck, LNA and the truncated Kramers–Moyal expansions (KM2–KM4) as lines. Where they part, the "
                    + "approximation fails; where a truncation goes below zero (Pawula), its negative part is filled in magenta.",
            m -> true, "", List.of(new PaneOption(DistributionPane.FOLLOW_CLOUD, "x axis follows the cloud",
                    "the x axis spans the cloud at the time on show (every solver's mean ± 5 s.d.) instead of the whole run's range: "
                            + "at large Ω the cloud is far narrower than the distance it drifts"),
                    new PaneOption(DistributionPane.LOG_SCALE, "log probability axis",
                            "a logarithmic probability axis, eight decades down from the peak: the tails, where Fokker–Planck and the "
                                    + "master equation part (negative parts of a truncation are not shown on it)")), DistributionPane::new);
    public static final PaneKind CLOUD = new PaneKind("cloud", "Probability cloud",
            "Two species at once: the joint density as shading, trajectories as dots, the LNA's 1σ and 2σ ellipses and the "
                    + "deterministic path. The cloud drifts along the path and spreads around it. With more than two species, "
                    + "choose the pair under the pane.",
            m -> m.speciesCount() >= 2, "a model with 2 species", List.of(new PaneOption(CloudPane.TRAIL, "fading trail",
                    "leave the cloud of a few earlier output times behind, fading with age (the trajectories' states and the LNA's "
                            + "1σ ellipse): its drift along the deterministic path in one still picture")), CloudPane::new);
    public static final PaneKind TIME_COURSE = new PaneKind("timecourse", "Time course",
            "Each solver's mean over time, the ensemble's mean ± 1 s.d. and a few trajectories, with the deterministic path "
                    + "dx/dt = A(x). One panel per species.",
            m -> true, "", List.of(
                    new PaneOption(TimeCoursePane.SHADING, "P(x, t) shading",
                            "the cloud in space and time: P(x, t) of the master equation (else Fokker–Planck, else the ensemble) as shading "
                                    + "behind the paths, time across and x up: watch it drift and spread"),
                    new PaneOption(TimeCoursePane.DIFFERENCE, "FP − CME shading",
                            "the signed difference of the Fokker–Planck and master-equation densities over space and time (red: FP too "
                                    + "high, blue: too low): where and when the approximation is off")), TimeCoursePane::new);
    public static final PaneKind KRAMERS_MOYAL = new PaneKind("km", "Kramers–Moyal coefficients",
            "The drift A(x) = M₁ and diffusion B(x) = M₂ that the Fokker–Planck equation keeps; M₃/3! and M₄/4!, which it "
                    + "drops, on the right axis. The k-th shrinks like Ω^(1−k).",
            m -> true, "", List.of(new PaneOption(KramersMoyalPane.HIGHER_ORDERS, "show M₃/3!, M₄/4! (right axis)",
                    "the third and fourth jump moments, which the Fokker–Planck equation leaves out"),
                    new PaneOption(KramersMoyalPane.ESTIMATE, "estimate from the run (SSA, CLE)",
                            "measure D_k = M_k/k! from the increments of the run's trajectories over Δt (one species; the run restarts), "
                                    + "drawn over the analytic curves with Pawula's verdict: does D₄ vanish as Δt → 0?")), KramersMoyalPane::new);
    public static final PaneKind PROFILE = new PaneKind("profile", "Profile across species",
            "The species in order along x (the cells of a chain) and each solver's mean count at the time on show with ±1 s.d. "
                    + "error bars; for a first-order (linear) network the exact mean ± 1 s.d. from its moment equations as a thin line "
                    + "in a band. Watch a concentration profile relax by diffusion.",
            m -> m.speciesCount() >= 3, "a model with 3 or more species", List.of(), ProfilePane::new);
    public static final PaneKind FIRST_PASSAGE = new PaneKind("firstpassage", "First passage",
            "Survival S(t), the probability of not having entered the model's absorbing set (e.g. extinction, X ≤ 0) by time t, "
                    + "from each solver, with its mean first-passage time in the legend and the exact one of a one-step process "
                    + "(Gardiner's closed sum) above. The ensemble's mean is over the trajectories absorbed by the end: run long "
                    + "enough that few are censored.",
            m -> !m.absorbing().isEmpty(), "an absorbing set (a preset's \"absorbing\" list)", List.of(), FirstPassagePane::new);
    public static final PaneKind SERIES = new PaneKind("series", "Time series vs Fokker–Planck",
            "A time series opened with File ▸ Open time series…: the histogram of its values and the stationary Fokker–Planck "
                    + "density of the drift and diffusion estimated from it, with their L1 distance. If the two agree to within "
                    + "sampling noise, the data are a diffusion with these coefficients.",
            m -> true, "", List.of(), SeriesFitPane::new);

    public static final PaneKind SWEEP = new PaneKind("sweep", "System-size sweep",
            "Each approximation's distance to the master equation at time T against the swept parameter, on log–log axes: a straight "
                    + "line is a power law, and its fitted slope is in the legend (against Ω: −1 for Fokker–Planck, −½ for the linear noise "
                    + "approximation). On the right, the Kramers–Moyal coefficients at the fixed point: the k-th falls like Ω^(1−k), which is "
                    + "why the expansion may stop after the second.",
            m -> true, "", List.of(new PaneOption(SweepPane.HELLINGER, "Hellinger instead of L1",
                    "the Hellinger distance (of the square roots of the densities) instead of the L1 distance ∫|p − q|")), SweepPane::new);

    public static final PaneKind PASSAGE_SWEEP = new PaneKind("passage", "Mean first-passage time against Ω",
            "The mean first-passage time T into the absorbing set (or between the wells of a bistable model) against Ω, on a log T "
                    + "axis, from the exact sum, each solver and Kramers' formula: a straight line is T ∝ e^{SΩ}, and the fitted exponent "
                    + "S is in the legend. Fokker–Planck gets S wrong.",
            m -> true, "", List.of(), PassageSweepPane::new);

    private static final List<PaneKind> ALL = List.of(DISTRIBUTION, CLOUD, TIME_COURSE, KRAMERS_MOYAL, PROFILE, FIRST_PASSAGE, SERIES, SWEEP, PASSAGE_SWEEP);
    /** Panes fed by an analysis rather than by a run: there only when that analysis has a result. */
    private static final Map<PaneKind, Class<?>> FED_BY = Map.of(SWEEP, org.kmlab.run.sweep.SweepResult.class,
            PASSAGE_SWEEP, org.kmlab.run.sweep.PassageResult.class,
            SERIES, org.kmlab.run.km.SeriesAnalysis.class);

    private Panes() {}

    public static List<PaneKind> all() { return ALL; }

    /** The panes a run of this model feeds, in reading order (no analysis panes). */
    public static List<PaneKind> forModel(Model m) { return forModel(m, Set.of()); }

    /** The panes for a model when these analyses have results: the run's, and the analysis panes whose result exists. */
    public static List<PaneKind> forModel(Model m, Set<Class<?>> analyses) {
        List<PaneKind> out = new ArrayList<>();
        for (PaneKind k : ALL) {
            Class<?> fed = FED_BY.get(k);
            if (k.appliesTo(m) && (fed == null || analyses.contains(fed))) out.add(k);
        }
        return out;
    }

    /** The analysis whose result feeds this pane (a sweep…), or empty for a pane fed by a run. */
    public static Optional<Class<?>> analysisOf(PaneKind k) { return Optional.ofNullable(FED_BY.get(k)); }

    /** The pane with this id (the CLI's --figure name). */
    public static PaneKind named(String id) {
        String want = id.trim().toLowerCase(Locale.ROOT);
        for (PaneKind k : ALL) if (k.id().equals(want)) return k;
        throw new IllegalArgumentException("unknown figure '" + id + "': use " + String.join(", ", ALL.stream().map(PaneKind::id).toList()) + " or all");
    }
}
