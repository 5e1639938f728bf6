package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.kmlab.chart.SeriesKey;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.SolverDescriptor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;

/** Small charts like the window's: screen colours, a gradient background, Unicode labels. */
final class TestCharts {
    static final String X_LABEL = "x = n/Ω";
    static final String Y_LABEL = "P(x) − ⟨x⟩";

    private TestCharts() {}

    /** A key meaning solver {@code id}'s quantity, labelled with its short name. */
    static SeriesKey key(String id, SeriesKey.Role role) {
        SolverDescriptor d = SolverRegistry.builtIn().descriptor(id);
        return SeriesKey.of(d, role, 0, d.shortLabel());
    }

    /** Three curves in three screen colours, a gradient background and a legend. */
    static JFreeChart lines(String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        String[] names = {"ssa", "cme", "fp"};
        for (int k = 0; k < names.length; k++) {
            XYSeries s = new XYSeries(key(names[k], SeriesKey.Role.MEAN));
            for (int i = 0; i <= 40; i++) s.add(i / 4.0, Math.exp(-Math.pow(i / 4.0 - 5, 2) / (2 + k)) / (1 + k * 0.2));
            data.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Color[] screen = {Color.RED, Color.GREEN.darker(), Color.MAGENTA};
        for (int k = 0; k < 3; k++) {
            r.setSeriesPaint(k, screen[k]);
            r.setSeriesStroke(k, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis(X_LABEL), new NumberAxis(Y_LABEL), r);
        plot.setBackgroundPaint(new GradientPaint(0, 0, Color.LIGHT_GRAY, 0, 300, Color.DARK_GRAY));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(new GradientPaint(0, 0, Color.YELLOW, 0, 300, Color.CYAN));
        return chart;
    }

    /** A histogram drawn with JFreeChart's default gradient bar painter and shadows. */
    static JFreeChart histogram() {
        XYSeries s = new XYSeries(key("ssa", SeriesKey.Role.DENSITY));
        for (int i = 0; i < 20; i++) s.add(i, Math.exp(-Math.pow(i - 10, 2) / 8.0));
        XYBarRenderer r = new XYBarRenderer();
        r.setSeriesPaint(0, Color.ORANGE);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("n"), new NumberAxis("P(n)"), r);
        return new JFreeChart("histogram", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }
}
