package org.kmlab.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StatusViewModelTest {
    @Test
    void aChartThatCannotBeDrawnIsShownAsAProblemNotOnlyOnTheConsole() {
        StatusViewModel status = new StatusViewModel();
        status.update(null, -1, "");
        status.reportDrawingProblem("");
        assertFalse(status.failedProperty().get());
        assertEquals("Ready: press Play (Space)", status.messageProperty().get());
        status.reportDrawingProblem("chart drawing failed: boom");
        assertTrue(status.failedProperty().get());
        assertEquals("⚠ chart drawing failed: boom", status.messageProperty().get());
        status.update(null, -1, "");
        assertFalse(status.failedProperty().get(), "the next good frame clears it");
    }
}
