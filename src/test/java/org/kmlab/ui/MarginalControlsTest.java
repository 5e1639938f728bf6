package org.kmlab.ui;

import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.MarginalChoice;
import org.kmlab.chart.PanelRow;
import org.kmlab.model.TestPresets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.waitFor;

/**
 * Under the distribution pane, "show" lists all, the species and the preset's observables as
 * written ("S = S_T − C"); a user picks the observable with the mouse in the real window and the
 * pane then draws that one panel alone. Hidden for a model with one quantity.
 */
@ExtendWith(ApplicationExtension.class)
class MarginalControlsTest {
    @TempDir static Path dir;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.showOnFakes(stage, dir);
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    @SuppressWarnings("unchecked")
    @Test void theBoxListsSpeciesAndObservablesAndKeepsTheChoiceByName(FxRobot robot) {
        List<MarginalChoice> published = new ArrayList<>();
        MarginalControls[] c = new MarginalControls[1];
        robot.interact(() -> {
            c[0] = new MarginalControls(published::add);
            c[0].modelChanged(TestPresets.model("enzyme"));
        });
        ChoiceBox<String> box = (ChoiceBox<String>) c[0].lookup("#marginal");
        assertTrue(c[0].isVisible());
        assertEquals(List.of(MarginalControls.ALL, "S_T", "C", "S = S_T − C"), box.getItems());
        assertEquals(MarginalChoice.ALL, c[0].choice());
        robot.interact(() -> box.setValue("S = S_T − C"));
        assertEquals(new MarginalChoice("S"), published.get(published.size() - 1));
        robot.interact(() -> c[0].modelChanged(TestPresets.model("enzyme").with("fast", 2)));
        assertEquals(new MarginalChoice("S"), c[0].choice(), "new values keep the choice");
        robot.interact(() -> c[0].modelChanged(TestPresets.model("birth-death")));
        assertFalse(c[0].isVisible(), "one species, no observable: nothing to choose");
        assertEquals(MarginalChoice.ALL, c[0].choice());
    }

    @Test void aUserPicksTheObservableAndTheDistributionShowsItAlone(FxRobot robot) {
        robot.interact(() -> assertTrue(window.openPreset(Path.of("presets/enzyme.json"))));
        waitFor(20, () -> robot.lookup("#marginal").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("#marginal");
        robot.clickOn("S = S_T − C");
        waitFor(20, () -> new MarginalChoice("S").equals(window.charts().analyses().get(MarginalChoice.class)));
        waitFor(20, () -> {
            JFreeChart chart = window.charts().chartSet().pane("distribution").map(p -> p.chart()).orElse(null);
            return chart != null && chart.getPlot() instanceof PanelRow row && row.panels().size() == 3 && row.shownPanels().size() == 1
                    && row.shownPanels().get(0) == row.panels().get(2);
        });
    }
}
