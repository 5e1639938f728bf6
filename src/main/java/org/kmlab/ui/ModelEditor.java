package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kmlab.model.Equations;
import org.kmlab.model.Model;
import org.kmlab.model.ModelText;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The model as text (one reaction per line) with its problems listed by line as one types, and
 * the model's master equation and Fokker–Planck equation with A and B written out beneath.
 * Save as preset (JSON) or as text, or export as SBML.
 */
public final class ModelEditor extends VBox {
    private final ModelEditorViewModel vm;
    private final SessionViewModel session;
    private final Supplier<Window> owner;
    private final MathView equations = new MathView(15f);
    private final TextArea area = new TextArea();
    private java.awt.Color ink = java.awt.Color.BLACK;

    private final LineGutter gutter;

    public ModelEditor(ModelEditorViewModel vm, SessionViewModel session, Supplier<Window> owner) {
        this.vm = vm;
        this.session = session;
        this.owner = owner;
        getStyleClass().add("model-editor");
        setSpacing(6);
        setPadding(new Insets(8));
        Label help = new Label("One reaction per line, e.g. 'death: X -> 0 @ k2' or 'X -> 0 @ prop: k2*X'; "
                + "values as 'k1 = 10 [0 .. 100]; Omega = 20; X = 0'. The model follows the text a moment after you stop typing.");
        help.setWrapText(true);
        help.getStyleClass().add("field-note");
        area.setId("model-text");
        area.getStyleClass().add("reactions");
        area.setPrefRowCount(12);
        area.setTooltip(new Tooltip("The model as text: one reaction per line (name: A + B -> C @ rate), parameters and Ω; "
                + "read as you type, and a valid model replaces the one on show"));
        area.setWrapText(false);
        area.setText(vm.textProperty().get());
        vm.textProperty().addListener((o, a, b) -> { if (!b.equals(area.getText())) area.setText(b); });
        area.textProperty().addListener((o, a, b) -> { if (!b.equals(vm.textProperty().get())) vm.edited(b); });

        ListView<ModelText.Problem> problems = new ListView<>(vm.problems());
        problems.setId("model-problems");
        problems.setPrefHeight(90);
        problems.getStyleClass().add("problems");
        problems.setOnMouseClicked(e -> {
            ModelText.Problem p = problems.getSelectionModel().getSelectedItem();
            if (p != null) goToLine(p.line());
        });
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        Label state = new Label();
        state.setId("model-text-state");
        state.textProperty().bind(vm.stateProperty());
        state.setWrapText(true);

        Button saveJson = new Button("Save as preset…");
        saveJson.setTooltip(new Tooltip("Write the model and the run settings as a kmlab preset (JSON) that File ▸ Open and the command line read"));
        saveJson.setOnAction(e -> save(true));
        Button saveText = new Button("Save as text…");
        saveText.setTooltip(new Tooltip("Write this text as a .kmlab file"));
        saveText.setOnAction(e -> save(false));
        Button saveSbml = new Button("Export SBML…");
        saveSbml.setTooltip(new Tooltip("Write the model as SBML Level 3 Version 2: kinetic laws are the propensities in molecules per unit time"));
        saveSbml.setOnAction(e -> saveSbml());
        HBox buttons = new HBox(8, saveJson, saveText, saveSbml);

        Label title = new Label("Equations of the model");
        title.getStyleClass().add("section-title");
        ScrollPane math = new ScrollPane(equations);
        math.setFitToWidth(false);
        math.setPrefViewportHeight(260);
        VBox.setVgrow(math, Priority.ALWAYS);
        gutter = new LineGutter(area, vm.problems());
        HBox.setHgrow(area, Priority.ALWAYS);
        HBox text = new HBox(gutter, area);
        getChildren().addAll(help, text, state, problems, buttons, title, math);
        session.modelProperty().addListener((o, a, m) -> showEquations(m));
        if (session.model() != null) showEquations(session.model());
    }

    /** The text colour of the theme (equations are drawn in it). */
    void useInk(javafx.scene.paint.Color c) {
        ink = new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
        if (session.model() != null) showEquations(session.model());
    }

    private javafx.beans.value.ObservableBooleanValue drawn = new javafx.beans.property.SimpleBooleanProperty(true);
    private boolean stale;

    /**
     * Draws the equations only while {@code on} holds (the tab on show): LaTeX through Swing is the
     * costliest thing at start-up and was redrawn at every slider step while hidden.
     */
    void drawWhile(javafx.beans.value.ObservableBooleanValue on) {
        drawn = on;
        on.addListener((o, was, is) -> { if (is && stale) showEquations(session.model()); });
    }

    private void showEquations(Model m) {
        if (m == null) return;
        if (!drawn.get()) {
            stale = true;
            return;
        }
        stale = false;
        List<String> lines = new ArrayList<>();
        lines.add("\\text{Master equation:}");
        lines.add(Equations.masterEquation(m));
        lines.add("\\text{Fokker–Planck equation:}");
        lines.add(Equations.fokkerPlanck(m));
        lines.addAll(Equations.drift(m));
        lines.addAll(Equations.diffusion(m));
        equations.show(lines, ink);
    }

    /** The line numbers beside the text (for tests). */
    LineGutter gutter() { return gutter; }

    private void goToLine(int line) {
        String[] rows = area.getText().split("\\R", -1);
        int at = 0;
        for (int i = 0; i < line - 1 && i < rows.length; i++) at += rows[i].length() + 1;
        area.requestFocus();
        area.positionCaret(Math.min(at, area.getLength()));
    }

    private void save(boolean json) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(json ? "Save the model as a kmlab preset" : "Save the model as text");
        chooser.getExtensionFilters().add(json ? new FileChooser.ExtensionFilter("kmlab preset", "*.json")
                : new FileChooser.ExtensionFilter("reaction text", "*.kmlab"));
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) return;
        try {
            if (json) PresetIO.write(new Preset(ModelEditorViewModel.ID, session.model(), session.settings()), f.toPath());
            else org.kmlab.model.AtomicFiles.writeString(f.toPath(), area.getText());
            session.setNotice("Wrote " + f.getAbsolutePath());
        } catch (IOException e) {
            session.setNotice("⚠ could not write " + f + ": " + e.getMessage());
        }
    }

    private void saveSbml() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the model as SBML");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SBML", "*.xml", "*.sbml"));
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) return;
        try {
            org.kmlab.model.AtomicFiles.writeString(f.toPath(), org.kmlab.model.SbmlExport.write(session.model()));
            session.setNotice("Wrote " + f.getAbsolutePath());
        } catch (IOException e) {
            session.setNotice("⚠ could not write " + f + ": " + e.getMessage());
        } catch (org.kmlab.model.ModelException e) {   // a function SBML has no MathML for (lgamma)
            session.setNotice("⚠ not written: " + e.getMessage());
        }
    }
}
