package org.kmlab.export;

import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * SVG through JFreeSVG: vector shapes and real {@code <text>} elements (editable in Inkscape or
 * Illustrator), with the printed size in points and a viewBox in the same units.
 */
public final class SvgFigureWriter {
    static {
        // JFreeChart draws rotated text (the y-axis label) through TextLayout by default, a workaround
        // for JDKs before 6 that turns the text into outlines; Java 17 rotates drawString correctly,
        // and only drawString becomes an SVG <text> element.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgFigureWriter() {}

    public static void write(Figure figure, Path target) throws ExportException {
        byte[] svg = render(figure).getBytes(StandardCharsets.UTF_8);
        AtomicExport.write(target, out -> out.write(svg));
    }

    /** The figure as a standalone SVG document. */
    public static String render(Figure figure) {
        double w = figure.widthPt(), h = figure.heightPt();
        SVGGraphics2D g = new SVGGraphics2D(w, h, SVGUnits.PT);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        figure.draw(g);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null) + "\n";
    }
}
