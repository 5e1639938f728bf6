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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // values set from elsewhere (a lesson's step, a session file, the reset button) show here too
        session.modelProperty().addListener((o, a, b) -> follow());
        session.settingsProperty().addListener((o, a, b) -> follow());
        if (session.model() != null) rebuild();
    }

    private final Map<String, CheckBox> solverBoxes = new LinkedHashMap<>();

    private void follow() {
        if (session.model() == null || session.settings() == null) return;
        for (ParameterViewModel vm : rows) vm.follow();
        solverBoxes.forEach((id, box) -> box.setSelected(session.isSolverEnabled(id)));
    }

    public List<ParameterViewModel> rows() { return rows; }

    private void rebuild() {
        getChildren().clear();
        rows.clear();
        solverBoxes.clear();
        Model m = session.model();
        RunSettings run = session.settings();
        addSolvers(m);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        int line = 0;
        line = section(grid, line, "Parameters");
        javafx.scene.control.Button reset = new javafx.scene.control.Button("↺ Preset's values");
        reset.setId("reset-parameters");
        reset.setTooltip(new Tooltip("Set the parameters, Ω and the initial counts back to the values in the preset's file "
                + "(the run settings and solvers stay)"));
        reset.setOnAction(e -> session.resetParameters());
        grid.add(reset, 1, line - 1, 2, 1);
        GridPane.setHalignment(reset, javafx.geometry.HPos.RIGHT);
        for (Parameter p : m.parameters()) {
            line = row(grid, line, new ParameterViewModel(session, p.name(), p.name(), p.description(), p.min(), p.max(), false));
        }
        line = row(grid, line, new ParameterViewModel(session, "Omega", "Ω", "system size: the plotted x is the count n divided by Ω (a volume or a number of sites; dimensionless)", m.omega().min(), m.omega().max(), false));
        for (Species s : m.species()) {
            long n0 = s.initial();
            double hi = Math.max(100, 4 * Math.abs(n0));
            line = row(grid, line, new ParameterViewModel(session, s.initialName(), s.initialName(), "initial count of " + s.name() + " (molecules or steps; x = count/Ω)",
                    s.signed() ? -hi : 0, hi, true));
        }
        line = section(grid, line, "Run");
        line = row(grid, line, new ParameterViewModel(session, SessionViewModel.TRAJECTORIES, "N", "number of SSA and CLE trajectories (the ensemble size: its error falls like 1/√N)", 1, 20_000, true));
        line = row(grid, line, new ParameterViewModel(session, SessionViewModel.T_END, "t end", "end time of the run, in the time unit of the rates (a rate k means k events per unit time)", Math.min(0.1, run.tEnd()), 5 * run.tEnd(), false));
        line = row(grid, line, new ParameterViewModel(session, SessionViewModel.SEED, "seed", "random seed (same seed, same trajectories)", 0, 0, true));
        row(grid, line, new ParameterViewModel(session, SessionViewModel.FP_CELLS, "FP cells",
                "Fokker–Planck resolution: cells across its moving box per axis (8 to " + RunSettings.MAX_FP_CELLS + "); 0 lets the solver choose", 0, 0, true));
        getChildren().add(grid);
    }

    /**
     * The solver check boxes, first (they decide what the charts show; in classroom mode the
     * panel is taller than the window), each with its description and, when it cannot handle the
     * model, the reason beneath.
     */
    private void addSolvers(Model m) {
        Label solversTitle = new Label("Solvers");
        solversTitle.getStyleClass().add("section-title");
        FlowPane solvers = new FlowPane(10, 4);
        Map<String, List<String>> byReason = new LinkedHashMap<>();   // solvers refused for the same reason share a line
        for (SolverDescriptor d : session.service().registry().descriptors()) {
            String id = d.id();
            CheckBox box = new CheckBox(d.shortLabel());
            box.setId("solver-" + id);
            String reason = session.service().registry().byId(id).unsupportedReason(m);
            box.setTooltip(new Tooltip(d.label() + ": " + d.description() + (reason == null ? "" : ". Not for this model: " + reason)));
            box.setSelected(session.isSolverEnabled(id));
            solverBoxes.put(id, box);
            box.selectedProperty().addListener((o, a, b) -> session.setSolverEnabled(id, b));
            if (reason != null) byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(d.shortLabel());
            solvers.getChildren().add(box);
        }
        getChildren().addAll(solversTitle, solvers);
        if (!byReason.isEmpty()) {
            List<String> lines = new ArrayList<>();
            byReason.forEach((reason, labels) -> lines.add(String.join(", ", labels) + ": " + reason));
            Label why = new Label(String.join("\n", lines));
            why.setId("solver-reasons");
            why.getStyleClass().add("field-note");
            why.setWrapText(true);
            getChildren().add(why);
        }
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
        field.setTooltip(new Tooltip((vm.description().isEmpty() ? vm.label() : vm.label() + ": " + vm.description())
                + (vm.hasSlider() ? " (slider: " + ParameterViewModel.format(vm.min()) + " to " + ParameterViewModel.format(vm.max()) + ")" : "")
                + ". Type a value and press Enter; a refused one shows why beneath."));
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
            SliderScale scale = new SliderScale(vm.min(), vm.max(), vm.isWhole());
            Slider slider = new Slider(0, SliderScale.STEPS, scale.position(vm.value()));
            slider.setId("slider-" + vm.name());
            slider.setTooltip(new Tooltip(vm.label() + ": " + ParameterViewModel.format(vm.min()) + " to " + ParameterViewModel.format(vm.max())
                    + (scale.isLogarithmic() ? " (logarithmic: 1, 2, 5, 10, …)" : "") + "; type any value in the field"));
            GridPane.setHgrow(slider, Priority.ALWAYS);
            boolean[] syncing = {false};
            slider.valueProperty().addListener((o, a, b) -> {
                if (syncing[0]) return;
                if (vm.commitSlider(scale.value(b.doubleValue()))) field.setText(vm.text());
            });
            vm.valueProperty().addListener((o, a, b) -> {
                syncing[0] = true;
                slider.setValue(scale.position(b.doubleValue()));
                syncing[0] = false;
            });
            grid.add(slider, 1, line);
        }
        vm.valueProperty().addListener((o, a, b) -> { if (!field.isFocused()) field.setText(vm.text()); });
        grid.add(field, 2, line);
        grid.add(error, 0, line + 1, 3, 1);
        return line + 2;
    }

}
