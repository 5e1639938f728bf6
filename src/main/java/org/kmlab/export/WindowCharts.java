package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.ChartSet;
import org.kmlab.model.Model;
import org.kmlab.run.Recording;
import org.kmlab.solve.SolverOptions;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The window's chart panes for one model, named as {@code --figure} names them: a
 * {@link ChartSet}, the code that builds and feeds the window's charts, so a figure made from the
 * command line is the picture the window shows for the same model, settings and seed. Not
 * thread-safe: use it from one thread.
 */
public final class WindowCharts {
    /** The panes, by their {@code --figure} names. */
    public enum Pane {
        DISTRIBUTION("distribution"), TIME_COURSE("timecourse"), KRAMERS_MOYAL("km"), CLOUD("cloud");

        private final String cliName;

        Pane(String cliName) { this.cliName = cliName; }

        public String cliName() { return cliName; }

        public static Pane named(String name) {
            for (Pane p : values()) if (p.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) return p;
            throw new IllegalArgumentException("unknown figure '" + name + "': use distribution, timecourse, km, cloud or all");
        }
    }

    private final ChartSet charts;
    private boolean higherOrders;

    /** @param tEnd the run's end time (the horizon of the cloud's deterministic path) */
    public WindowCharts(Model model, double tEnd, ChartStyle style) {
        charts = new ChartSet(model, tEnd, style);
    }

    /** The solver options of a window run (kept states: 20 sample paths in 1-D, 2000 for the 2-D cloud). */
    public static SolverOptions solverOptions(Model m) {
        return SolverOptions.defaults().withKeepSamples(m.speciesCount() >= 2 ? 2000 : 20);
    }

    /**
     * Each solver colour of every window theme pinned to one palette slot, so that in the
     * publication style SSA is always blue, FP vermillion, CLE green, LNA purple and the
     * deterministic path orange, in every figure (the CME stays black: greys keep their grey).
     */
    public static Map<Color, Integer> solverSlots() {
        Map<Color, Integer> slots = new HashMap<>();
        for (ChartStyle s : List.of(ChartStyle.light(), ChartStyle.dark(), ChartStyle.classroom())) {
            slots.put(s.ssa(), 0);
            slots.put(s.fp(), 1);
            slots.put(s.cle(), 2);
            slots.put(s.lna(), 3);
            slots.put(s.deterministic(), 4);
        }
        return slots;
    }

    /** The publication style with the solvers' colours pinned (see {@link #solverSlots()}). */
    public static PublicationStyle publicationStyle(PublicationStyle base) {
        return base.withFixedSlots(solverSlots());
    }

    /** The panes of this model in the window's reading order: distribution, cloud (2-D only), time course, KM. */
    public List<Pane> panes() {
        List<Pane> out = new ArrayList<>(List.of(Pane.DISTRIBUTION));
        if (charts.cloud() != null) out.add(Pane.CLOUD);
        out.add(Pane.TIME_COURSE);
        out.add(Pane.KRAMERS_MOYAL);
        return out;
    }

    public boolean has(Pane p) { return p != Pane.CLOUD || charts.cloud() != null; }

    public JFreeChart chart(Pane p) {
        return switch (p) {
            case DISTRIBUTION -> charts.distribution().chart();
            case TIME_COURSE -> charts.timeCourse().chart();
            case KRAMERS_MOYAL -> charts.kramersMoyal().chart();
            case CLOUD -> {
                if (charts.cloud() == null) {
                    throw new IllegalArgumentException("the probability cloud needs a model with 2 species; this one has " + charts.model().speciesCount());
                }
                yield charts.cloud().chart();
            }
        };
    }

    /** The window's "show M₃/3!, M₄/4!" box (off by default). */
    public void setHigherOrders(boolean on) { higherOrders = on; }

    /** Shows the run as a window that played it from the start to index k (see {@link ChartSet#play}). */
    public void play(Recording recording, int k) { charts.play(recording, k, higherOrders); }

    /** Shows index k, as the window does for one frame. */
    public void show(Recording recording, int k) { charts.show(recording, k, higherOrders); }

    /** Before any run: only the KM coefficients, around the initial state (as the window shows them). */
    public void showModelOnly() { charts.showModelOnly(higherOrders); }
}
