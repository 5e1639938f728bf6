package org.kmlab.ui;

import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kmlab.chart.CloudAxes;
import org.kmlab.model.Model;
import org.kmlab.model.Species;

import java.util.List;
import java.util.function.Consumer;

/**
 * Under the probability cloud of a model with more than two species: which species goes across
 * and which up. Hidden for one or two species. Choosing a species the other box holds swaps the
 * two, so the pair is always two different species. Keeps the pair by name when the model's
 * values change.
 */
final class CloudControls extends FlowPane {
    private final ChoiceBox<String> across = box("cloud-x", "the species across (x)");
    private final ChoiceBox<String> up = box("cloud-y", "the species up (y)");
    private final Consumer<CloudAxes> onChange;
    private boolean updating;

    /** @param onChange receives every new pair (the first two species when the model has two or fewer) */
    CloudControls(Consumer<CloudAxes> onChange) {
        super(8, 2);
        this.onChange = onChange;
        setAlignment(Pos.CENTER_LEFT);
        setId("cloud-pair");
        getChildren().addAll(new Label("cloud of"), across, new Label("across,"), up, new Label("up"));
        across.valueProperty().addListener((o, was, now) -> picked(across, up, was, now));
        up.valueProperty().addListener((o, was, now) -> picked(up, across, was, now));
        show(false);
    }

    /** The model on show: new species lists reset the boxes (the same names keep the choice). */
    void modelChanged(Model m) {
        List<String> names = m.species().stream().map(Species::name).toList();
        show(names.size() > 2);
        if (names.equals(across.getItems())) return;
        updating = true;
        String x = across.getValue(), y = up.getValue();
        across.getItems().setAll(names);
        up.getItems().setAll(names);
        boolean keep = names.size() > 1 && names.contains(x) && names.contains(y) && !x.equals(y);
        across.setValue(keep ? x : names.get(0));
        up.setValue(keep ? y : names.size() > 1 ? names.get(1) : names.get(0));
        updating = false;
        publish();
    }

    /** The pair chosen, as species indices. */
    CloudAxes axes() {
        int x = across.getItems().indexOf(across.getValue()), y = up.getItems().indexOf(up.getValue());
        return x < 0 || y < 0 || x == y ? CloudAxes.FIRST_TWO : new CloudAxes(x, y);
    }

    private void picked(ChoiceBox<String> box, ChoiceBox<String> other, String was, String now) {
        if (updating || now == null) return;
        if (now.equals(other.getValue())) {   // the other box held it: swap
            updating = true;
            other.setValue(was);
            updating = false;
        }
        publish();
    }

    private void publish() { onChange.accept(axes()); }

    private void show(boolean on) {
        setVisible(on);
        setManaged(on);
    }

    private static ChoiceBox<String> box(String id, String help) {
        ChoiceBox<String> b = new ChoiceBox<>();
        b.setId(id);
        b.setTooltip(new Tooltip(help + " of the probability cloud"));
        return b;
    }
}
