package org.kmlab.ui;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.firstPanel;
import static org.kmlab.ui.WindowDriver.waitFor;
import static org.kmlab.ui.WindowDriver.waitUntilPlayedToTheEnd;

/** Every chart is an instrument: the crosshair reads data coordinates, a dragged rectangle zooms, a double-click goes back. */
@ExtendWith(ApplicationExtension.class)
class ChartInstrumentTest {
    @TempDir static Path config;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.showOnFakes(stage, config);
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    private Range xRange() { return firstPanel(window.charts().chart("distribution")).getDomainAxis().getRange(); }

    private Point2D onScreen(ChartPane pane, double x, double y) { return pane.localToScreen(x, y); }

    @Test void dragZoomsReadsAndDoubleClickGoesBack(FxRobot robot) {
        robot.interact(() -> window.transport().speedProperty().set(100));
        robot.clickOn("#play");
        int last = waitUntilPlayedToTheEnd(window, 30).recording().timeCount() - 1;
        ChartPane pane = window.charts().paneNode("distribution");
        waitFor(10, () -> window.charts().shownIndex() == last && !pane.panels().isEmpty());
        AtomicReference<Range> before = new AtomicReference<>();
        robot.interact(() -> before.set(xRange()));
        PanelGeometry g = pane.panels().get(0);

        robot.moveTo(onScreen(pane, g.left() + 0.5 * g.width(), g.top() + 0.5 * g.height()));
        waitFor(5, () -> pane.readoutText().startsWith("x = "));
        double middle = g.dataX(g.left() + 0.5 * g.width());
        assertTrue(pane.readoutText().startsWith("x = " + ChartPane.number(middle)), pane.readoutText() + " at x = " + middle);
        waitFor(5, () -> pane.readoutText().contains("\n"));   // the series' values, read on the render thread
        assertTrue(pane.readoutText().split("\n")[1].matches(".+ [-0-9.e]+( · .+ [-0-9.e]+)*"), pane.readoutText());

        double x0 = g.left() + 0.3 * g.width(), x1 = g.left() + 0.6 * g.width();
        robot.drag(onScreen(pane, x0, g.top() + 0.2 * g.height()), MouseButton.PRIMARY)
                .dropTo(onScreen(pane, x1, g.top() + 0.8 * g.height()));
        waitFor(10, () -> window.charts().isZoomed("distribution") && Math.abs(xRange().getLowerBound() - g.dataX(x0)) < 1e-3 * before.get().getLength());
        assertEquals(g.dataX(x1), xRange().getUpperBound(), 1e-3 * before.get().getLength(), "the dragged rectangle's right edge");
        assertTrue(xRange().getLength() < 0.5 * before.get().getLength(), "zoomed in: " + xRange());

        robot.doubleClickOn(onScreen(pane, g.left() + 0.5 * g.width(), g.top() + 0.5 * g.height()), MouseButton.PRIMARY);
        waitFor(10, () -> !window.charts().isZoomed("distribution") && Math.abs(xRange().getLength() - before.get().getLength()) < 1e-9 * before.get().getLength());
        assertFalse(window.charts().isZoomed("distribution"));
    }

    @Test void numbersInTheReadoutAreShortAndExact() {
        assertEquals("3.142", ChartPane.number(Math.PI));
        assertEquals("1.000e-04", ChartPane.number(1e-4));
        assertEquals("1234.5", ChartPane.number(1234.5));
        assertEquals("0", ChartPane.number(0).replaceAll("\\.0+$", ""));
    }
}
