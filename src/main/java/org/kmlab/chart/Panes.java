package org.kmlab.chart;

import org.kmlab.model.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The panes kmlab has, in the window's reading order: the one list everything else iterates over. */
public final class Panes {
    public static final PaneKind DISTRIBUTION = new PaneKind("distribution", "Distribution",
            "P(x, t) at the time on show, as a density in x = n/Ω: ensemble histograms as bars, the master equation as points, "
                    + "Fokker–Planck and LNA as lines. Where they part, the approximation fails.",
            m -> true, "", List.of(), DistributionPane::new);
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

    private static final List<PaneKind> ALL = List.of(DISTRIBUTION, CLOUD, TIME_COURSE, KRAMERS_MOYAL);

    private Panes() {}

    public static List<PaneKind> all() { return ALL; }

    /** The panes that apply to a model, in reading order. */
    public static List<PaneKind> forModel(Model m) {
        List<PaneKind> out = new ArrayList<>();
        for (PaneKind k : ALL) if (k.appliesTo(m)) out.add(k);
        return out;
    }

    /** The pane with this id (the CLI's --figure name). */
    public static PaneKind named(String id) {
        String want = id.trim().toLowerCase(Locale.ROOT);
        for (PaneKind k : ALL) if (k.id().equals(want)) return k;
        throw new IllegalArgumentException("unknown figure '" + id + "': use " + String.join(", ", ALL.stream().map(PaneKind::id).toList()) + " or all");
    }
}
