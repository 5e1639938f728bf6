package org.kmlab.export;

import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.PDFHints;
import com.orsonpdf.Page;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;

/**
 * Vector PDF through OrsonPDF, one page of exactly the figure's size in points. Text is drawn as
 * glyph outlines: OrsonPDF's only other option, the standard Type 1 fonts, cannot encode Ω, ⟨⟩ or
 * the minus sign, while outlines need no font at all, so the file looks the same in every viewer
 * and print shop (the journals' "all fonts embedded" check passes trivially).
 */
public final class PdfFigureWriter {
    private PdfFigureWriter() {}

    public static void write(Figure figure, Path target) throws ExportException {
        byte[] pdf = render(figure, "kmlab figure");
        AtomicExport.write(target, out -> out.write(pdf));
    }

    /** The PDF file's bytes. */
    public static byte[] render(Figure figure, String title) {
        double w = figure.widthPt(), h = figure.heightPt();
        PDFDocument doc = new PDFDocument();
        doc.setTitle(title);
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, w, h));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        // OrsonPDF flips the y axis about the page height rounded down to whole points; shift back the fraction.
        g.translate(0, Math.floor(h) - h);
        figure.draw(g);
        return doc.getPDFBytes();
    }
}
