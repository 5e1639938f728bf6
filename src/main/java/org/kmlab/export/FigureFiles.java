package org.kmlab.export;

import java.nio.file.Path;

/** Writes a still figure in any still format: the one call the window and the CLI make. */
public final class FigureFiles {
    private FigureFiles() {}

    /**
     * @param dpi used by PNG only; SVG and PDF are vector and carry their size in points
     * @throws IllegalArgumentException for GIF, which needs frames ({@link GifAnimationWriter})
     */
    public static void write(Figure figure, FigureFormat format, Path target, double dpi) throws ExportException {
        switch (format) {
            case PNG -> PngFigureWriter.write(figure, target, dpi);
            case SVG -> SvgFigureWriter.write(figure, target);
            case PDF -> PdfFigureWriter.write(figure, target);
            case GIF -> throw new IllegalArgumentException("a GIF is an animation: write its frames with GifAnimationWriter");
        }
    }
}
