package org.kmlab.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kmlab.model.Environment;
import org.kmlab.solve.SolverDescriptor;

import java.io.File;
import java.util.function.Supplier;

/**
 * The sweep's controls: a side tab (what to sweep, the values, T, the solvers, Run and Cancel,
 * Export sweep data…), the Analysis menu, and a progress line with a Cancel button for the status
 * bar, shown while a sweep runs. Esc cancels a sweep under way. Binds to a {@link SweepViewModel};
 * the result goes to the charts through the window.
 */
public final class SweepView {
    private final SweepViewModel vm;
    private final Supplier<Window> owner;
    private final Tab tab;
    private final HBox progressLine;
    private final TextField values = new TextField();

    public SweepView(SweepViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
        tab = new Tab("Sweep", scrolled(form()));
        tab.setId("tab-sweep");
        tab.setClosable(false);
        progressLine = progressLine();
    }

    public SweepViewModel viewModel() { return vm; }

    /** The side tab with the sweep's fields. */
    public Tab tab() { return tab; }

    /** The progress bar, its line and a Cancel button: in the status bar while a sweep runs. */
    public Node statusNode() { return progressLine; }

    /** Analysis ▸ System-size sweep…, Cancel sweep, Export sweep data…. */
    public Menu menu() {
        MenuItem open = new MenuItem("System-size sweep…");
        open.setId("menu-sweep");
        open.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        open.setOnAction(e -> showTab());
        MenuItem cancel = new MenuItem("Cancel sweep");
        cancel.setId("menu-sweep-cancel");
        cancel.setAccelerator(new KeyCodeCombination(KeyCode.ESCAPE));
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        MenuItem export = new MenuItem("Export sweep data…");
        export.setId("menu-sweep-export");
        export.disableProperty().bind(vm.hasResultProperty().not().or(vm.runningProperty()));
        export.setOnAction(e -> askExport());
        Menu analysis = new Menu("Analysis", null, open, cancel, new SeparatorMenuItem(), export);
        analysis.setId("menu-analysis");
        return analysis;
    }

    /** Brings the sweep's tab forward with the cursor in the values field. */
    public void showTab() {
        if (tab.getTabPane() != null) tab.getTabPane().getSelectionModel().select(tab);
        values.requestFocus();
    }

    private VBox form() {
        Label title = new Label("System-size sweep");
        title.getStyleClass().add("section-title");
        Label help = new Label("Runs the chosen solvers at each value and draws each approximation's distance to the master equation "
                + "at time T against the value, on log–log axes, with the fitted slopes in the legend; beside it, the Kramers–Moyal "
                + "coefficients at the fixed point. On birth–death over Ω the Fokker–Planck error falls like Ω⁻¹ and the linear "
                + "noise approximation's like Ω^(−½). Or measure the mean first-passage time into the absorbing set (logistic "
                + "extinction, Schlögl switching) against Ω on a log axis, with the fitted exponent S of T ∝ e^(SΩ) per source.");
        help.getStyleClass().add("field-note");
        help.setWrapText(true);

        ChoiceBox<String> parameter = new ChoiceBox<>(vm.names());
        parameter.setId("sweep-parameter");
        parameter.setConverter(new StringConverter<>() {
            @Override public String toString(String s) { return s == null ? "" : Environment.OMEGA.equals(s) ? "Ω (system size)" : s; }
            @Override public String fromString(String s) { return s; }
        });
        parameter.valueProperty().bindBidirectional(vm.parameterProperty());
        parameter.setTooltip(new Tooltip("What to sweep: Ω, a parameter of the model or an initial count; the others keep their values (over Ω the initial counts keep x₀ = X0/Ω)"));

        values.setId("sweep-values");
        values.setPrefColumnCount(14);
        values.textProperty().bindBidirectional(vm.valuesProperty());
        values.setTooltip(new Tooltip("The values, > 0, separated by commas or spaces (2 to 64 of them)"));
        values.setOnAction(e -> vm.start());
        TextField time = new TextField();
        time.setId("sweep-time");
        time.setPrefColumnCount(6);
        time.textProperty().bindBidirectional(vm.timeProperty());
        time.setTooltip(new Tooltip("The time T at which the densities are compared; every value runs from 0 to T"));
        time.setOnAction(e -> vm.start());

        ChoiceBox<SweepViewModel.Quantity> quantity = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(SweepViewModel.Quantity.values()));
        quantity.setId("sweep-quantity");
        quantity.valueProperty().bindBidirectional(vm.quantityProperty());
        quantity.disableProperty().bind(vm.passageUnavailableProperty().isNotEmpty().or(vm.runningProperty()));
        Tooltip quantityTip = new Tooltip();
        quantityTip.textProperty().bind(javafx.beans.binding.Bindings.when(vm.passageUnavailableProperty().isEmpty())
                .then("Distances to the master equation at T, or the mean first-passage time T(Ω) into the absorbing set (log axis, fitted exponent)")
                .otherwise(vm.passageUnavailableProperty()));
        quantity.setTooltip(quantityTip);
        Label noPassage = new Label();   // why the choice is greyed out, in words beneath it
        noPassage.setId("sweep-quantity-note");
        noPassage.getStyleClass().add("field-note");
        noPassage.setWrapText(true);
        noPassage.textProperty().bind(javafx.beans.binding.Bindings.concat("Mean first-passage time: ", vm.passageUnavailableProperty()));
        noPassage.visibleProperty().bind(vm.passageUnavailableProperty().isNotEmpty());
        noPassage.managedProperty().bind(noPassage.visibleProperty());
        var passage = vm.quantityProperty().isEqualTo(SweepViewModel.Quantity.PASSAGE);
        parameter.disableProperty().bind(passage);   // the mean first-passage time is swept over Ω only
        time.disableProperty().bind(passage);        // … and has no comparison time

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        grid.add(new Label("Measure"), 0, 0);
        grid.add(quantity, 1, 0);
        grid.add(noPassage, 0, 1, 2, 1);
        grid.add(new Label("Sweep"), 0, 2);
        grid.add(parameter, 1, 2);
        grid.add(new Label("Values"), 0, 3);
        grid.add(values, 1, 3);
        GridPane.setHgrow(values, Priority.ALWAYS);
        grid.add(error("sweep-values-error", vm.valuesErrorProperty(), values), 0, 4, 2, 1);
        grid.add(new Label("T"), 0, 5);
        grid.add(time, 1, 5);
        grid.add(error("sweep-time-error", vm.timeErrorProperty(), time), 0, 6, 2, 1);

        Label solversTitle = new Label("Solvers");
        solversTitle.getStyleClass().add("section-title");
        FlowPane solvers = new FlowPane(10, 4);
        var registry = vm.solversRegistry();
        vm.solvers().forEach((id, on) -> {
            SolverDescriptor d = registry.descriptor(id);
            CheckBox box = new CheckBox(d.shortLabel());
            box.setId("sweep-solver-" + id);
            box.setTooltip(new Tooltip(d.label() + ": " + d.description()));
            box.selectedProperty().bindBidirectional(on);
            solvers.getChildren().add(box);
        });

        Button run = new Button("Run sweep");
        run.setId("sweep-run");
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel");
        cancel.setId("sweep-cancel");
        cancel.setTooltip(new Tooltip("Stop the sweep now (Esc); the values done stay on the chart"));
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button export = new Button("Export sweep data…");
        export.setId("sweep-export");
        export.setTooltip(new Tooltip("sweep.csv and sweep.json (distances, slopes, coefficients) into a folder, both or neither"));
        export.disableProperty().bind(vm.hasResultProperty().not().or(vm.runningProperty()));
        export.setOnAction(e -> askExport());
        HBox buttons = new HBox(8, run, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("sweep-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());

        VBox box = new VBox(6, title, help, grid, solversTitle, solvers,
                error("sweep-solvers-error", vm.solversErrorProperty(), null), buttons, bar, status, export);
        box.setPadding(new Insets(4, 8, 8, 8));
        box.getStyleClass().add("sweep-panel");
        return box;
    }

    /** A field's reason for refusing, beneath it (the field turns red meanwhile), as the parameter fields do. */
    private static Label error(String id, ReadOnlyStringProperty message, TextField field) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.textProperty().bind(message);
        l.visibleProperty().bind(message.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        if (field != null) {
            message.addListener((o, a, b) -> {
                if (b.isEmpty()) field.getStyleClass().remove("invalid");
                else if (!field.getStyleClass().contains("invalid")) field.getStyleClass().add("invalid");
            });
        }
        return l;
    }

    private static ScrollPane scrolled(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    private HBox progressLine() {
        ProgressBar bar = new ProgressBar();
        bar.setId("status-sweep-progress");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(vm.progressProperty());
        Label text = new Label();
        text.setId("status-sweep");
        text.textProperty().bind(vm.statusProperty());
        text.setMinWidth(Label.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId("status-sweep-cancel");
        cancel.setTooltip(new Tooltip("Stop the sweep now (Esc)"));
        cancel.setOnAction(e -> vm.cancel());
        HBox line = new HBox(6, bar, text, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(vm.runningProperty());
        line.managedProperty().bind(line.visibleProperty());
        // Esc cancels a sweep under way wherever the cursor is (and does nothing else then)
        line.sceneProperty().addListener((o, a, scene) -> { if (scene != null) installEscape(scene); });
        return line;
    }

    private boolean escapeInstalled;

    private void installEscape(Scene scene) {
        if (escapeInstalled) return;
        escapeInstalled = true;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.isRunning()) {
                vm.cancel();
                e.consume();
            }
        });
    }

    private void askExport() {
        if (!vm.hasResultProperty().get()) return;
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the sweep's data (sweep.csv, sweep.json) into a folder");
        File dir = chooser.showDialog(owner.get());
        if (dir == null) return;
        vm.exportData(dir.toPath()).whenComplete((path, error) -> {
            if (error != null) javafx.application.Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, SweepViewModel.why(error), ButtonType.OK).show());
        });
    }
}
