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
                            + "at large Ω the cloud is far narrower than the distance it drifts")), DistributionPane::new);
    public static final PaneKind CLOUD = new PaneKind("cloud", "Probability cloud",
            "Two species at once: the joint density as shading, trajectories as dots, the LNA's 1σ and 2σ ellipses and the "
                    + "deterministic path. The cloud drifts along the path and spreads around it.",
            m -> m.speciesCount() >= 2, "a model with 2 species", List.of(), CloudPane::new);
    public static final PaneKind TIME_COURSE = new PaneKind("timecourse", "Time course",
            "Each solver's mean over time, the ensemble's mean ± 1 s.d. and a few trajectories, with the deterministic path "
                    + "dx/dt = A(x). One panel per species.",
            m -> true, "", List.of(), TimeCoursePane::new);
    public static final PaneKind KRAMERS_MOYAL = new PaneKind("km", "Kramers–Moyal coefficients",
            "The drift A(x) = M₁ and diffusion B(x) = M₂ that the Fokker–Planck equation keeps; M₃/3! and M₄/4!, which it "
                    + "drops, on the right axis. The k-th shrinks like Ω^(1−k).",
            m -> true, "", List.of(new PaneOption(KramersMoyalPane.HIGHER_ORDERS, "show M₃/3!, M₄/4! (right axis)",
                    "the third and fourth jump moments, which the Fokker–Planck equation leaves out")), KramersMoyalPane::new);

    public static final PaneKind SWEEP = new PaneKind("sweep", "System-size sweep",
            "Each approximation's distance to the master equation at time T against the swept parameter, on log–log axes: a straight "
                    + "line is a power law, and its fitted slope is in the legend (against Ω: −1 for Fokker–Planck, −½ for the linear noise "
                    + "approximation). On the right, the Kramers–Moyal coefficients at the fixed point: the k-th falls like Ω^(1−k), which is "
                    + "why the expansion may stop after the second.",
            m -> true, "", List.of(new PaneOption(SweepPane.HELLINGER, "Hellinger instead of L1",
                    "the Hellinger distance (of the square roots of the densities) instead of the L1 distance ∫|p − q|")), SweepPane::new);

    private static final List<PaneKind> ALL = List.of(DISTRIBUTION, CLOUD, TIME_COURSE, KRAMERS_MOYAL, SWEEP);
    /** Panes fed by an analysis rather than by a run: there only when that analysis has a result. */
    private static final Map<PaneKind, Class<?>> FED_BY = Map.of(SWEEP, org.kmlab.run.sweep.SweepResult.class);

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
