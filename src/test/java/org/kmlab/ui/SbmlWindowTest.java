package org.kmlab.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.SbmlTestModels;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.text;
import static org.kmlab.ui.WindowDriver.waitFor;

/** Opening SBML in the window as File ▸ Open does: a model shows, a refused one leaves its reason. */
@ExtendWith(ApplicationExtension.class)
class SbmlWindowTest {
    @TempDir static Path dir;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.showOnFakes(stage, dir);
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    @Test void anSbmlFileOpensAsTheModelOnShow(FxRobot robot) {
        AtomicBoolean opened = new AtomicBoolean();
        robot.interact(() -> opened.set(window.openPreset(Path.of("src/test/resources/sbml/features-l3v1.xml"))));
        assertTrue(opened.get());
        waitFor(5, () -> window.session().model().name().equals("SBML features"));
        waitFor(5, () -> text(robot, "#model-reactions").contains("feed"));
    }

    @Test void aRefusedSbmlFileLeavesItsReasonAndTheModelUnchanged(FxRobot robot) throws IOException {
        Path xml = dir.resolve("rate-rule.xml");
        Files.writeString(xml, SbmlTestModels.withRateRuleOnX());
        String before = window.session().model().name();
        AtomicBoolean opened = new AtomicBoolean(true);
        robot.interact(() -> opened.set(window.openPreset(xml)));
        assertFalse(opened.get());
        waitFor(5, () -> text(robot, "#status-message").contains("rate-rule.xml: rate rule on species 'X' is not supported"));
        assertEquals(before, window.session().model().name());
    }
}
