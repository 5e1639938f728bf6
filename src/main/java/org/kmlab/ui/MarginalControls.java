package org.kmlab.ui;

import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kmlab.chart.MarginalChoice;
import org.kmlab.model.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Under the distribution pane: show every quantity side by side, or one alone: a species, or one
 * of the preset's observables (listed as written, e.g. "S = S_T − C"). Hidden when the model has
 * a single quantity. Keeps the choice by name when the model's values change.
 */
final class MarginalControls extends FlowPane {
    static final String ALL = "all";
    private final ChoiceBox<String> box = new ChoiceBox<>();
    private final Consumer<MarginalChoice> onChange;
    private List<String> names = List.of();
    private boolean updating;

    MarginalControls(Consumer<MarginalChoice> onChange) {
        super(8, 2);
        this.onChange = onChange;
        setAlignment(Pos.CENTER_LEFT);
        setId("marginal-choice");
        box.setId("marginal");
        box.setTooltip(new Tooltip("which species or observable the distribution pane shows"));
        getChildren().addAll(new Label("show"), box);
        box.valueProperty().addListener((o, was, now) -> { if (!updating && now != null) publish(); });
        show(false);
    }

    /** The model on show: new quantities reset the box (the same names keep the choice). */
    void modelChanged(Model m) {
        List<String> next = MarginalChoice.quantities(m);
        show(next.size() > 1);
        if (next.equals(names)) return;
        String kept = choice().name();
        names = next;
        List<String> items = new ArrayList<>(List.of(ALL));
        items.addAll(MarginalChoice.labels(m));
        updating = true;
        box.getItems().setAll(items);
        int i = names.indexOf(kept);
        box.setValue(i < 0 ? ALL : items.get(i + 1));
        updating = false;
        publish();
    }

    /** The quantity chosen, by name ({@link MarginalChoice#ALL} for all). */
    MarginalChoice choice() {
        int i = box.getItems().indexOf(box.getValue()) - 1;
        return i < 0 || i >= names.size() ? MarginalChoice.ALL : new MarginalChoice(names.get(i));
    }

    private void publish() { onChange.accept(choice()); }

    private void show(boolean on) {
        setVisible(on);
        setManaged(on);
    }
}
