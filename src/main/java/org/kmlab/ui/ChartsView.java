package org.kmlab.ui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.PaneKind;
import org.kmlab.chart.PaneOption;
import org.kmlab.chart.Panes;
import org.kmlab.model.Model;
import org.kmlab.run.Run;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chart panes of the model ({@link Panes#forModel}) laid out in a grid, each with the options
 * it offers underneath. The charts themselves live on the render thread ({@link ChartRenderer});
 * this view lays out the panes, asks for frames and shows the newest one.
 */
public final class ChartsView extends GridPane implements AutoCloseable {
    private final ChartRenderer renderer = new ChartRenderer();
    private final Map<String, ChartPane> panes = new LinkedHashMap<>();
    private final Map<String, CheckBox> optionBoxes = new HashMap<>();
    private final ZoomState zooms = new ZoomState();
    private final Map<String, Node> paneControls = new HashMap<>();
    private Map<Class<?>, Object> lastAnalyses = Map.of();
    /** Analyses set once and kept until dropped (a sweep), beside those that come with each frame. */
    private Map<Class<?>, Object> standing = Map.of();
    private ChartStyle style = ChartStyle.light();
    private Model model;
    private double tEnd = 10;
    private List<PaneKind> kinds = List.of();
    private Run lastRun;
    private int lastIndex;
    private long framesShown;
    private int shownIndex = -1;

    public ChartsView() {
        getStyleClass().add("charts");
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        // a click on the charts takes the focus from a number field, so Space plays again
        setOnMousePressed(e -> requestFocus());
    }

    /** The panes (owned by the render thread: read them, for tests, only once a frame has been shown). */
    public ChartSet chartSet() { return renderer.board().charts(); }

    /** A pane's chart by id, or null (owned by the render thread: read it, for tests, once a frame has been shown). */
    public org.jfree.chart.JFreeChart chart(String id) {
        ChartSet c = chartSet();
        return c == null ? null : c.pane(id).map(org.kmlab.chart.Pane::chart).orElse(null);
    }

    /** The panes on show, in reading order. */
    public List<PaneKind> paneKinds() { return kinds; }

    /** The ids of the pane options that are switched on. */
    public Set<String> options() {
        Set<String> on = new LinkedHashSet<>();
        optionBoxes.forEach((id, box) -> { if (box.isSelected()) on.add(id); });
        return on;
    }

    /** The chart pane node of a pane id (for tests), or null. */
    ChartPane paneNode(String id) { return panes.get(id); }

    /** Whether the user zoomed this pane (double-click goes back). */
    public boolean isZoomed(String id) { return zooms.isZoomed(id); }

    /** A pane option's switch (made now if its pane is not laid out yet), e.g. to follow it from a view model. */
    public javafx.beans.property.BooleanProperty optionProperty(String id) {
        for (PaneKind k : Panes.all()) {
            for (PaneOption o : k.options()) if (o.id().equals(id)) return optionBox(o).selectedProperty();
        }
        throw new IllegalArgumentException("no pane option " + id);
    }

    /** Controls of a pane's own (the Kramers–Moyal estimator's), laid out under its switches. */
    public void setPaneControls(String paneId, Node controls) {
        paneControls.put(paneId, controls);
        if (!kinds.isEmpty()) layoutPanes();
    }

    /** The shortest time to leave between two frames (see {@link ChartRenderer#minIntervalNanos}). */
    long minFrameIntervalNanos() { return renderer.minIntervalNanos(); }

    /** Why the charts could not be drawn, or "". */
    String drawingProblem() { return renderer.problem(); }

    /** Frames drawn and shown so far. */
    public long framesShown() { return framesShown; }

    /** The theme (a new look for every pane). */
    public void useStyle(ChartStyle s) {
        style = s;
        renderer.command(b -> b.useStyle(s));
        show(lastRun, lastIndex);
    }

    /** The model (and its values) on show; a model with other panes gets a new layout. */
    public void modelChanged(Model m) {
        if (model != null && !model.name().equals(m.name())) zooms.clearAll();   // another model: its own ranges (new values keep a zoom)
        model = m;
        relayoutIfNeeded();
        show(lastRun, lastIndex);
    }

    /**
     * The standing result of an analysis (a {@link org.kmlab.run.sweep.SweepResult}…), or null to
     * drop it: the pane it feeds appears with the first result and goes with the last. Results that
     * come with each frame (Kramers–Moyal estimates) are passed to {@link #show(Run, int, Map)}.
     */
    public <T> void setAnalysis(Class<T> type, T result) {
        Map<Class<?>, Object> next = new HashMap<>(standing);
        if (result == null) next.remove(type);
        else next.put(type, result);
        standing = Map.copyOf(next);
        if (model == null) return;
        relayoutIfNeeded();
        show(lastRun, lastIndex);
    }

    /** Every analysis result on show, by type (for the exports: the same panes as the window). */
    public Map<Class<?>, Object> analyses() {
        Map<Class<?>, Object> all = new HashMap<>(lastAnalyses);
        all.putAll(standing);
        return Map.copyOf(all);
    }

    /**
     * Shows only these panes of a run (a lesson's step names them); empty: every pane. Panes fed by
     * an analysis (a sweep, a series) still come with their result.
     */
    public void showOnly(java.util.Collection<String> paneIds) {
        only = Set.copyOf(paneIds);
        relayoutIfNeeded();
        show(lastRun, lastIndex);
    }

    /** Switches the pane options: on exactly for these ids, off for every other. */
    public void setOptions(java.util.Collection<String> on) {
        for (PaneKind k : Panes.all()) for (PaneOption o : k.options()) optionProperty(o.id()).set(on.contains(o.id()));
    }

    private Set<String> only = Set.of();

    /** The panes {@link #showOnly} keeps (empty: all), in reading order. */
    public List<String> shownOnly() {
        return Panes.all().stream().map(PaneKind::id).filter(only::contains).toList();
    }

    /** The panes for the model and the analyses on show (a user's series, a sweep bring their own). */
    private void relayoutIfNeeded() {
        if (model == null) return;
        List<PaneKind> wanted = Panes.forModel(model, analyses().keySet()).stream()
                .filter(k -> only.isEmpty() || only.contains(k.id()) || Panes.analysisOf(k).isPresent()).toList();
        if (!wanted.equals(kinds)) {
            kinds = wanted;
            layoutPanes();
        }
    }

    /** The end time of the run to come (the horizon of the charts before it starts). */
    public void setTEnd(double t) {
        tEnd = t;
        show(lastRun, lastIndex);
    }

    private ChartPane pane(String id) {
        return panes.computeIfAbsent(id, key -> {
            ChartPane p = new ChartPane("chart-" + key);
            p.onZoom(new ChartPane.Zoomer() {
                @Override public void zoom(int panel, ZoomState.Window window) {
                    zooms.set(key, panel, window);
                    show(lastRun, lastIndex);
                }

                @Override public void reset() {
                    zooms.clear(key);
                    show(lastRun, lastIndex);
                }

                @Override public void readAt(int panel, double x) {
                    renderer.readAt(key, panel, x, text -> Platform.runLater(() -> p.showValues(text)));
                }
            });
            p.widthProperty().addListener((o, a, b) -> show(lastRun, lastIndex));
            p.heightProperty().addListener((o, a, b) -> show(lastRun, lastIndex));
            return p;
        });
    }

    /**
     * One pane: the whole area; three (one species): the first tall on the left, two stacked on the
     * right; else two columns, an odd last pane (a sweep beside two species' four) across both.
     */
    private void layoutPanes() {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        int n = kinds.size();
        int columns = n == 1 ? 1 : 2, rows = n == 3 ? 2 : (n + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < n; i++) {
            Node cell = cell(kinds.get(i));
            // spans always given: a pane keeps GridPane constraints from the layout before
            if (n == 3) {
                if (i == 0) add(cell, 0, 0, 1, 2);
                else add(cell, 1, i - 1, 1, 1);
            } else if (i == n - 1 && n % columns != 0) {
                add(cell, 0, i / columns, columns, 1);
            } else {
                add(cell, i % columns, i / columns, 1, 1);
            }
        }
    }

    /** A pane with the switches it offers underneath, and its own controls if it has some. */
    private Node cell(PaneKind kind) {
        ChartPane chart = pane(kind.id());
        Tooltip.install(chart, new Tooltip(kind.title() + ": " + kind.help()));
        Node controls = paneControls.get(kind.id());
        if (kind.options().isEmpty() && controls == null) return chart;
        FlowPane switches = new FlowPane(12, 2);
        for (PaneOption o : kind.options()) switches.getChildren().add(optionBox(o));
        BorderPane withSwitches = new BorderPane(chart);
        withSwitches.setBottom(controls == null ? switches : new javafx.scene.layout.VBox(2, switches, controls));
        BorderPane.setMargin(withSwitches.getBottom(), new Insets(2, 8, 2, 8));
        return withSwitches;
    }

    private CheckBox optionBox(PaneOption o) {
        return optionBoxes.computeIfAbsent(o.id(), id -> {
            CheckBox b = new CheckBox(o.label());
            b.setId(id.replace('.', '-'));
            b.setTooltip(new Tooltip(o.help()));
            b.selectedProperty().addListener((obs, was, on) -> show(lastRun, lastIndex));
            return b;
        });
    }

    /** Asks for the run at output index k to be drawn (the newest request wins). */
    public void show(Run run, int k) { show(run, k, lastAnalyses); }

    /** As {@link #show(Run, int)}, with the analyses the panes draw (a Kramers–Moyal estimate, a user's series…). */
    public void show(Run run, int k, Map<Class<?>, Object> analyses) {
        lastRun = run;
        lastIndex = k;
        boolean newKinds = !analyses.keySet().equals(lastAnalyses.keySet());
        lastAnalyses = analyses;
        if (model == null) return;
        if (newKinds) relayoutIfNeeded();
        Map<String, int[]> sizes = new HashMap<>();
        for (PaneKind kind : kinds) {
            ChartPane p = pane(kind.id());
            if (p.getParent() != null) sizes.put(kind.id(), p.pixelSize());
        }
        renderer.request(new ChartRenderer.Request(run, k, model, tEnd, options(), analyses(), sizes, zooms.snapshot()));
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
