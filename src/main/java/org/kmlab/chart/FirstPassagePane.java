package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.OneStepPassage;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * First passage into the model's absorbing set: each solver's survival probability S(t) (the
 * part not yet absorbed) over the run, with its mean first-passage time in the legend, and the
 * exact mean of a one-step process ({@link OneStepPassage}) in the subtitle when it applies. A
 * solver's curve appears when it finishes (its {@link FirstPassage}); a marker shows the time on
 * show. Only for models with an absorbing set ({@link Panes#FIRST_PASSAGE}).
 */
final class FirstPassagePane implements Pane {
    private final PaneKind kind = Panes.FIRST_PASSAGE;
    private final ChartStyle style;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ValueMarker now;
    private final TextTitle subtitle;
    private List<SolverDescriptor> solvers;
    private Model exactFor;
    private String exactText = "";

    FirstPassagePane(Model model, ChartStyle style) {
        this.style = style;
        NumberAxis survival = Axes.number("survival S(t)");   // = P(not absorbed by t), as the pane's help says; a longer label overran short plots
        survival.setRange(0, 1.02);
        plot = new XYPlot(null, Axes.number("time t"), survival, new XYLineAndShapeRenderer(true, false));
        now = new ValueMarker(0, style.foreground(), style.thinLine());
        plot.addDomainMarker(now);
        chart = new JFreeChart(kind.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        subtitle = new TextTitle("");
        chart.addSubtitle(subtitle);
        style.apply(chart);
        useSolvers(List.of());
    }

    @Override public PaneKind kind() { return kind; }

    @Override public JFreeChart chart() { return chart; }

    @Override public void show(Frame f) {
        chart.setNotify(false);
        try {
            useSolvers(f.recording() == null ? List.of() : f.recording().descriptors());
            plot.getDomainAxis().setRange(0, f.tEnd() > 0 ? f.tEnd() : 1);
            now.setValue(f.time());
            ArrayDataset curves = (ArrayDataset) plot.getDataset();
            for (int j = 0; j < curves.getSeriesCount(); j++) {
                SeriesKey key = (SeriesKey) curves.getSeriesKey(j);
                FirstPassage p = f.recording() == null ? null : f.recording().passage(key.solver().id()).orElse(null);
                if (p == null) curves.clear(j);
                else curves.set(j, p.times(), p.survival());
                plot.getRenderer().setSeriesVisibleInLegend(j, p != null, false);
            }
            curves.changed();
            relabel(f);
            subtitle.setText(exact(f.model()));
        } finally {
            chart.setNotify(true);
        }
    }

    /** Legend text: the solver and its mean first-passage time (± its standard error for an ensemble). */
    private void relabel(Frame f) {
        ArrayDataset curves = (ArrayDataset) plot.getDataset();
        List<SeriesKey> keys = new ArrayList<>();
        boolean changed = false;
        for (int j = 0; j < curves.getSeriesCount(); j++) {
            SeriesKey key = (SeriesKey) curves.getSeriesKey(j);
            FirstPassage p = f.recording() == null ? null : f.recording().passage(key.solver().id()).orElse(null);
            String label = key.solver().shortLabel() + (p == null ? "" : "  " + meanText(p));
            changed |= !label.equals(key.label());
            keys.add(new SeriesKey(key.solver(), key.role(), 0, 0, label));
        }
        if (!changed) return;
        ArrayDataset relabelled = new ArrayDataset(keys);
        for (int j = 0; j < keys.size(); j++) if (curves.hasData(j)) relabelled.set(j, xs(curves, j), ys(curves, j));
        plot.setDataset(relabelled);
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
        for (int j = 0; j < keys.size(); j++) plot.getRenderer().setSeriesVisibleInLegend(j, relabelled.hasData(j), false);
    }

    static String meanText(FirstPassage p) {
        if (!Double.isFinite(p.meanTime())) return "T: n/a";
        String mean = "T = " + compact(p.meanTime());
        if (p.meanTimeSE() > 0) mean += " ± " + compact(p.meanTimeSE());
        if (p.absorbed() >= 0 && p.survivalAtEnd() > 0) mean += String.format(Locale.ROOT, " (%.0f%% censored)", 100 * p.survivalAtEnd());
        return mean;
    }

    private static String compact(double v) { return String.format(Locale.ROOT, "%.4g", v); }

    /** The subtitle, computed once per model (the closed sum may run over many states). */
    private String exact(Model m) {
        if (m.equals(exactFor)) return exactText;
        exactFor = m;
        exactText = exactText(m);
        return exactText;
    }

    private static String exactText(Model m) {
        if (OneStepPassage.unsupportedReason(m) != null) return "absorbing: " + m.absorbing();
        try {
            return "absorbing: " + m.absorbing() + "   exact mean first-passage time T = " + compact(OneStepPassage.meanTime(m));
        } catch (ModelException e) {
            return "absorbing: " + m.absorbing();
        }
    }

    private static double[] xs(ArrayDataset d, int j) {
        double[] x = new double[d.getItemCount(j)];
        for (int i = 0; i < x.length; i++) x[i] = d.getXValue(j, i);
        return x;
    }

    private static double[] ys(ArrayDataset d, int j) {
        double[] y = new double[d.getItemCount(j)];
        for (int i = 0; i < y.length; i++) y[i] = d.getYValue(j, i);
        return y;
    }

    private void useSolvers(List<SolverDescriptor> run) {
        if (run.equals(solvers)) return;
        solvers = List.copyOf(run);
        List<SeriesKey> keys = new ArrayList<>();
        for (SolverDescriptor d : run) keys.add(SeriesKey.of(d, SeriesKey.Role.MEAN, 0, d.shortLabel()));
        plot.setDataset(new ArrayDataset(keys));
        ChartLooks.apply(chart, style, style.lineWidth(), 5 + 2 * style.lineWidth(), style.plotBackground());
    }
}
