package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.kmlab.chart.DistributionPane.NO_BREAK;

/**
 * A line under a chart's title naming every solver whose own error estimate (see
 * {@link Snapshot#error()}) at the time on show exceeds what the chart can show, so the window
 * never draws a curve it knows to be wrong without saying so: "Own error estimate FP 3.2 % (L1):
 * the curve may be off by about that much". It promises no remedy: more cells mend a 1-D FP
 * curve, but a 2-D grid at its cell limit cannot take more.
 */
final class ErrorWarning {
    /** L1 error a reader could see on a chart: about a line's width at a curve's peak. */
    static final double VISIBLE = 0.01;
    /** Vermillion (Okabe–Ito): stands out on the light, dark and classroom backgrounds alike. */
    private static final Color WARNING = new Color(0xD5, 0x5E, 0x00);

    private final TextTitle title;

    ErrorWarning(JFreeChart chart, ChartStyle style) {
        title = new TextTitle("", style.tickFont().deriveFont(Font.BOLD), WARNING, RectangleEdge.TOP,
                org.jfree.chart.ui.HorizontalAlignment.CENTER, org.jfree.chart.ui.VerticalAlignment.CENTER,
                org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
        title.setVisible(false);
        chart.addSubtitle(title);
    }

    /** Shows or hides the line for the frame's time on show. */
    void show(Frame f) {
        String text = text(f);
        title.setText(text);
        title.setVisible(!text.isEmpty());
    }

    /** The warning for the frame's time on show, empty when every estimate is below {@link #VISIBLE}. */
    static String text(Frame f) {
        if (!f.hasRun()) return "";
        List<String> off = new ArrayList<>();
        for (SolverDescriptor d : f.recording().descriptors()) {
            Snapshot s = f.snapshot(d.id());
            if (s != null && s.error() > VISIBLE) off.add(String.format(Locale.ROOT, "%s%s%.1f%s%%", d.shortLabel(), NO_BREAK, 100 * s.error(), NO_BREAK));   // "FP 3.2 %" stays whole when the line wraps
        }
        if (off.isEmpty()) return "";
        return (off.size() == 1 ? "Own error estimate " : "Own error estimates ") + String.join(", ", off)
                + " (L1): the curve may be off by about that much";
    }

    /** The line as it stands (for tests). */
    String shown() { return title.isVisible() ? title.getText() : ""; }
}
