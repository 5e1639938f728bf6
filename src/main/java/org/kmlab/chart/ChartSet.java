package org.kmlab.chart;

import org.kmlab.model.Model;
import org.kmlab.model.Species;
import org.kmlab.run.ModelCurves;
import org.kmlab.run.Recording;
import org.kmlab.solve.Snapshot;

import java.util.List;

/**
 * The four chart panes of one model (distribution, time course, Kramers–Moyal coefficients and,
 * for two or more species, the probability cloud) and how a recording feeds them at output index
 * k. The window's chart board and the figure export both use it, so the CLI figure is the picture
 * the window shows. JFreeChart is not thread-safe: use an instance from one thread.
 */
public final class ChartSet {
    /** Sample paths drawn in the time course. */
    public static final int SAMPLE_PATHS = 5;
    /** Runge–Kutta steps of the deterministic path in the cloud. */
    public static final int PATH_STEPS = 400;

    private final List<String> speciesNames;
    private final DistributionChart distribution;
    private final TimeCourseChart timeCourse;
    private final KramersMoyalChart kramersMoyal;
    private final CloudChart cloud;
    private Model model;
    private double tEnd;
    private String kmKey = "";

    /**
     * Where the Kramers–Moyal curves are drawn: {@code ranges[s] = {lo, hi}} along species s (x
     * units), the other species held at {@code at} (the SSA mean on show, else the initial state).
     */
    public record KramersMoyalView(double[][] ranges, double[] at) {}

    /** @param tEnd the run's end time (the horizon of the cloud's deterministic path) */
    public ChartSet(Model model, double tEnd, ChartStyle style) {
        this.model = model;
        this.tEnd = tEnd;
        speciesNames = names(model);
        distribution = new DistributionChart(speciesNames, style);
        timeCourse = new TimeCourseChart(speciesNames, SAMPLE_PATHS, style);
        kramersMoyal = new KramersMoyalChart(speciesNames, style);
        cloud = model.speciesCount() >= 2 ? new CloudChart(speciesNames, style) : null;
        drawDeterministicPath();
    }

    private static List<String> names(Model m) { return m.species().stream().map(Species::name).toList(); }

    public Model model() { return model; }
    public DistributionChart distribution() { return distribution; }
    public TimeCourseChart timeCourse() { return timeCourse; }
    public KramersMoyalChart kramersMoyal() { return kramersMoyal; }
    /** The probability cloud, or null for a one-species model. */
    public CloudChart cloud() { return cloud; }

    /** Whether {@code m} has the species (by name, in order) these charts were built for. */
    public boolean fits(Model m) { return names(m).equals(speciesNames); }

    /**
     * New parameters of a model with the same species: the axis ranges start afresh, the KM curves
     * and the deterministic path follow. A model with other species needs a new ChartSet.
     */
    public void setModel(Model m) {
        if (!fits(m)) throw new IllegalArgumentException("the charts are for species " + speciesNames + ", not " + names(m));
        model = m;
        kmKey = "";
        distribution.resetRanges();
        drawDeterministicPath();
    }

    /** A new end time: the cloud's deterministic path is redrawn to it. */
    public void setTEnd(double t) {
        tEnd = t;
        drawDeterministicPath();
    }

    private void drawDeterministicPath() {
        if (cloud != null) cloud.setDeterministicPath(ModelCurves.deterministicPath(model, tEnd, PATH_STEPS), tEnd);
    }

    /** Shows output index k of the recording in every pane (one frame of the window). */
    public void show(Recording recording, int k, boolean higherOrders) {
        distribution.show(recording, k);
        timeCourse.show(recording, k);
        if (cloud != null) cloud.show(recording, k);
        drawKramersMoyal(kramersMoyalView(distribution, model, recording, k), higherOrders);
    }

    /**
     * Shows the run as a window that played it from the start to index k: the distribution's and
     * the cloud's axis ranges only grow while playing, so every index up to k is shown in turn.
     */
    public void play(Recording recording, int k, boolean higherOrders) {
        for (int j = 0; j <= k; j++) show(recording, j, higherOrders);
    }

    /** Before any run: only the KM coefficients, around the initial state. */
    public void showModelOnly(boolean higherOrders) {
        drawKramersMoyal(kramersMoyalView(distribution, model, null, -1), higherOrders);
    }

    /** Where the KM pane draws its curves now (after {@link #show} or {@link #showModelOnly}). */
    public KramersMoyalView kramersMoyalView(Recording recording, int k) {
        return kramersMoyalView(distribution, model, recording, k);
    }

    /**
     * Where the KM pane of a window that played {@code recording} from the start to index k
     * draws its curves, without drawing the other panes (for data exports).
     */
    public static KramersMoyalView kramersMoyalViewAfterPlaying(Model model, Recording recording, int k) {
        DistributionChart d = new DistributionChart(names(model), ChartStyle.light());
        for (int j = 0; j <= k; j++) d.show(recording, j);
        return kramersMoyalView(d, model, recording, k);
    }

    /**
     * The x range the distribution shows (else ±max(1, |x|) around the point), never below 0 for a
     * count (unsigned species), at the SSA mean (else the initial state). The KM pane and km.csv
     * both use this, so they cover the same x.
     */
    private static KramersMoyalView kramersMoyalView(DistributionChart distribution, Model model, Recording recording, int k) {
        int d = model.speciesCount();
        double[] at = model.initialX();
        Snapshot ssa = recording == null || k < 0 ? null : recording.atOrBefore("ssa", k);
        if (ssa != null) at = ssa.mean();
        double[][] ranges = new double[d][];
        for (int s = 0; s < d; s++) {
            ranges[s] = distribution.shownRange(s);
            if (ranges[s] == null) {
                double w = Math.max(1, Math.abs(at[s]));
                ranges[s] = new double[] {at[s] - w, at[s] + w};
            }
            if (!model.species().get(s).signed() && ranges[s][0] < 0) {
                ranges[s] = new double[] {0, Math.max(ranges[s][1], 1e-9)};
            }
        }
        return new KramersMoyalView(ranges, at);
    }

    /** Redraws the KM curves only when the range, the model, the orders or (2-D) the held point changed. */
    private void drawKramersMoyal(KramersMoyalView view, boolean higher) {
        StringBuilder key = new StringBuilder(System.identityHashCode(model) + ":" + higher);
        for (double[] r : view.ranges()) key.append(':').append(r[0]).append(',').append(r[1]);
        if (view.at().length > 1) for (double a : view.at()) key.append(':').append(String.format("%.2g", a));
        if (key.toString().equals(kmKey)) return;
        kmKey = key.toString();
        kramersMoyal.show(model, view.ranges(), view.at(), higher);
    }
}
