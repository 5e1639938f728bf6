package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/** The distribution pane's notes line as shown (no-break spaces read as spaces), or "" when hidden: for tests. */
public final class ChartNotes {
    private ChartNotes() {}

    public static String of(JFreeChart chart) {
        if (chart == null) return "";
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle text && DistributionPane.NOTES_ID.equals(t.getID())) {
                return text.isVisible() ? text.getText().replace(DistributionPane.NO_BREAK, " ") : "";
            }
        }
        return "";
    }
}
