package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The bottom line of the window, bound to a {@link StatusViewModel}. */
public final class StatusBar extends HBox {
    public StatusBar(StatusViewModel vm) {
        getStyleClass().add("status-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        Label time = label("status-time", vm.timeProperty());
        Label rate = label("status-rate", vm.rateProperty());
        Label done = label("status-done", vm.doneProperty());
        Label l1 = label("status-l1", vm.distanceProperty());
        Label message = label("status-message", vm.messageProperty());
        // a long message is cut with "…" and shown whole in a tooltip: it never widens the window
        message.setMinWidth(0);
        message.setPrefWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        HBox.setHgrow(message, Priority.ALWAYS);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        whole.textProperty().bind(vm.messageProperty());
        message.setTooltip(whole);
        vm.failedProperty().addListener((o, a, b) -> {
            if (b) message.getStyleClass().add("error");
            else message.getStyleClass().remove("error");
        });
        getChildren().addAll(time, sep(), rate, sep(), done, sep(), l1, sep(), message);
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Separator sep() { return new Separator(Orientation.VERTICAL); }
}
