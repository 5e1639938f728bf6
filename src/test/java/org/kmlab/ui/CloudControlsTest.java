package org.kmlab.ui;

import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.CloudAxes;
import org.kmlab.model.Model;
import org.kmlab.model.ModelText;
import org.kmlab.model.TestPresets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * A model with three species: under the probability cloud, two boxes choose the pair on show;
 * picking the species the other box holds swaps them; with two species the boxes are hidden.
 */
@ExtendWith(ApplicationExtension.class)
class CloudControlsTest {
    @TempDir static Path dir;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.showOnFakes(stage, dir);
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    @Test void theBoxesChooseThePairAndSwapRatherThanRepeat(FxRobot robot) {
        List<CloudAxes> published = new ArrayList<>();
        CloudControls[] c = new CloudControls[1];
        Model chain = ModelText.parse(WindowDriver.CHAIN, "chain").model();
        robot.interact(() -> {
            c[0] = new CloudControls(published::add);
            c[0].modelChanged(chain);
        });
        assertTrue(c[0].isVisible());
        assertEquals(new CloudAxes(0, 1), c[0].axes());
        ChoiceBox<?> across = (ChoiceBox<?>) c[0].lookup("#cloud-x"), up = (ChoiceBox<?>) c[0].lookup("#cloud-y");
        robot.interact(() -> ((ChoiceBox<String>) across).setValue("C"));
        assertEquals(new CloudAxes(2, 1), c[0].axes());
        robot.interact(() -> ((ChoiceBox<String>) up).setValue("C"));
        assertEquals(new CloudAxes(1, 2), c[0].axes(), "up took C from across, which took up's B");
        assertEquals(new CloudAxes(1, 2), published.get(published.size() - 1));
        robot.interact(() -> c[0].modelChanged(chain));
        assertEquals(new CloudAxes(1, 2), c[0].axes(), "the same species keep the choice");
        robot.interact(() -> c[0].modelChanged(TestPresets.model("predator-prey")));
        assertFalse(c[0].isVisible(), "two species: nothing to choose");
        assertEquals(CloudAxes.FIRST_TWO, c[0].axes());
    }

    @Test void theWindowShowsThemUnderTheCloudOfAThreeSpeciesModel(FxRobot robot) throws IOException {
        Path file = dir.resolve("chain.kmlab");
        Files.writeString(file, WindowDriver.CHAIN);
        robot.interact(() -> assertTrue(window.openPreset(file)));
        waitFor(20, () -> robot.lookup("#cloud-pair").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.interact(() -> window.openPreset(Path.of("presets/predator-prey.json")));
        waitFor(20, () -> !robot.lookup("#cloud-pair").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
    }
}
