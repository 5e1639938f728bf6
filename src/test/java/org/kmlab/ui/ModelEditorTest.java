package org.kmlab.ui;

import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.Model;
import org.kmlab.model.ModelText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.waitFor;

/** The model typed as text in the window: problems on their lines, the last valid model kept, equations shown. */
@ExtendWith(ApplicationExtension.class)
class ModelEditorTest {
    @TempDir static Path config;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.showOnFakes(stage, config);
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    @Test void aTypedModelRunsAndAMistakeIsMarkedOnItsLineWhileTheLastValidModelKeepsRunning(FxRobot robot) {
        robot.clickOn("#tab-text");
        TextArea area = robot.lookup("#model-text").queryAs(TextArea.class);
        assertTrue(area.getText().contains("birth: 0 -> X  @ k1"), area.getText());
        Model before = window.session().model();

        robot.interact(() -> area.setText("k = 1; g = 0.5\nmake: 0 -> Y @ k\nlose: Y -> 0 @ gg\n"));
        ListView<?> problems = robot.lookup("#model-problems").queryAs(ListView.class);
        waitFor(5, () -> problems.getItems().size() == 1);
        assertEquals(new ModelText.Problem(3, "unknown name 'gg' in the rate; did you mean 'g'?"), problems.getItems().get(0));
        assertEquals(before, window.session().model(), "the last valid model keeps running");
        LineGutter gutter = robot.lookup(".gutter").queryAs(LineGutter.class);
        waitFor(5, () -> gutter.label(3) != null && gutter.label(3).getText().equals("⚠ 3"));
        javafx.scene.control.Label marked = gutter.label(3), plain = gutter.label(2);
        assertTrue(marked.getStyleClass().contains(LineGutter.PROBLEM), "the line with the mistake is marked");
        assertEquals("line 3: unknown name 'gg' in the rate; did you mean 'g'?", marked.getTooltip().getText());
        assertEquals("2", plain.getText());
        assertTrue(!plain.getStyleClass().contains(LineGutter.PROBLEM));
        javafx.scene.text.Text text = (javafx.scene.text.Text) area.lookup(".text");
        double lineHeight = text.getLayoutBounds().getHeight() / 4;   // three lines and the empty fourth
        double apart = marked.localToScene(0, 0).getY() - plain.localToScene(0, 0).getY();
        assertEquals(lineHeight, apart, 0.5, "one line apart, as the text's lines are");
        double textTop = text.localToScene(text.getLayoutBounds()).getMinY();
        assertEquals(textTop + 2 * lineHeight, marked.localToScene(0, 0).getY(), 1.0, "level with the third line of the text");

        robot.interact(() -> area.setText("k = 1; g = 0.5\nmake: 0 -> Y @ k\nlose: Y -> 0 @ g\n"));
        waitFor(5, () -> window.session().model().species().get(0).name().equals("Y"));
        assertEquals(0.5, window.session().model().parameter("g"));
        assertTrue(problems.getItems().isEmpty());
        waitFor(5, () -> gutter.label(3) != null && gutter.label(3).getText().equals("3"));
        assertTrue(robot.lookup(".math-view").query().isVisible());
        waitFor(5, () -> ((javafx.scene.layout.VBox) robot.lookup(".math-view").query()).getChildren().size() >= 6);
    }
}
