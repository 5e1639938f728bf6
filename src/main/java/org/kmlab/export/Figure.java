package org.kmlab.export;

import java.awt.Graphics2D;

/**
 * Something drawable at a fixed printed size: one chart or a grid of panels. The writers turn it
 * into PNG, SVG, PDF or GIF frames; all of them call {@link #draw} with user space in points.
 * A figure owns copies of its charts, so it may be drawn on any thread, any number of times.
 */
public interface Figure {
    double widthPt();

    double heightPt();

    /** Draws the whole figure into the rectangle (0, 0, widthPt, heightPt) of {@code g}. */
    void draw(Graphics2D g);
}
