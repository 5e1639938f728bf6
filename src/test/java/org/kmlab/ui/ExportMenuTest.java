package org.kmlab.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.export.ExportException;
import org.kmlab.export.FigureSize;
import org.kmlab.chart.Panes;
import org.kmlab.run.Run;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.waitFor;
import static org.kmlab.ui.WindowDriver.waitUntilPlayedToTheEnd;

/** Exports from the real window (headless, stand-in solvers): the file is there, whole, at the asked size. */
@ExtendWith(ApplicationExtension.class)
class ExportMenuTest {
    @TempDir static Path config;
    @TempDir Path out;
    private MainWindow window;
    private ExportMenu menu;

    @Start void start(Stage stage) {
        window = WindowDriver.showOnFakes(stage, config);
        menu = new ExportMenu(() -> stage, window.session(), () -> window.theme().chartStyle(), () -> window.transport().index(), () -> window.charts().options());
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test void theFileMenuOffersTheExports(FxRobot robot) {
        robot.clickOn("File");
        assertTrue(robot.lookup("Export figure…").tryQuery().isPresent());
        assertTrue(robot.lookup("Export animation…").tryQuery().isPresent());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test void aFigureAndAnAnimationExportedFromThePlayedRun(FxRobot robot) throws Exception {
        robot.interact(() -> window.transport().speedProperty().set(100));
        robot.clickOn("#play");
        Run run = waitUntilPlayedToTheEnd(window, 20);

        Path png = out.resolve("window.png");
        AtomicReference<CompletableFuture<Path>> figure = new AtomicReference<>();
        robot.interact(() -> figure.set(menu.exportFigure(new ExportMenu.Request(List.of(Panes.DISTRIBUTION), FigureSize.SINGLE, 300, true, 10), png)));
        assertEquals(png, figure.get().get(20, TimeUnit.SECONDS));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1050, image.getWidth());
        assertEquals(FigureSize.SINGLE.heightPixels(300), image.getHeight());
        waitFor(5, () -> window.session().noticeProperty().get().equals("Wrote " + png.toAbsolutePath()));

        Path svg = out.resolve("shown.svg");
        robot.interact(() -> figure.set(menu.exportFigure(new ExportMenu.Request(List.of(Panes.DISTRIBUTION), FigureSize.SINGLE, 300, false, 10), svg)));
        figure.get().get(20, TimeUnit.SECONDS);
        String endTitle = String.format(java.util.Locale.ROOT, "Distribution at t = %.2f", run.recording().time(window.transport().index()));
        assertTrue(Files.readString(svg).contains(">" + endTitle + "<"), "the figure shows the window's time: " + endTitle);

        AtomicReference<CompletableFuture<BufferedImage>> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(menu.copyToClipboard(Panes.TIME_COURSE)));
        assertEquals(FigureSize.ONEHALF.widthPixels(192), copied.get().get(20, TimeUnit.SECONDS).getWidth());
        waitFor(5, () -> window.session().noticeProperty().get().equals("Copied the time course chart to the clipboard"));

        Path pdf = out.resolve("all.pdf");
        robot.interact(() -> figure.set(menu.exportFigure(new ExportMenu.Request(List.of(Panes.DISTRIBUTION, Panes.TIME_COURSE, Panes.KRAMERS_MOYAL), FigureSize.DOUBLE, 300, true, 10), pdf)));
        figure.get().get(20, TimeUnit.SECONDS);
        assertTrue(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));

        Path data = out.resolve("data");
        robot.interact(() -> figure.set(menu.exportData(data)));
        figure.get().get(20, TimeUnit.SECONDS);
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.resolve("summary.json").toFile());
        assertEquals("birth-death", summary.get("model").asText());
        assertEquals(run.recording().timeCount(), summary.get("solvers").get("ssa").get("times").size());
        List<String> lines = Files.readAllLines(data.resolve("timecourse.csv"));
        assertEquals("t,solver,species,mean,sd", lines.get(0));
        assertTrue(Files.exists(data.resolve("ssa.csv")));
        String shownTime = Double.toString(run.recording().time(window.transport().index()));
        assertTrue(Files.readAllLines(data.resolve("distribution-at-t.csv")).get(1).startsWith(shownTime + ",ssa,X,"), "the distributions at the time on show");
        assertEquals("x,A,B,M3/3!,M4/4!", Files.readAllLines(data.resolve("km.csv")).get(0));

        Path gif = out.resolve("anim.gif");
        robot.interact(() -> figure.set(menu.exportAnimation(new ExportMenu.Request(List.of(Panes.DISTRIBUTION), FigureSize.SINGLE, 72, false, 10), gif)));
        figure.get().get(60, TimeUnit.SECONDS);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(run.recording().timeCount(), reader.getNumImages(true));
        }
    }

    @Test void anUnwritablePlaceFailsWithTheReasonAndLeavesNothing(FxRobot robot) {
        Path target = out.resolve("missing").resolve("fig.svg");
        AtomicReference<CompletableFuture<Path>> figure = new AtomicReference<>();
        robot.interact(() -> figure.set(menu.exportFigure(new ExportMenu.Request(List.of(Panes.KRAMERS_MOYAL), FigureSize.SINGLE, 300, true, 10), target)));
        ExecutionException e = assertThrows(ExecutionException.class, () -> figure.get().get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ExportException);
        assertEquals("cannot write " + target.toAbsolutePath() + ": the folder " + target.getParent().toAbsolutePath() + " does not exist", e.getCause().getMessage());
        assertFalse(Files.exists(target.getParent()));
        robot.interact(() -> robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.getScene() != null && s.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .forEach(w -> ((Stage) w).close()));
    }
}
