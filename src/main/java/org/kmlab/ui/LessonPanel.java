package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson beside the charts: its title, "step 2 of 6", the step's text, its question and what
 * to look at, with Previous / Next. Colours and sizes come from the theme's style sheets
 * (classes {@code lesson-*}), so it reads in the dark theme and in classroom mode alike.
 */
final class LessonPanel extends javafx.scene.layout.BorderPane {
    private final LessonViewModel vm;
    private final Label title = label("lesson-title", "lesson-title");
    private final Label position = label("lesson-position", "lesson-position");
    private final Label stepTitle = label("lesson-step-title", "lesson-step-title");
    private final Label text = label("lesson-text", "lesson-text");
    private final Label questionHead = label(null, "lesson-head"), question = label("lesson-question", "lesson-question");
    private final Label lookHead = label(null, "lesson-head"), look = label("lesson-look", "lesson-look");
    private final Button previous = new Button("◀ Previous"), next = new Button("Next ▶");

    LessonPanel(LessonViewModel vm, Runnable close) {
        this.vm = vm;
        getStyleClass().add("lesson-panel");
        setId("lesson-panel");
        questionHead.setText("Question");
        lookHead.setText("Look at");
        previous.setId("lesson-previous");
        next.setId("lesson-next");
        previous.setTooltip(new Tooltip("The step before, with its own preset and values (PgUp)"));
        next.setTooltip(new Tooltip("The next step: its preset and values are applied and the run starts (PgDn)"));
        previous.setOnAction(e -> vm.previous());
        next.setOnAction(e -> vm.next());
        Button again = new Button("↺");
        again.setId("lesson-again");
        again.setTooltip(new Tooltip("This step again, from its own values (undoes the sliders moved since)"));
        again.setOnAction(e -> vm.again());
        Button closeButton = new Button("✕");
        closeButton.setId("lesson-close");
        closeButton.setTooltip(new Tooltip("Close the lesson (the charts show every pane again)"));
        closeButton.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        for (Button b : new Button[] {previous, next, again, closeButton}) b.setMinWidth(Region.USE_PREF_SIZE);   // never "N…" in classroom type
        HBox buttons = new HBox(6, previous, next);
        buttons.setPadding(new Insets(8, 12, 10, 12));
        // the words scroll (long in classroom type); the buttons stay in sight, under them
        HBox top = new HBox(6, position, gap, again, closeButton);   // ↺ and ✕ up here: the bottom row keeps its width for Previous / Next
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox words = new VBox(8, title, top, stepTitle, text, questionHead, question, lookHead, look);
        words.setPadding(new Insets(10, 12, 4, 12));
        words.getStyleClass().add("lesson-words");
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(words);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-scroll");
        setCenter(scroll);
        setBottom(buttons);
        vm.indexProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        Lesson.Step s = vm.step();
        if (s == null) return;
        Lesson l = vm.lesson();
        title.setText(l.title());
        position.setText("Step " + (vm.index() + 1) + " of " + l.steps().size());
        stepTitle.setText(s.title());
        if (getCenter() instanceof javafx.scene.control.ScrollPane sp) sp.setVvalue(0);   // a new step is read from its top
        text.setText(s.text());
        show(questionHead, question, s.question());
        show(lookHead, look, s.look());
        previous.setDisable(!vm.hasPrevious());
        next.setDisable(!vm.hasNext());
    }

    private static void show(Label head, Label body, String words) {
        body.setText(words);
        head.setVisible(!words.isEmpty());
        body.setVisible(!words.isEmpty());
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        if (id != null) l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);   // wrapped text grows the panel, never an ellipsis
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
