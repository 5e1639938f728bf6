package org.kmlab.ui;

import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kmlab.chart.ShadedSolver;
import org.kmlab.run.SolverRegistry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Under the time course: the shading's solver is one of those switched on, or the best; a solver switched off falls back to the best. */
@ExtendWith(ApplicationExtension.class)
class ShadingControlsTest {
    @Start void start(Stage stage) { }

    @Test @SuppressWarnings("unchecked")
    void chooseASolverAndFallBackWhenItIsSwitchedOff(FxRobot robot) {
        List<ShadedSolver> chosen = new ArrayList<>();
        ShadingControls[] c = new ShadingControls[1];
        robot.interact(() -> {
            c[0] = new ShadingControls(SolverRegistry.builtIn(), chosen::add);
            c[0].solversChanged(List.of("ssa", "cme", "fp"));
        });
        ChoiceBox<String> box = (ChoiceBox<String>) c[0].lookup("#shading-solver");
        assertEquals(List.of(ShadingControls.BEST, "SSA", "CME", "FP"), box.getItems());
        robot.interact(() -> box.setValue("FP"));
        assertEquals(new ShadedSolver("fp"), chosen.get(chosen.size() - 1));
        robot.interact(() -> c[0].solversChanged(List.of("ssa", "cme")));
        assertEquals(ShadingControls.BEST, box.getValue(), "FP is off");
        assertNull(chosen.get(chosen.size() - 1), "back to the best");
    }
}
