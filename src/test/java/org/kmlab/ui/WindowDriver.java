package org.kmlab.ui;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.kmlab.run.Run;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** Helpers the window tests share: waiting on conditions (never sleeping) and reading chart data. */
final class WindowDriver {
    private WindowDriver() {}

    /** A three-species chain in reaction text (0 → A → B → C → 0): more species than the cloud and the 2-D solvers take. */
    static final String CHAIN = """
            k1 = 1; k2 = 0.5; k3 = 0.2; Omega = 10; A = 5; B = 0; C = 0
            0 -> A @ k1
            A -> B @ k2
            B -> C @ k3
            C -> 0 @ k3
            """;

    /** The main window on these solvers, with a settings file of its own in dir (tests never share one), shown. */
    static MainWindow show(Stage stage, SolverRegistry solvers, Path dir) {
        MainWindow w = new MainWindow(stage, SimulationService.background(solvers), freshSettings(dir), Path.of("presets"));
        stage.show();
        return w;
    }

    /** The same on fake solvers that finish at once: for tests of the window, not of the physics. */
    static MainWindow showOnFakes(Stage stage, Path dir) {
        return show(stage, FakeSolver.all(new AtomicLong(1_000_000L)), dir);
    }

    /** A settings file no other test uses. */
    static SettingsStore freshSettings(Path dir) {
        return new SettingsStore(dir.resolve("settings-" + System.nanoTime() + ".json"));
    }

    static void waitFor(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    /** Waits until the run on show has finished and playback reached its last recorded time. */
    static Run waitUntilPlayedToTheEnd(MainWindow w, long seconds) {
        waitFor(seconds, () -> {
            Run r = w.session().run();
            return r != null && r.isFinished() && !w.transport().isPlaying();
        });
        return w.session().run();
    }

    /** Replaces a field's text as a user would (click, go to the end, erase, type, Enter). */
    static void typeInto(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField f = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> scrollIntoView(f));
        robot.clickOn(id).push(javafx.scene.input.KeyCode.END).eraseText(f.getText().length()).write(text).type(javafx.scene.input.KeyCode.ENTER);
    }

    /** Scrolls the side panel (or any enclosing scroll pane) so the node is in view, as a user would before clicking it. */
    static void scrollIntoView(javafx.scene.Node node) {
        for (javafx.scene.Node p = node.getParent(); p != null; p = p.getParent()) {
            if (!(p instanceof javafx.scene.control.ScrollPane sp)) continue;
            javafx.scene.Node content = sp.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double spare = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (spare > 0) sp.setVvalue(Math.max(0, Math.min(1, (y - sp.getViewportBounds().getHeight() / 3) / spare)));
            sp.layout();
            return;
        }
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Items in dataset {@code dataset}, series {@code series} of the first panel of a chart. */
    static int items(JFreeChart chart, int dataset, int series) {
        XYDataset d = firstPanel(chart).getDataset(dataset);
        return d == null || d.getSeriesCount() <= series ? 0 : d.getItemCount(series);
    }

    static XYPlot firstPanel(JFreeChart chart) {
        return org.kmlab.chart.ChartLooks.xyPlots(chart.getPlot()).get(0);
    }
}
