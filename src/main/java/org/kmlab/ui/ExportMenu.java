package org.kmlab.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kmlab.chart.ChartSet;
import org.kmlab.chart.ChartStyle;
import org.kmlab.chart.PaneKind;
import org.kmlab.chart.Panes;
import org.kmlab.solve.Workers;
import org.kmlab.export.Figure;
import org.kmlab.export.FigureFiles;
import org.kmlab.export.FigureFormat;
import org.kmlab.export.FigureRenderer;
import org.kmlab.export.FigureSize;
import org.kmlab.export.GifAnimationWriter;
import org.kmlab.export.PaneFigures;
import org.kmlab.export.PngFigureWriter;
import org.kmlab.export.PublicationStyle;
import org.kmlab.export.RunData;
import org.kmlab.run.Run;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * File ▸ Export figure…, Export data…, Export animation… and Copy chart: the window's charts written by
 * {@code org.kmlab.export}, drawn and written on a background thread;
 * the status line says where the file went, an alert says why it could not be written.
 */
public final class ExportMenu {
    private static final String ALL = "All panes (a, b, c…)";

    private final Supplier<Window> owner;
    private final SessionViewModel session;
    private final Supplier<ChartStyle> style;
    private final IntSupplier shownIndex;
    private final Supplier<Set<String>> options;
    private final Workers worker = Workers.pool("export", 1);
    /** The analysis results the window shows (a sweep…): their panes are exported and copied like the others. */
    private final Supplier<Map<Class<?>, Object>> analyses;

    /**
     * @param style      the window's chart style (for the "as shown" look)
     * @param shownIndex the output index the window shows (the scrubber's position)
     * @param options    the pane options switched on in the window
     */
    public ExportMenu(Supplier<Window> owner, SessionViewModel session, Supplier<ChartStyle> style, IntSupplier shownIndex,
                      Supplier<Set<String>> options) {
        this(owner, session, style, shownIndex, options, Map::of);
    }

    /** @param analyses the analysis results the window shows (a sweep, a Kramers–Moyal estimate, a user's series), whose panes are offered and drawn too */
    public ExportMenu(Supplier<Window> owner, SessionViewModel session, Supplier<ChartStyle> style, IntSupplier shownIndex,
                      Supplier<Set<String>> options, Supplier<Map<Class<?>, Object>> analyses) {
        this.analyses = analyses;
        this.owner = owner;
        this.session = session;
        this.style = style;
        this.shownIndex = shownIndex;
        this.options = options;
    }

    /** What a figure or animation export writes. */
    public record Request(List<PaneKind> panes, FigureSize size, double dpi, boolean publication, double framesPerSecond) {}

    /** Stops the export thread (when the window closes). */
    public void close() { worker.close(); }

    public List<MenuItem> items() {
        MenuItem figure = new MenuItem("Export figure…");
        figure.setId("export-figure");
        figure.setOnAction(e -> askFigure());
        MenuItem data = new MenuItem("Export data…");
        data.setId("export-data");
        data.setOnAction(e -> askData());
        MenuItem animation = new MenuItem("Export animation…");
        animation.setId("export-animation");
        animation.setOnAction(e -> askAnimation());
        Menu copy = new Menu("Copy chart");
        copy.setId("copy-chart");
        copy.setOnShowing(e -> {
            copy.getItems().clear();
            for (PaneKind p : panes()) {
                MenuItem item = new MenuItem(p.title());
                item.setOnAction(a -> copyToClipboard(p));
                copy.getItems().add(item);
            }
        });
        copy.getItems().add(new MenuItem("…"));
        return List.of(figure, data, animation, copy, new SeparatorMenuItem());
    }

    /**
     * Writes the panes at the time the window shows. The window's own charts belong to its render
     * thread, so the figure is drawn from charts of its own, fed the same run the way the window
     * feeds its charts (played from the start to the shown time): the same picture.
     */
    public CompletableFuture<Path> exportFigure(Request r, Path target) {
        FigureFormat format = FigureFormat.ofFile(target, FigureFormat.PNG);
        Supplier<Figure> figure = figureNow(r);
        return submit(target, () -> FigureFiles.write(figure.get(), format, target, r.dpi()));
    }

    /** The figure of the panes at the shown time, built when called (on the export thread). */
    private Supplier<Figure> figureNow(Request r) {
        Run run = session.run();
        org.kmlab.model.Model model = run == null ? session.model() : run.request().model();
        double tEnd = run == null ? session.settings().tEnd() : run.request().settings().tEnd();
        int k = run == null ? -1 : shownIndex(run);
        ChartStyle chartStyle = r.publication() ? ChartStyle.light() : style.get();
        Set<String> on = options.get();
        Map<Class<?>, Object> results = analyses.get();
        return () -> {
            ChartSet charts = new ChartSet(model, chartStyle);
            if (run == null) charts.show(model, tEnd, null, -1, on, results);
            else charts.play(model, tEnd, run.recording(), k, on, results);
            return PaneFigures.of(charts, r.panes(), r.size(), publicationStyle(r));
        };
    }

    /** Writes an animated GIF of the panes over the run's output times, from charts of its own. */
    public CompletableFuture<Path> exportAnimation(Request r, Path target) {
        Run run = session.run();
        if (run == null) return CompletableFuture.failedFuture(new IllegalStateException("nothing to animate: press Play first"));
        ChartStyle chartStyle = r.publication() ? ChartStyle.light() : style.get();
        Set<String> on = options.get();
        List<PaneKind> moving = r.panes().stream().filter(p -> Panes.analysisOf(p).isEmpty()).toList();   // a sweep is a still picture
        if (moving.isEmpty()) return CompletableFuture.failedFuture(new IllegalStateException("the sweep does not change over the run: export it as a figure"));
        Map<Class<?>, Object> results = analyses.get();   // a pinned ghost, an estimate: drawn in every frame as on screen
        return submit(target, () -> {
            org.kmlab.model.Model model = run.request().model();
            ChartSet charts = new ChartSet(model, chartStyle);
            GifAnimationWriter.write(PaneFigures.animation(charts, model, run.request().settings().tEnd(), run.recording(), on, results, moving, r.size(),
                    publicationStyle(r)), target, r.framesPerSecond(), r.dpi());
        });
    }

    /**
     * Writes the run's summary.json, per-solver distribution CSVs and timecourse.csv, and the
     * distributions and KM coefficients at the time the window shows, into {@code dir}.
     */
    public CompletableFuture<Path> exportData(Path dir) {
        Run run = session.run();
        if (run == null) return CompletableFuture.failedFuture(new IllegalStateException("nothing to export: press Play first"));
        String modelId = session.presetProperty().get() == null ? run.request().model().name() : session.presetProperty().get().id();
        int k = shownIndex(run);
        return submit(dir, () -> RunData.write(run, modelId, dir, k));
    }

    /** The scrubber's output index, within the run. */
    private int shownIndex(Run run) {
        return Math.max(0, Math.min(shownIndex.getAsInt(), run.recording().timeCount() - 1));
    }

    private void askData() {
        if (session.run() == null) {
            new Alert(Alert.AlertType.INFORMATION, "Press Play first: the data are those of a run.", ButtonType.OK).show();
            return;
        }
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Export data into a folder");
        File dir = chooser.showDialog(owner.get());
        if (dir != null) exportData(dir.toPath());
    }

    private interface Job { void run() throws Exception; }

    private CompletableFuture<Path> submit(Path target, Job job) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        worker.submit(() -> {
            try {
                job.run();
                done.complete(target);
            } catch (Exception | OutOfMemoryError e) {
                done.completeExceptionally(e);
            }
        });
        done.whenComplete((path, error) -> Platform.runLater(() -> {
            if (error == null) session.setNotice("Wrote " + path.toAbsolutePath());
            else new Alert(Alert.AlertType.ERROR, java.util.Objects.requireNonNullElse(error.getMessage(), error.toString()), ButtonType.OK).show();
        }));
        return done;
    }

    /** Copies a pane as shown (1056 × 691 px) to the clipboard. */
    public CompletableFuture<java.awt.image.BufferedImage> copyToClipboard(PaneKind p) {
        Supplier<Figure> figure = figureNow(new Request(List.of(p), FigureSize.ONEHALF, 192, false, 10));
        CompletableFuture<java.awt.image.BufferedImage> image = CompletableFuture.supplyAsync(() -> FigureRenderer.toImage(figure.get(), 192), task -> worker.submit(task));
        image.whenComplete((img, error) -> Platform.runLater(() -> {
            if (error != null) {
                new Alert(Alert.AlertType.ERROR, "cannot copy the chart: " + java.util.Objects.requireNonNullElse(error.getMessage(), error.toString()), ButtonType.OK).show();
                return;
            }
            ClipboardContent content = new ClipboardContent();
            content.putImage(SwingFXUtils.toFXImage(img, null));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            session.setNotice("Copied the " + p.title().toLowerCase() + " chart to the clipboard");
        }));
        return image;
    }

    private static PublicationStyle publicationStyle(Request r) {
        return r.publication() ? PublicationStyle.DEFAULT : null;
    }

    /** The panes of the model on show, with those of the analyses it shows (the sweep…). */
    private List<PaneKind> panes() {
        return session.model() == null ? List.of() : Panes.forModel(session.model(), analyses.get().keySet());
    }

    private void askFigure() {
        ask("Export figure", PngFigureWriter.DEFAULT_DPI, false).ifPresent(r -> {
            FileChooser chooser = chooser("figure", new FileChooser.ExtensionFilter("PNG image", "*.png"),
                    new FileChooser.ExtensionFilter("SVG (vector)", "*.svg"), new FileChooser.ExtensionFilter("PDF (vector)", "*.pdf"));
            File file = chooser.showSaveDialog(owner.get());
            if (file != null) exportFigure(r, withExtension(file, chooser));
        });
    }

    private void askAnimation() {
        if (session.run() == null) {
            new Alert(Alert.AlertType.INFORMATION, "Press Play first: the animation shows a run.", ButtonType.OK).show();
            return;
        }
        ask("Export animation", GifAnimationWriter.DEFAULT_DPI, true).ifPresent(r -> {
            FileChooser chooser = chooser("animation", new FileChooser.ExtensionFilter("Animated GIF", "*.gif"));
            File file = chooser.showSaveDialog(owner.get());
            if (file != null) exportAnimation(r, withExtension(file, chooser));
        });
    }

    private static FileChooser chooser(String name, FileChooser.ExtensionFilter... filters) {
        FileChooser c = new FileChooser();
        c.setTitle("Export " + name);
        c.getExtensionFilters().addAll(filters);
        c.setInitialFileName("kmlab-" + name);
        return c;
    }

    /** The chosen file, with the chosen filter's extension when the name has none. */
    private static Path withExtension(File file, FileChooser chooser) {
        String name = file.getName();
        if (name.contains(".") || chooser.getSelectedExtensionFilter() == null) return file.toPath();
        String ext = chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(1);
        return file.toPath().resolveSibling(name + ext);
    }

    private java.util.Optional<Request> ask(String title, double defaultDpi, boolean animation) {
        ChoiceBox<String> what = new ChoiceBox<>();
        for (PaneKind p : panes()) what.getItems().add(p.title());
        what.getItems().add(ALL);
        what.setValue(ALL);
        ChoiceBox<String> size = new ChoiceBox<>();
        size.getItems().addAll("single", "onehalf", "double", "slide");
        size.setValue(animation ? "slide" : "double");
        what.valueProperty().addListener((o, a, b) -> { if (!animation) size.setValue(ALL.equals(b) ? "double" : "single"); });
        TextField dpi = new TextField(String.valueOf((int) defaultDpi));
        TextField fps = new TextField("10");
        CheckBox publication = new CheckBox("Publication style (white, colour-blind-safe, dashed lines)");
        what.setTooltip(new javafx.scene.control.Tooltip("One pane, or all panes laid out as in the window"));
        size.setTooltip(new javafx.scene.control.Tooltip("Figure width: single column (3.5 in), one and a half (5.5 in), double column (7.2 in) or a 16:9 slide (10 in)"));
        dpi.setTooltip(new javafx.scene.control.Tooltip("Resolution of PNG and GIF in dots per inch (SVG and PDF are vector: no DPI)"));
        fps.setTooltip(new javafx.scene.control.Tooltip("Frames per second of the animation, one frame per output time"));
        publication.setTooltip(new javafx.scene.control.Tooltip("White background, colour-blind-safe colours and dashed lines that survive black-and-white print; "
                + "off: the window's own theme"));
        publication.setSelected(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Chart"), what);
        grid.addRow(1, new Label("Size"), size);
        grid.addRow(2, new Label("DPI (PNG, GIF)"), dpi);
        if (animation) grid.addRow(3, new Label("Frames per second"), fps);
        grid.add(publication, 0, 4, 2, 1);
        Dialog<Request> d = new Dialog<>();
        d.setTitle(title);
        d.initOwner(owner.get());
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            List<PaneKind> panes = what.getValue().equals(ALL) ? panes() : List.of(panes().get(what.getSelectionModel().getSelectedIndex()));
            try {
                return new Request(panes, FigureSize.named(size.getValue()), Double.parseDouble(dpi.getText().trim()),
                        publication.isSelected(), Double.parseDouble(fps.getText().trim()));
            } catch (NumberFormatException e) {
                new Alert(Alert.AlertType.ERROR, "DPI and frames per second must be numbers", ButtonType.OK).show();
                return null;
            }
        });
        return d.showAndWait();
    }
}
