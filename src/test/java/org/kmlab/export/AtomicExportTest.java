package org.kmlab.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export is written whole or not at all, and a place it cannot write is named in a clear message. */
class AtomicExportTest {
    @TempDir Path dir;

    private final Figure figure = ChartFigure.asShown(TestCharts.lines("t"), FigureSize.SINGLE);

    @Test
    void aMissingFolderIsNamedAndNothingIsLeft() {
        Path target = dir.resolve("no-such-folder").resolve("fig.png");
        for (FigureFormat format : List.of(FigureFormat.PNG, FigureFormat.SVG, FigureFormat.PDF)) {
            ExportException e = assertThrows(ExportException.class, () -> FigureFiles.write(figure, format, target, 300));
            assertEquals("cannot write " + target.toAbsolutePath() + ": the folder " + target.getParent().toAbsolutePath() + " does not exist", e.getMessage());
        }
        assertEquals(List.of(), list(dir));
    }

    @Test
    void aPathThroughAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path target = file.resolve("fig.pdf");
        ExportException e = assertThrows(ExportException.class, () -> PdfFigureWriter.write(figure, target));
        assertTrue(e.getMessage().startsWith("cannot write " + target.toAbsolutePath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void aFolderIsNotOverwritten() throws IOException {
        Path target = Files.createDirectory(dir.resolve("fig.svg"));
        ExportException e = assertThrows(ExportException.class, () -> SvgFigureWriter.write(figure, target));
        assertEquals("cannot write " + target.toAbsolutePath() + ": it is a folder", e.getMessage());
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void aFailureWhileDrawingLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("fig.gif"), "previous figure");
        Figure broken = new Figure() {
            @Override public double widthPt() { return 100; }
            @Override public double heightPt() { return 100; }
            @Override public void draw(java.awt.Graphics2D g) { throw new IllegalStateException("chart has no data"); }
        };
        Figure ok = ChartFigure.asShown(TestCharts.lines("t"), new FigureSize("test", 100, 100, 8, 1));
        // the second frame fails after the first has been written to the temporary file
        ExportException e = assertThrows(ExportException.class, () -> GifAnimationWriter.write(List.of(ok, broken), target, 10, 72));
        assertEquals("cannot write " + target.toAbsolutePath() + ": chart has no data", e.getMessage());
        assertEquals("previous figure", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void aReadOnlyFolderGivesTheErrorAndNoFile() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "root may write anywhere");
            Path target = locked.resolve("fig.png");
            ExportException e = assertThrows(ExportException.class, () -> PngFigureWriter.write(figure, target, 300));
            assertEquals("cannot write " + target.toAbsolutePath() + ": permission denied", e.getMessage());
            assertEquals(List.of(), list(locked));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aWrittenFigureReplacesTheOldOneAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("fig.pdf"), "old");
        PdfFigureWriter.write(figure, target);
        assertTrue(Files.readString(target, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        assertEquals(List.of(target), list(dir));
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
