package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.kmlab.model.Model;
import org.kmlab.run.km.FpFromData;
import org.kmlab.run.km.SeriesAnalysis;
import org.kmlab.solve.Density1D;

import java.util.List;
import java.util.Optional;

/**
 * A user's time series against the diffusion estimated from it (the Friedrich–Peinke loop): the
 * histogram of its values as bars and the stationary Fokker–Planck density of the estimated
 * drift and diffusion as a line ({@link FpFromData}), with the L1 distance between them and the
 * distance sampling noise alone would give. Fed a {@link SeriesAnalysis}; there only when one exists.
 */
final class SeriesFitPane implements Pane {
    private static final int BARS = 0, LINE = 1;
    private final PaneKind kind = Panes.SERIES;
    private final JFreeChart chart;
    private final XYPlot plot;
    private final TextTitle distance;
    private SeriesAnalysis shown;

    SeriesFitPane(Model model, ChartStyle style) {
        NumberAxis x = new NumberAxis("x (the series' values)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("density");
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        plot = new XYPlot(new ArrayDataset(List.of()), x, y, bars);
        plot.setDataset(LINE, new ArrayDataset(List.of()));
        plot.setRenderer(LINE, new XYLineAndShapeRenderer(true, false));
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        distance = new TextTitle("", style.tickFont());
        distance.setPaint(style.foreground());
        distance.setTextAlignment(HorizontalAlignment.LEFT);
        chart.addSubtitle(0, distance);
        style.apply(chart);
        this.style = style;
    }

    private final ChartStyle style;

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    @Override public void show(Frame f) {
        Optional<SeriesAnalysis> a = f.analysis(SeriesAnalysis.class);
        if (a.orElse(null) == shown && (shown != null || !distance.getText().isEmpty())) return;
        shown = a.orElse(null);
        chart.setNotify(false);
        try {
            if (shown == null) {
                plot.setDataset(BARS, new ArrayDataset(List.of()));
                plot.setDataset(LINE, new ArrayDataset(List.of()));
                distance.setText("open a series with File ▸ Open time series…");
            } else {
                draw(shown);
            }
            ChartLooks.apply(chart, style, style.lineWidth(), 0, style.plotBackground());
        } finally {
            chart.setNotify(true);
        }
    }

    private void draw(SeriesAnalysis s) {
        FpFromData fp = s.estimate().fp();
        chart.getTitle().setText(kind.title() + ": " + s.label());
        ArrayDataset bars = new ArrayDataset(List.of(SeriesKey.model(SeriesKey.Role.HISTOGRAM, 0, "histogram of " + s.label())));
        ArrayDataset line = new ArrayDataset(List.of(SeriesKey.model(SeriesKey.Role.DENSITY, 0, "stationary FP density of the estimated A, B")));
        if (fp != null) {
            Density1D h = fp.data(), p = fp.model();
            bars.setBars(0, Series.xs(h), h.p(), 0.5 * h.dx());
            line.set(0, Series.xs(p), p.p());
            distance.setText(fp.line());
        } else {
            distance.setText("no Fokker–Planck check: " + s.estimate().fpProblem());
        }
        plot.setDataset(BARS, bars);
        plot.setDataset(LINE, line);
    }
}
