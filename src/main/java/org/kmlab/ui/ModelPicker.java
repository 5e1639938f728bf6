package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;

/** Chooses the model: every preset, its description and its reactions written out (∅ → X  at k1·Ω). */
public final class ModelPicker extends VBox {
    private final ComboBox<Preset> choice = new ComboBox<>();

    public ModelPicker(SessionViewModel session) {
        getStyleClass().add("model-picker");
        setSpacing(6);
        setPadding(new Insets(8, 8, 4, 8));
        choice.setId("model-choice");
        choice.setItems(session.presets());
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setTooltip(new javafx.scene.control.Tooltip("The model to simulate: a built-in preset, or a file opened with File ▸ Open model… "
                + "(choosing one starts from its own values)"));
        choice.setCellFactory(v -> new PresetCell());
        choice.setButtonCell(new PresetCell());
        choice.valueProperty().addListener((o, a, b) -> { if (b != null && b != session.presetProperty().get()) session.select(b); });
        Label description = new Label();
        description.setId("model-description");
        description.getStyleClass().add("model-description");
        description.setWrapText(true);
        Label reactions = new Label();
        reactions.setId("model-reactions");
        reactions.getStyleClass().add("reactions");
        reactions.setWrapText(true);
        session.presetProperty().addListener((o, a, p) -> {
            choice.setValue(p);
            description.setText(p.model().description());
        });
        session.modelProperty().addListener((o, a, m) -> { if (m != null) reactions.setText(reactionsText(m)); });
        Label title = new Label("Model");
        title.getStyleClass().add("section-title");
        getChildren().addAll(title, choice, description, reactions);
    }

    static String reactionsText(Model m) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < m.reactionCount(); r++) {
            if (r > 0) sb.append('\n');
            sb.append(m.describe(r));
        }
        return sb.toString();
    }

    private static final class PresetCell extends ListCell<Preset> {
        @Override protected void updateItem(Preset p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? "" : p.model().name());
        }
    }
}
