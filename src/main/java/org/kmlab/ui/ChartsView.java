package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.jfree.chart.fx.ChartViewer;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.CloudChart;
import org.kmlab.chart.DistributionChart;
import org.kmlab.chart.KramersMoyalChart;
import org.kmlab.chart.TimeCourseChart;
import org.kmlab.model.Model;
import org.kmlab.model.Species;
import org.kmlab.run.ModelCurves;
import org.kmlab.run.Recording;
import org.kmlab.run.Run;
import org.kmlab.solve.Snapshot;

import java.util.List;

/**
 * The chart panes: distribution, time course, Kramers–Moyal coefficients and, for 2-species
 * models, the probability cloud. Charts are built by {@code org.kmlab.chart} (shared with the
 * exporters); this view only places them and hands them the run's recording once per frame.
 */
public final class ChartsView extends GridPane {
    private static final int SAMPLE_PATHS = 5;
    private final CheckBox higherOrders = new CheckBox("show M₃/3!, M₄/4!");
    private DistributionChart distribution;
    private TimeCourseChart timeCourse;
    private KramersMoyalChart kramersMoyal;
    private CloudChart cloud;
    private Model model;
    private ChartStyle style = ChartStyle.light();
    private String kmKey = "";

    public ChartsView() {
        getStyleClass().add("charts");
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        higherOrders.setId("km-higher");
        higherOrders.selectedProperty().addListener((o, a, b) -> kmKey = "");
    }

    public DistributionChart distribution() { return distribution; }
    public TimeCourseChart timeCourse() { return timeCourse; }
    public KramersMoyalChart kramersMoyal() { return kramersMoyal; }
    public CloudChart cloud() { return cloud; }

    /** Builds the charts for a model in a style (a new model, or a new theme). */
    public void rebuild(Model m, ChartStyle s) {
        model = m;
        style = s;
        kmKey = "";
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        List<String> names = m.species().stream().map(Species::name).toList();
        distribution = new DistributionChart(names, s);
        timeCourse = new TimeCourseChart(names, SAMPLE_PATHS, s);
        kramersMoyal = new KramersMoyalChart(names, s);
        BorderPane km = new BorderPane(viewer(kramersMoyal.chart(), "chart-km"));
        km.setBottom(higherOrders);
        BorderPane.setMargin(higherOrders, new Insets(2, 8, 2, 8));
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
        if (m.speciesCount() >= 2) {
            cloud = new CloudChart(names, s);
            cloud.setDeterministicPath(ModelCurves.deterministicPath(m, tEnd(), 400), tEnd());
            add(viewer(distribution.chart(), "chart-distribution"), 0, 0);
            add(viewer(cloud.chart(), "chart-cloud"), 1, 0);
            add(viewer(timeCourse.chart(), "chart-time"), 0, 1);
            add(km, 1, 1);
        } else {
            cloud = null;
            add(viewer(distribution.chart(), "chart-distribution"), 0, 0, 1, 2);
            add(viewer(timeCourse.chart(), "chart-time"), 1, 0);
            add(km, 1, 1);
        }
    }

    private double tEndValue = 10;

    private double tEnd() { return tEndValue; }

    /** The horizon of the deterministic path (the run's end time). */
    public void setTEnd(double t) {
        tEndValue = t;
        if (cloud != null && model != null) cloud.setDeterministicPath(ModelCurves.deterministicPath(model, t, 400), t);
    }

    /** New parameters: axis ranges start afresh, the KM curves and deterministic path are redrawn. */
    public void modelChanged(Model m) {
        if (model == null || !model.species().stream().map(Species::name).toList().equals(m.species().stream().map(Species::name).toList())) {
            rebuild(m, style);   // another model altogether
            return;
        }
        model = m;
        kmKey = "";
        if (distribution != null) distribution.resetRanges();
        setTEnd(tEndValue);
    }

    private ChartViewer viewer(org.jfree.chart.JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setMinSize(200, 150);
        v.setPrefSize(400, 300);
        return v;
    }

    /** Draws the run at output index k. */
    public void show(Run run, int k) {
        if (model == null) return;
        if (run == null) {
            drawKramersMoyal(null, -1);
            return;
        }
        Recording rec = run.recording();
        distribution.show(rec, k);
        timeCourse.show(rec, k);
        if (cloud != null) cloud.show(rec, k);
        drawKramersMoyal(rec, k);
    }

    /** KM curves over the x range on show, redrawn only when that range (or the model) changes. */
    private void drawKramersMoyal(Recording rec, int k) {
        int d = model.speciesCount();
        double[][] ranges = new double[d][];
        double[] at = model.initialX();
        Snapshot ssa = rec == null ? null : rec.atOrBefore("ssa", k);
        if (ssa != null) at = ssa.mean();
        for (int s = 0; s < d; s++) {
            ranges[s] = distribution.shownRange(s);
            if (ranges[s] == null) {
                double w = Math.max(1, Math.abs(at[s]));
                ranges[s] = new double[] {at[s] - w, at[s] + w};
            }
        }
        StringBuilder key = new StringBuilder(model.hashCode() + ":" + higherOrders.isSelected());
        for (double[] r : ranges) key.append(':').append(r[0]).append(',').append(r[1]);
        if (d > 1) for (double a : at) key.append(':').append(String.format("%.2g", a));
        if (key.toString().equals(kmKey)) return;
        kmKey = key.toString();
        kramersMoyal.show(model, ranges, at, higherOrders.isSelected());
    }
}
