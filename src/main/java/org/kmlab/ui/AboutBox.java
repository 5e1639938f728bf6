package org.kmlab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kmlab.run.BuildInfo;

/** Help ▸ About kmlab: the version, Java and JavaFX, and the bundled libraries with their licences. */
final class AboutBox {
    private AboutBox() {}

    static Alert create(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("About kmlab");
        a.setHeaderText("kmlab " + BuildInfo.version() + ": Kramers–Moyal Lab");
        StringBuilder libs = new StringBuilder();
        for (BuildInfo.Library l : BuildInfo.LIBRARIES) libs.append(l.name()).append(": ").append(l.licence()).append("  ").append(l.url()).append('\n');
        TextArea text = new TextArea(libs.toString());
        text.setEditable(false);
        text.setPrefRowCount(BuildInfo.LIBRARIES.size() + 1);
        text.setId("about-libraries");
        Label runtime = new Label("Gillespie ensembles, the master equation and the Fokker–Planck approximation side by side.\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version", "?") + ".\nBundled libraries:");
        runtime.setWrapText(true);
        a.getDialogPane().setContent(new VBox(8, runtime, text));
        return a;
    }
}
