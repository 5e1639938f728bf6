package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

import java.awt.Font;

/**
 * Sets every font of a chart copy to the type sizes of a {@link FigureSize}: charts are laid out in
 * points at the printed size, so these are the sizes on paper (8 pt ticks and legend, 9 pt axis
 * labels, 10 pt title at column width; 14/15/16 pt on a slide). Optionally also the family.
 */
final class ChartTypography {
    private final FigureSize size;
    private final String family;

    /** @param family a font family ("SansSerif", "Serif"), or null to keep each font's own */
    ChartTypography(FigureSize size, String family) {
        this.size = size;
        this.family = family;
    }

    void apply(JFreeChart chart) {
        for (Title t : ChartParts.titles(chart)) {
            apply(t, t == chart.getTitle() ? size.titlePt() : size.axisLabelPt());
        }
        for (XYPlot plot : ChartParts.xyPlots(chart.getPlot())) {
            for (Axis axis : ChartParts.axes(plot)) apply(axis);
            for (XYAnnotation a : plot.getAnnotations()) {
                if (a instanceof XYTextAnnotation text) text.setFont(font(text.getFont(), size.textPt()));
                else if (a instanceof XYTitleAnnotation title) apply(title.getTitle(), size.axisLabelPt());
            }
        }
    }

    private void apply(Title t, double textTitlePt) {
        if (t instanceof TextTitle text) text.setFont(font(text.getFont(), textTitlePt));
        else if (t instanceof LegendTitle legend) legend.setItemFont(font(legend.getItemFont(), size.textPt()));
        else if (t instanceof PaintScaleLegend scale) apply(scale.getAxis());
    }

    private void apply(Axis axis) {
        axis.setLabelFont(font(axis.getLabelFont(), size.axisLabelPt()));
        axis.setTickLabelFont(font(axis.getTickLabelFont(), size.textPt()));
    }

    Font font(Font f, double pt) {
        Font base = f == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 10) : f;
        if (family != null && !family.equals(base.getFamily())) base = new Font(family, base.getStyle(), base.getSize());
        return base.deriveFont((float) pt);
    }
}
