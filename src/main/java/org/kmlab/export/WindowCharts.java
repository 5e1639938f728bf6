package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.CloudChart;
import org.kmlab.chart.DistributionChart;
import org.kmlab.chart.KramersMoyalChart;
import org.kmlab.chart.TimeCourseChart;
import org.kmlab.model.Model;
import org.kmlab.model.Species;
import org.kmlab.run.ModelCurves;
import org.kmlab.run.Recording;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverOptions;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The window's chart panes for one model, built by {@code org.kmlab.chart} and fed a recording the
 * way the window's {@code ChartsView} feeds them, but without JavaFX: so a figure made from the
 * command line is the picture the window shows for the same model, settings and seed. Not
 * thread-safe: use it from one thread.
 */
public final class WindowCharts {
    /** Sample paths in the time course, as in the window. */
    public static final int SAMPLE_PATHS = 5;
    /** Steps of the deterministic path in the cloud, as in the window. */
    static final int PATH_STEPS = 400;

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

    private final Model model;
    private final DistributionChart distribution;
    private final TimeCourseChart timeCourse;
    private final KramersMoyalChart kramersMoyal;
    private final CloudChart cloud;
    private boolean higherOrders;

    /** @param tEnd the run's end time (the horizon of the cloud's deterministic path) */
    public WindowCharts(Model model, double tEnd, ChartStyle style) {
        this.model = model;
        List<String> names = model.species().stream().map(Species::name).toList();
        distribution = new DistributionChart(names, style);
        timeCourse = new TimeCourseChart(names, SAMPLE_PATHS, style);
        kramersMoyal = new KramersMoyalChart(names, style);
        if (model.speciesCount() >= 2) {
            cloud = new CloudChart(names, style);
            cloud.setDeterministicPath(ModelCurves.deterministicPath(model, tEnd, PATH_STEPS), tEnd);
        } else {
            cloud = null;
        }
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
        if (cloud != null) out.add(Pane.CLOUD);
        out.add(Pane.TIME_COURSE);
        out.add(Pane.KRAMERS_MOYAL);
        return out;
    }

    public boolean has(Pane p) { return p != Pane.CLOUD || cloud != null; }

    public JFreeChart chart(Pane p) {
        return switch (p) {
            case DISTRIBUTION -> distribution.chart();
            case TIME_COURSE -> timeCourse.chart();
            case KRAMERS_MOYAL -> kramersMoyal.chart();
            case CLOUD -> {
                if (cloud == null) throw new IllegalArgumentException("the probability cloud needs a model with 2 species; this one has " + model.speciesCount());
                yield cloud.chart();
            }
        };
    }

    /** The window's "show M₃/3!, M₄/4!" box (off by default). */
    public void setHigherOrders(boolean on) { higherOrders = on; }

    /**
     * Shows the run as a window that played it from the start to index k: the distribution's and
     * the cloud's axis ranges only grow while playing, so every index up to k is shown in turn.
     */
    public void play(Recording recording, int k) {
        for (int j = 0; j <= k; j++) show(recording, j);
    }

    /** Shows index k, as the window's ChartsView does for one frame. */
    public void show(Recording recording, int k) {
        distribution.show(recording, k);
        timeCourse.show(recording, k);
        if (cloud != null) cloud.show(recording, k);
        drawKramersMoyal(recording, k);
    }

    /** Before any run: only the KM coefficients, around the initial state (as the window shows them). */
    public void showModelOnly() {
        drawKramersMoyal(null, -1);
    }

    /** KM coefficients over the x range the distribution shows, at the SSA mean (else the initial state). */
    private void drawKramersMoyal(Recording recording, int k) {
        int d = model.speciesCount();
        double[][] ranges = new double[d][];
        double[] at = model.initialX();
        Snapshot ssa = recording == null ? null : recording.atOrBefore("ssa", k);
        if (ssa != null) at = ssa.mean();
        for (int s = 0; s < d; s++) {
            ranges[s] = distribution.shownRange(s);
            if (ranges[s] == null) {
                double w = Math.max(1, Math.abs(at[s]));
                ranges[s] = new double[] {at[s] - w, at[s] + w};
            }
        }
        kramersMoyal.show(model, ranges, at, higherOrders);
    }
}
