package org.kmlab.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import java.util.List;

/** Axes and axis labels shared by the panes. */
final class Axes {
    /** The least distance between two automatic ticks, in Java2D units (pixels on screen, points in a figure). */
    static final double MIN_TICK_GAP_VERTICAL = 36, MIN_TICK_GAP_HORIZONTAL = 48;

    private Axes() {}

    /** A number axis whose automatic ticks stay readable (see {@link ReadableAxis}). */
    static NumberAxis number(String label) { return new ReadableAxis(label); }

    /**
     * JFreeChart packs automatic ticks as tightly as the labels allow: a tall probability axis got
     * 46 labels 0.005 apart. This one takes the next larger standard unit until the ticks are at
     * least {@link #MIN_TICK_GAP_VERTICAL} (or {@link #MIN_TICK_GAP_HORIZONTAL}) apart.
     */
    private static final class ReadableAxis extends NumberAxis {
        ReadableAxis(String label) { super(label); }

        @Override protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            super.selectAutoTickUnit(g2, dataArea, edge);
            boolean across = RectangleEdge.isTopOrBottom(edge);
            double length = across ? dataArea.getWidth() : dataArea.getHeight();
            double gap = across ? MIN_TICK_GAP_HORIZONTAL : MIN_TICK_GAP_VERTICAL;
            TickUnitSource units = getStandardTickUnits();
            NumberTickUnit unit = getTickUnit();
            while (length > 0 && getRange().getLength() / unit.getSize() * gap > length) {
                TickUnit larger = units.getLargerTickUnit(unit);
                if (!(larger instanceof NumberTickUnit n) || larger.getSize() <= unit.getSize()) break;
                unit = n;
            }
            setTickUnit(unit, false, false);
        }
    }

    /** "x = n/Ω" for one species, else "x = X/Ω" with the species' name. */
    static String xLabel(List<String> species, int s) {
        return species.size() == 1 ? "x = n/Ω" : "x = " + species.get(s) + "/Ω";
    }
}
