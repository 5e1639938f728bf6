package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.kmlab.model.Model;
import org.kmlab.run.sweep.PassageResult;
import org.kmlab.run.sweep.SweepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sweep of the mean first-passage time ({@link PassageResult}, from the frame's analyses): T
 * against Ω on a log T axis (Ω linear, so T ∝ e^{SΩ} is a straight line), one series per source,
 * the exact closed sum as the thin "exact" line, Kramers' formula as the model's curve; each
 * legend entry carries its fitted exponent S, the number Fokker–Planck gets wrong. Without a sweep
 * the pane says how to make one.
 */
final class PassageSweepPane implements Pane {
    private final PaneKind kind = Panes.PASSAGE_SWEEP;
    private final ChartStyle style;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final TextTitle subtitle = new TextTitle("");
    private PassageResult shown;
    private boolean drawn;

    PassageSweepPane(Model model, ChartStyle style) {
        this.style = style;
        org.jfree.chart.axis.NumberAxis omega = Axes.number("Ω");
        omega.setAutoRangeIncludesZero(false);   // the swept range, not 0 to it
        plot = new XYPlot(null, omega, new DecadeAxis("mean first-passage time T"), new XYLineAndShapeRenderer(true, true));
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(subtitle);
        style.apply(chart);
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    @Override public void show(Frame f) {
        Optional<PassageResult> result = f.analysis(PassageResult.class);
        if (drawn && result.orElse(null) == shown) return;
        shown = result.orElse(null);
        drawn = true;
        chart.setNotify(false);
        try {
            if (shown == null) {
                plot.setDataset(new ArrayDataset(List.of()));
                chart.getTitle().setText(kind.title() + ": run one from Analysis ▸ System-size sweep…");
                subtitle.setText("");
            } else {
                draw(shown);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private void draw(PassageResult r) {
        List<SeriesKey> keys = new ArrayList<>();
        List<double[][]> points = new ArrayList<>();
        for (PassageResult.Series s : r.series()) {
            String label = s.label() + "  " + exponent(s, r.finishedCount());
            SeriesKey key = s.id().equals(PassageResult.EXACT) ? SeriesKey.model(SeriesKey.Role.EXACT, 0, label)
                    : s.solver() == null ? SeriesKey.model(SeriesKey.Role.DETERMINISTIC, 0, label)
                    : SeriesKey.of(s.solver(), SeriesKey.Role.MEAN, 0, label);
            keys.add(key);
            points.add(positive(r.values(), s.time()));
        }
        ArrayDataset data = new ArrayDataset(keys);
        for (int i = 0; i < keys.size(); i++) data.set(i, points.get(i)[0], points.get(i)[1]);
        plot.setDataset(data);
        String progress = r.state() == SweepResult.State.RUNNING ? String.format(Locale.ROOT, "  (%d of %d values…)", r.finishedCount(), r.size())
                : r.state() == SweepResult.State.CANCELLED ? "  (cancelled)" : "";
        chart.getTitle().setText("Mean first-passage time against Ω, " + r.model() + progress);
        subtitle.setText(r.definition() + ";  S: slope of ln T against Ω (T ∝ e^(SΩ))");
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
        for (int i = 0; i < keys.size(); i++) {   // the exact sum is a line, the other sources points on lines
            if (keys.get(i).role() == SeriesKey.Role.EXACT) ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesShapesVisible(i, false);
        }
    }

    /** S, and over how many points when fewer than the others (an ensemble skipped at large Ω fits a shorter range). */
    private static String exponent(PassageResult.Series s, int values) {
        if (!s.fit().exists()) return "(no exponent)";
        String text = String.format(Locale.ROOT, "S = %.4f", s.fit().rate());
        return s.fit().points() < values ? text + " (" + s.fit().points() + " points)" : text;
    }

    /** The points with a finite, positive T (the only ones a log axis shows). */
    private static double[][] positive(double[] x, double[] y) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (y[i] > 0 && Double.isFinite(y[i])) kept.add(new double[] {x[i], y[i]});
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) { out[0][i] = kept.get(i)[0]; out[1][i] = kept.get(i)[1]; }
        return out;
    }
}
