package org.kmlab.ui;

import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.run.Run;
import org.kmlab.run.SolverRegistry;
import org.kmlab.run.km.KmEstimate;
import org.kmlab.run.km.KmEstimates;
import org.kmlab.run.km.MomentEstimates;
import org.kmlab.run.km.SeriesAnalysis;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmlab.ui.WindowDriver.firstPanel;
import static org.kmlab.ui.WindowDriver.text;
import static org.kmlab.ui.WindowDriver.waitFor;
import static org.kmlab.ui.WindowDriver.waitUntilPlayedToTheEnd;

/**
 * Kramers–Moyal estimates in the real window, on the real solvers: the pane option puts an
 * estimator on the SSA's fine-step hook and the estimate appears as points with error bars over
 * the analytic curves, with Pawula's verdict; a user's CSV (an Ornstein–Uhlenbeck series the test
 * writes) is estimated and checked against its histogram; a bad CSV leaves a message naming the
 * line and changes nothing else.
 */
@ExtendWith(ApplicationExtension.class)
class KmEstimateWindowTest {
    @TempDir static Path config;
    @TempDir Path files;
    private MainWindow window;

    @Start void start(Stage stage) {
        window = WindowDriver.show(stage, SolverRegistry.builtIn(), config);
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> window.close()); }

    private void choose(FxRobot robot, String id) {
        Preset p = window.session().presets().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#model-choice").queryAs(ComboBox.class).getSelectionModel().select(p));
    }

    private JFreeChart km() { return window.charts().chart("km"); }

    /** The KM pane's binned estimate on the left axis (dataset 2), series 0 (D₁) and 1 (M₂). */
    private IntervalXYDataset estimatePoints() { return (IntervalXYDataset) firstPanel(km()).getDataset(2); }

    private static String subtitles(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            Title t = c.getSubtitle(i);
            if (t instanceof TextTitle tt && tt.isVisible()) out.add(tt.getText());
        }
        return String.join("\n", out);
    }

    @Test void theSsaEstimateOfBirthDeathIsDrawnOverTheAnalyticDriftWithPawulasVerdict(FxRobot robot) {
        choose(robot, "birth-death");
        WindowDriver.typeInto(robot, "#field-trajectories", "2000");
        robot.interact(() -> window.transport().speedProperty().set(100));
        robot.clickOn("#km-estimate");
        robot.clickOn("#play");
        Run run = waitUntilPlayedToTheEnd(window, 60);
        waitFor(20, () -> {
            KmEstimates e = window.km().estimates();
            return e != null && !e.isEmpty() && !e.sources().get(0).estimate().source().contains("so far")
                    && estimatePoints() != null && estimatePoints().getSeriesCount() >= 2
                    && estimatePoints().getItemCount(0) > 0 && subtitles(km()).contains(e.sources().get(0).estimate().pawula().line())
                    && drawn(e.sources().get(0).estimate().shown());
        });
        KmEstimates estimates = window.km().estimates();
        assertEquals("ssa", estimates.sources().get(0).solver().id(), "birth-death runs one ensemble, the SSA");
        KmEstimate e = estimates.sources().get(0).estimate();
        assertTrue(e.source().startsWith("2,000 SSA trajectories"), e.source());
        IntervalXYDataset d = estimatePoints();
        assertEquals("SSA est. D₁ = M₁", d.getSeriesKey(0).toString());
        assertEquals("SSA est. M₂ = 2·D₂", d.getSeriesKey(1).toString());

        // the pane draws the estimate: the same points, the bars ±1 SE
        MomentEstimates m = e.shown();
        Model model = run.request().model();
        double k1 = model.valueOf("k1"), k2 = model.valueOf("k2"), dt = e.dt();
        int item = 0, checked = 0;
        for (int i = 0; i < m.size(); i++) {
            if (!m.has(1, i)) continue;
            assertEquals(m.x(i), d.getXValue(0, item), 1e-12);
            assertEquals(m.moment(1, i), d.getYValue(0, item), 1e-12);
            assertEquals(m.se(1, i), d.getEndYValue(0, item) - d.getYValue(0, item), 1e-9);
            item++;
            if (m.samples(i) < 2000) continue;
            // birth–death's drift is linear: the exact conditional mean over Δt is (k1/k2 − x)(1 − e^{−k2Δt})
            double exact = (k1 / k2 - m.x(i)) * (1 - Math.exp(-k2 * dt)) / dt;
            assertTrue(Math.abs(m.moment(1, i) - exact) < 4 * m.se(1, i),
                    String.format(Locale.ROOT, "x = %.2f: M₁ = %.4f ± %.4f, exact %.4f", m.x(i), m.moment(1, i), m.se(1, i), exact));
            checked++;
        }
        assertEquals(item, d.getItemCount(0));
        assertTrue(checked >= 5, "well-populated bins checked: " + checked);
        String sub = subtitles(km());
        assertTrue(sub.contains("D_k = M_k/k!"), sub);
        assertTrue(sub.contains(e.pawula().line()), sub);
    }

    /** Whether the pane shows this estimate's drift (the charts are drawn on their own thread, after the estimate). */
    private boolean drawn(MomentEstimates m) {
        IntervalXYDataset d = estimatePoints();
        int item = 0;
        for (int i = 0; i < m.size(); i++) {
            if (!m.has(1, i)) continue;
            if (item >= d.getItemCount(0) || d.getYValue(0, item) != m.moment(1, i)) return false;
            item++;
        }
        return item > 0 && item == d.getItemCount(0);
    }

    /** An Ornstein–Uhlenbeck series sampled exactly (an AR(1)): θ = 1, D = 1, step 0.01. */
    static Path ornsteinUhlenbeck(Path file, int n, long seed) throws IOException {
        double theta = 1, d = 1, step = 0.01, a = Math.exp(-theta * step), s = Math.sqrt(d * (1 - a * a) / (2 * theta));
        SplittableRandom r = new SplittableRandom(seed);
        double x = 0;
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("t,x\n");
            for (int i = 0; i < n; i++) {
                w.write(String.format(Locale.ROOT, "%.2f,%.6f%n", i * step, x));
                x = a * x + s * gaussian(r);
            }
        }
        return file;
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Test void aGoodCsvShowsItsEstimateAndItsFokkerPlanckDensityABadOneItsLine(FxRobot robot) throws IOException {
        choose(robot, "ornstein-uhlenbeck");
        Path good = ornsteinUhlenbeck(files.resolve("ou.csv"), 100_000, 7);
        robot.interact(() -> window.km().openSeries(good));
        waitFor(20, () -> window.km().seriesProperty().get() != null && km() != null && estimatePoints() != null
                && estimatePoints().getSeriesCount() >= 2 && estimatePoints().getSeriesKey(0).toString().equals("ou.csv (x) est. D₁ = M₁")
                && window.charts().chart("series") != null && subtitles(window.charts().chart("series")).contains("L1 ="));
        SeriesAnalysis a = window.km().seriesProperty().get();
        KmEstimate e = a.estimate();
        assertTrue(window.charts().paneKinds().contains(org.kmlab.chart.Panes.SERIES), "the series pane is laid out");
        assertTrue(e.fp() != null && e.fp().fits(), "an OU series is a diffusion: " + (e.fp() == null ? e.fpProblem() : e.fp().line()));
        MomentEstimates m = e.shown();
        int checked = 0;
        for (int i = 0; i < m.size(); i++) {
            if (!m.has(1, i) || m.samples(i) < 2000) continue;
            double exact = m.x(i) * (Math.exp(-e.dt()) - 1) / e.dt();   // θ = 1: the exact conditional mean over Δt
            assertTrue(Math.abs(m.moment(1, i) - exact) < 4 * m.se(1, i),
                    String.format(Locale.ROOT, "x = %.2f: M₁ = %.4f ± %.4f, exact %.4f", m.x(i), m.moment(1, i), m.se(1, i), exact));
            checked++;
        }
        assertTrue(checked >= 5, "well-populated bins checked: " + checked);
        assertTrue(estimatePoints().getItemCount(0) > 0);
        assertEquals(0, firstPanel(km()).getDataset(0).getItemCount(0), "the model's curves give way to the data's estimate");

        Run before = window.session().run();
        Model model = window.session().model();
        Path bad = files.resolve("bad.csv");
        Files.writeString(bad, "t,x\n0,1\n0.1,abc\n0.2,3\n");
        robot.interact(() -> window.km().openSeries(bad));
        waitFor(20, () -> !text(robot, "#km-message").isEmpty());
        String message = text(robot, "#km-message");
        assertTrue(message.contains("bad.csv line 3"), message);
        assertTrue(message.contains("'abc' is not a number"), message);
        assertSame(a, window.km().seriesProperty().get(), "the series on show stays");
        assertSame(before, window.session().run());
        assertSame(model, window.session().model());
        assertTrue(estimatePoints().getSeriesKey(0).toString().startsWith("ou.csv"), "the pane still shows the good series");

        robot.interact(() -> window.km().closeSeries());
        waitFor(10, () -> !window.charts().paneKinds().contains(org.kmlab.chart.Panes.SERIES) && firstPanel(km()).getDataset(0).getItemCount(0) > 0);
        assertNull(window.km().seriesProperty().get());
    }
}
