package org.kmlab.ui;

import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kmlab.chart.ShadedSolver;
import org.kmlab.run.SolverRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Under the time course: whose P(x, t) the "P(x, t) shading" shows: the best the run has (the
 * master equation, else Fokker–Planck, else the ensemble) or one of the solvers switched on.
 */
final class ShadingControls extends FlowPane {
    static final String BEST = "best (CME, FP, ensemble)";
    private final ChoiceBox<String> solver = new ChoiceBox<>();
    private final SolverRegistry registry;
    private final List<String> ids = new ArrayList<>();
    private boolean updating;

    /** @param onChange receives the solver chosen, or null for the best */
    ShadingControls(SolverRegistry registry, Consumer<ShadedSolver> onChange) {
        super(8, 2);
        this.registry = registry;
        setAlignment(Pos.CENTER_LEFT);
        solver.setId("shading-solver");
        solver.setTooltip(new Tooltip("whose P(x, t) the shading shows when \"P(x, t) shading\" is on"));
        solver.getItems().add(BEST);
        solver.setValue(BEST);
        solver.valueProperty().addListener((o, was, now) -> {
            if (updating || now == null) return;
            int i = solver.getItems().indexOf(now) - 1;
            onChange.accept(i < 0 ? null : new ShadedSolver(ids.get(i)));
        });
        getChildren().addAll(new Label("shading of"), solver);
    }

    /** The solvers switched on: the choice keeps its solver while it stays on, else goes back to the best. */
    void solversChanged(List<String> on) {
        if (on.equals(ids)) return;
        String chosen = solver.getValue();
        updating = true;
        ids.clear();
        ids.addAll(on);
        List<String> items = new ArrayList<>(List.of(BEST));
        for (String id : on) items.add(registry.has(id) ? registry.descriptor(id).shortLabel() : id);
        solver.getItems().setAll(items);
        updating = false;
        solver.setValue(items.contains(chosen) ? chosen : BEST);
    }
}
