package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.CloudChart;
import org.kmlab.chart.DistributionChart;
import org.kmlab.chart.KramersMoyalChart;
import org.kmlab.chart.TimeCourseChart;
import org.kmlab.model.Model;
import org.kmlab.run.Run;

import java.util.HashMap;
import java.util.Map;

/**
 * The chart panes: distribution, time course, Kramers–Moyal coefficients and, for 2-species
 * models, the probability cloud. The charts themselves live on the render thread
 * ({@link ChartRenderer}); this view lays out the panes, asks for frames and shows the newest one.
 */
public final class ChartsView extends GridPane implements AutoCloseable {
    private final CheckBox higherOrders = new CheckBox("show M₃/3!, M₄/4!");
    private final ChartRenderer renderer = new ChartRenderer();
    private final Map<String, ChartPane> panes = new HashMap<>();
    private ChartStyle style = ChartStyle.light();
    private Model model;
    private Run lastRun;
    private int lastIndex;
    private long framesShown;
    private int shownIndex = -1;

    public ChartsView() {
        getStyleClass().add("charts");
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        higherOrders.setId("km-higher");
        higherOrders.selectedProperty().addListener((o, a, b) -> show(lastRun, lastIndex));
        for (String id : new String[] {ChartBoard.DISTRIBUTION, ChartBoard.TIME, ChartBoard.KM, ChartBoard.CLOUD}) {
            ChartPane p = new ChartPane("chart-" + id);
            p.widthProperty().addListener((o, a, b) -> show(lastRun, lastIndex));
            p.heightProperty().addListener((o, a, b) -> show(lastRun, lastIndex));
            panes.put(id, p);
        }
    }

    /** The charts (owned by the render thread: read them, for tests, only once a frame has been shown). */
    public DistributionChart distribution() { return renderer.board().distribution(); }
    public TimeCourseChart timeCourse() { return renderer.board().timeCourse(); }
    public KramersMoyalChart kramersMoyal() { return renderer.board().kramersMoyal(); }
    public CloudChart cloud() { return renderer.board().cloud(); }

    /** The shortest time to leave between two frames (see {@link ChartRenderer#minIntervalNanos}). */
    long minFrameIntervalNanos() { return renderer.minIntervalNanos(); }

    /** Why the charts could not be drawn, or "". */
    String drawingProblem() { return renderer.problem(); }

    /** Frames drawn and shown so far. */
    public long framesShown() { return framesShown; }

    /** Builds the charts and the layout for a model in a style (a new model, or a new theme). */
    public void rebuild(Model m, ChartStyle s) {
        boolean twoD = m.speciesCount() >= 2;
        boolean relayout = model == null || (model.speciesCount() >= 2) != twoD || getChildren().isEmpty();
        model = m;
        style = s;
        renderer.command(b -> b.rebuild(m, s));
        if (relayout) layoutPanes(twoD);
        show(lastRun, lastIndex);
    }

    private void layoutPanes(boolean twoD) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
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
        BorderPane km = new BorderPane(panes.get(ChartBoard.KM));
        km.setBottom(higherOrders);
        BorderPane.setMargin(higherOrders, new Insets(2, 8, 2, 8));
        if (twoD) {
            add(panes.get(ChartBoard.DISTRIBUTION), 0, 0);
            add(panes.get(ChartBoard.CLOUD), 1, 0);
            add(panes.get(ChartBoard.TIME), 0, 1);
            add(km, 1, 1);
        } else {
            add(panes.get(ChartBoard.DISTRIBUTION), 0, 0, 1, 2);
            add(panes.get(ChartBoard.TIME), 1, 0);
            add(km, 1, 1);
        }
    }

    /** The horizon of the deterministic path (the run's end time). */
    public void setTEnd(double t) { renderer.command(b -> b.setTEnd(t)); }

    /** New parameters (or another model). */
    public void modelChanged(Model m) {
        if (model == null || model.speciesCount() != m.speciesCount()) { rebuild(m, style); return; }
        model = m;
        renderer.command(b -> b.modelChanged(m));
        show(lastRun, lastIndex);
    }

    /** Asks for the run at output index k to be drawn (the newest request wins). */
    public void show(Run run, int k) {
        lastRun = run;
        lastIndex = k;
        if (model == null) return;
        Map<String, int[]> sizes = new HashMap<>();
        for (Map.Entry<String, ChartPane> e : panes.entrySet()) {
            if (e.getValue().getParent() != null) sizes.put(e.getKey(), e.getValue().pixelSize());
        }
        renderer.request(new ChartRenderer.Request(run, k, higherOrders.isSelected(), sizes));
    }

    /** The output index of the frame on show (−1 before the first). */
    int shownIndex() { return shownIndex; }

    /** Called every frame: shows the newest drawn frame, if one arrived. */
    void present() {
        ChartRenderer.Frame f = renderer.take();
        if (f == null) return;
        shownIndex = f.index();
        for (Map.Entry<String, ChartRenderer.Pixels> e : f.panes().entrySet()) {
            ChartPane p = panes.get(e.getKey());
            if (p != null) p.show(e.getValue());
        }
        renderer.recycle(f);   // copied: the render thread may draw into these pixels again
        framesShown++;
    }

    @Override public void close() { renderer.close(); }
}
