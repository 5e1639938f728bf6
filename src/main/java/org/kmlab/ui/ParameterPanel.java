package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.RunSettings;
import org.kmlab.model.Species;

import java.util.ArrayList;
import java.util.List;

/**
 * A slider and an exact numeric field per parameter (ranges from the preset), Ω, initial counts,
 * trajectories, end time and seed, and the solver toggles. Rebuilt when another preset is chosen.
 * A refused value turns its field red with the reason beneath it.
 */
public final class ParameterPanel extends VBox {
    private final SessionViewModel session;
    private final List<ParameterViewModel> rows = new ArrayList<>();

    public ParameterPanel(SessionViewModel session) {
        this.session = session;
        getStyleClass().add("parameter-panel");
        setSpacing(6);
        setPadding(new Insets(4, 8, 8, 8));
        session.presetProperty().addListener((o, a, b) -> rebuild());
        if (session.model() != null) rebuild();
    }

    public List<ParameterViewModel> rows() { return rows; }

    private void rebuild() {
        getChildren().clear();
        rows.clear();
        Model m = session.model();
        RunSettings run = session.settings();
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        int line = 0;
        line = section(grid, line, "Parameters");
        for (Parameter p : m.parameters()) {
            line = row(grid, line, new ParameterViewModel(session, p.name(), p.name(), p.description(), p.min(), p.max(), false));
        }
        line = row(grid, line, new ParameterViewModel(session, "Omega", "Ω", "system size: x = n/Ω", m.omega().min(), m.omega().max(), false));
        for (Species s : m.species()) {
            long n0 = s.initial();
            double hi = Math.max(100, 4 * Math.abs(n0));
            line = row(grid, line, new ParameterViewModel(session, s.initialName(), s.initialName(), "initial count of " + s.name(),
                    s.signed() ? -hi : 0, hi, true));
        }
        line = section(grid, line, "Run");
        line = row(grid, line, new ParameterViewModel(session, SessionViewModel.TRAJECTORIES, "N", "number of SSA trajectories", 1, 20_000, true));
        line = row(grid, line, new ParameterViewModel(session, SessionViewModel.T_END, "t end", "end time", Math.min(0.1, run.tEnd()), 5 * run.tEnd(), false));
        row(grid, line, new ParameterViewModel(session, SessionViewModel.SEED, "seed", "random seed (same seed, same trajectories)", 0, 0, true));
        getChildren().add(grid);

        Label solversTitle = new Label("Solvers");
        solversTitle.getStyleClass().add("section-title");
        FlowPane solvers = new FlowPane(10, 4);
        for (SolverDescriptor d : session.service().registry().descriptors()) {
            String id = d.id();
            CheckBox box = new CheckBox(d.shortLabel());
            box.setId("solver-" + id);
            box.setTooltip(new Tooltip(d.label() + ": " + d.description()));
            box.setSelected(session.isSolverEnabled(id));
            box.selectedProperty().addListener((o, a, b) -> session.setSolverEnabled(id, b));
            solvers.getChildren().add(box);
        }
        getChildren().addAll(solversTitle, solvers);
    }

    private int section(GridPane grid, int line, String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        grid.add(l, 0, line, 3, 1);
        return line + 1;
    }

    private int row(GridPane grid, int line, ParameterViewModel vm) {
        rows.add(vm);
        Label name = new Label(vm.label());
        name.getStyleClass().add("parameter-name");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (!vm.description().isEmpty()) name.setTooltip(new Tooltip(vm.description()));
        TextField field = new TextField(vm.text());
        field.setId("field-" + vm.name());
        field.setPrefColumnCount(6);
        Label error = new Label();
        error.setId("error-" + vm.name());
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.textProperty().bind(vm.errorProperty());
        vm.errorProperty().addListener((o, a, b) -> {
            if (b.isEmpty()) field.getStyleClass().remove("invalid");
            else if (!field.getStyleClass().contains("invalid")) field.getStyleClass().add("invalid");
        });
        field.setOnAction(e -> vm.commitText(field.getText()));
        field.focusedProperty().addListener((o, was, is) -> { if (!is) vm.commitText(field.getText()); });

        grid.add(name, 0, line);
        if (vm.hasSlider()) {
            Slider slider = new Slider(vm.min(), vm.max(), clamp(vm.value(), vm.min(), vm.max()));
            slider.setId("slider-" + vm.name());
            GridPane.setHgrow(slider, Priority.ALWAYS);
            boolean[] syncing = {false};
            slider.valueProperty().addListener((o, a, b) -> {
                if (syncing[0]) return;
                if (vm.commitSlider(b.doubleValue())) field.setText(vm.text());
            });
            vm.valueProperty().addListener((o, a, b) -> {
                syncing[0] = true;
                slider.setValue(clamp(b.doubleValue(), vm.min(), vm.max()));
                syncing[0] = false;
            });
            grid.add(slider, 1, line);
        }
        vm.valueProperty().addListener((o, a, b) -> { if (!field.isFocused()) field.setText(vm.text()); });
        grid.add(field, 2, line);
        grid.add(error, 0, line + 1, 3, 1);
        return line + 2;
    }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }
}
