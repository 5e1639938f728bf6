package org.kmlab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Recording;
import org.kmlab.run.RecordingFixture;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Snapshot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The panes, headless and without JavaFX (as the exporters use them), fed hand-made recordings. */
class PanesTest {
    private static final Model BIRTH_DEATH = TestPresets.model("birth-death");
    private static final Model PREDATOR_PREY = TestPresets.model("predator-prey");

    private static Snapshot snapshot(double t, double mean) {
        Density1D d = new Density1D(mean - 0.5, 0.5, new double[] {0.2, 1.2, 0.6});
        return new Snapshot(t, new double[] {mean}, new double[][] {{0.25}}, new Density1D[] {d}, null,
                new double[][] {{mean - 0.1}, {mean + 0.1}}, 1);
    }

    private static Recording oneSpecies(List<String> solvers, int times) {
        Recording rec = RecordingFixture.of(uniform(times), solvers);
        for (int k = 0; k < times; k++) for (int i = 0; i < solvers.size(); i++) RecordingFixture.put(rec, i, k, snapshot(k, 5 + 0.1 * k + i));
        return rec;
    }

    private static double[] uniform(int n) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) t[k] = k;
        return t;
    }

    private static ChartSet shown(Model m, Recording rec, int k) {
        ChartSet set = new ChartSet(m, ChartStyle.light());
        set.show(m, rec.time(rec.timeCount() - 1), rec, k, Set.of());
        return set;
    }

    private static JFreeChart chart(ChartSet set, String pane) { return set.pane(pane).orElseThrow().chart(); }

    private static List<String> legend(JFreeChart c) {
        List<String> labels = new ArrayList<>();
        LegendItemCollection items = c.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) labels.add(items.get(i).getLabel());
        return labels;
    }

    private static void draws(JFreeChart c) {
        BufferedImage img = c.createBufferedImage(640, 400);
        assertEquals(640, img.getWidth());
    }

    @Test void theCloudIsForTwoSpeciesOnlyAndThePanesComeInReadingOrder() {
        assertEquals(List.of("distribution", "timecourse", "km"), new ChartSet(BIRTH_DEATH, ChartStyle.light()).panes().stream().map(p -> p.kind().id()).toList());
        assertEquals(List.of("distribution", "cloud", "timecourse", "km"), new ChartSet(PREDATOR_PREY, ChartStyle.light()).panes().stream().map(p -> p.kind().id()).toList());
        assertEquals("unknown figure 'heat': use distribution, cloud, timecourse, km, profile, firstpassage, series, sweep, passage or all",
                assertThrows(IllegalArgumentException.class, () -> Panes.named("heat")).getMessage());
    }

    @Test void theDistributionShowsEachSolversDensityWithALegendEntryForEachThatRan() {
        Recording rec = oneSpecies(List.of("ssa", "fp"), 3);
        ChartSet set = shown(BIRTH_DEATH, rec, 1);
        XYPlot plot = chart(set, "distribution").getXYPlot();
        assertEquals(1.2, plot.getDataset(0).getYValue(0, 1), 0.0, "SSA bars at k = 1");
        assertEquals(5.1 - 0.5, plot.getDataset(0).getXValue(0, 0), 1e-12);
        assertEquals(1.2, plot.getDataset(2).getYValue(0, 1), 0.0, "FP line at k = 1");
        assertEquals(0, plot.getDataset(1).getSeriesCount(), "no CME in this run");
        assertEquals(List.of("SSA (Gillespie)", "Fokker–Planck"), legend(chart(set, "distribution")));
        assertEquals("Distribution at t = 1.00", chart(set, "distribution").getTitle().getText());
        draws(chart(set, "distribution"));
    }

    @Test void aMadeUpSolverAppearsInTheLegendWithoutAnyOtherEdit() {
        Recording rec = oneSpecies(List.of("ssa", "wavelet"), 2);
        ChartSet set = shown(BIRTH_DEATH, rec, 1);
        assertTrue(legend(chart(set, "distribution")).contains("Made-up wavelet"), legend(chart(set, "distribution")).toString());
        assertTrue(legend(chart(set, "timecourse")).contains("WAVELET mean"), legend(chart(set, "timecourse")).toString());
    }

    @Test void looksComeFromMeaningNotFromPaint() {
        Recording rec = oneSpecies(List.of("ssa", "cme", "fp"), 2);
        ChartSet light = shown(BIRTH_DEATH, rec, 1), dark = new ChartSet(BIRTH_DEATH, ChartStyle.dark());
        dark.show(BIRTH_DEATH, 1, rec, 1, Set.of());
        XYPlot l = chart(light, "distribution").getXYPlot(), d = chart(dark, "distribution").getXYPlot();
        Color fpLight = (Color) l.getRenderer(2).getSeriesPaint(0), fpDark = (Color) d.getRenderer(2).getSeriesPaint(0);
        assertEquals(ChartStyle.light().slotColor(2), fpLight);
        assertEquals(ChartStyle.dark().slotColor(2), fpDark);
        SeriesKey fp = (SeriesKey) l.getDataset(2).getSeriesKey(0);
        assertEquals("fp", fp.solver().id());
        assertEquals(SeriesKey.Role.DENSITY, fp.role());
        assertNotEquals(fpLight, fpDark);
    }

    @Test void theTimeCourseHasOnePanelPerSpeciesEachWithItsOwnAxis() {
        Recording rec = RecordingFixture.of(uniform(3), List.of("ssa", "lna"));
        for (int k = 0; k < 3; k++) {
            Snapshot s = new Snapshot(k, new double[] {2, 50}, new double[][] {{1, 0}, {0, 25}}, null, null, new double[][] {{2, 50}}, 1);
            RecordingFixture.put(rec, 0, k, s);
            RecordingFixture.put(rec, 1, k, s);
        }
        Model gene = TestPresets.model("gene-expression");
        ChartSet set = shown(gene, rec, 2);
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart(set, "timecourse").getPlot();
        assertEquals(2, combined.getSubplots().size());
        XYPlot mRna = (XYPlot) combined.getSubplots().get(0), protein = (XYPlot) combined.getSubplots().get(1);
        assertTrue(mRna.getRangeAxis().getUpperBound() < 10 && protein.getRangeAxis().getUpperBound() > 40,
                "mRNA ≈ 2 and protein ≈ 50 each fill their own axis: " + mRna.getRangeAxis().getRange() + ", " + protein.getRangeAxis().getRange());
        List<String> legend = legend(chart(set, "timecourse"));
        assertTrue(legend.containsAll(List.of("SSA trajectories", "SSA mean ± 1 s.d.", "LNA mean", "deterministic path")), legend.toString());
        assertEquals(legend.size(), Set.copyOf(legend).size(), "each entry once: " + legend);
        draws(chart(set, "timecourse"));
    }

    @Test void theTwoSpeciesDistributionGivesEachMarginalItsOwnDensityAxis() {
        Recording rec = RecordingFixture.of(uniform(2), List.of("cme"));
        Density1D narrow = new Density1D(1, 0.1, new double[] {0, 5, 0}), wide = new Density1D(0, 1, new double[] {0.1, 0.2, 0.4, 0.2, 0.1});
        RecordingFixture.put(rec, 0, 1, new Snapshot(1, new double[] {1.1, 2}, new double[][] {{0.01, 0}, {0, 1}}, new Density1D[] {narrow, wide}, null, null, 1));
        ChartSet set = shown(PREDATOR_PREY, rec, 1);
        PanelRow row = (PanelRow) chart(set, "distribution").getPlot();
        assertEquals(2, row.panels().size());
        assertTrue(row.panels().get(0).getRangeAxis().getUpperBound() >= 5, "x's density peaks at 5");
        assertTrue(row.panels().get(1).getRangeAxis().getUpperBound() < 1, "y's at 0.4, on its own scale");
        draws(chart(set, "distribution"));
    }

    @Test void playingGrowsTheSharedRangeAndTheKramersMoyalCurvesFollowIt() {
        Recording rec = RecordingFixture.of(uniform(3), List.of("ssa"));
        for (int k = 0; k < 3; k++) {
            double c = 5 + 5 * k;
            RecordingFixture.put(rec, 0, k, new Snapshot(k, new double[] {c}, new double[][] {{0.5}},
                    new Density1D[] {new Density1D(c - 1, 1, new double[] {0.25, 0.5, 0.25})}, null, null, 1));
        }
        ChartSet set = new ChartSet(BIRTH_DEATH, ChartStyle.light());
        set.play(BIRTH_DEATH, 2, rec, 2, Set.of());
        double[] shown = {chart(set, "distribution").getXYPlot().getDomainAxis().getLowerBound(), chart(set, "distribution").getXYPlot().getDomainAxis().getUpperBound()};
        assertTrue(shown[0] < 4 && shown[1] > 16, "the range only grows while playing: " + shown[0] + ".." + shown[1]);
        XYDataset a = chart(set, "km").getXYPlot().getDataset(0);
        assertEquals(shown[0], a.getXValue(0, 0), 1e-12);
        assertEquals(shown[1], a.getXValue(0, a.getItemCount(0) - 1), 1e-12);
        assertEquals(10 - shown[0], a.getYValue(0, 0), 1e-9, "A = k1 − k2·x");
        Frame headless = ChartSet.frameAfterPlaying(BIRTH_DEATH, 2, rec, 2);
        assertArrayEquals(shown, headless.ranges()[0], 1e-12, "data exports see the range the window shows");
        assertEquals(15, headless.at()[0], 0, "held at the SSA mean at k = 2");
    }

    @Test void beforeARunThePanesShowTheRangeTheRunWillUseNotAnEmptyUnitAxis() {
        Model m = BIRTH_DEATH.with("Omega", 100).with("X0", 300);
        ChartSet set = new ChartSet(m, ChartStyle.light());
        set.show(m, 10, null, -1, Set.of(KramersMoyalPane.HIGHER_ORDERS));
        XYPlot dist = chart(set, "distribution").getXYPlot();
        double lo = dist.getDomainAxis().getLowerBound(), hi = dist.getDomainAxis().getUpperBound();
        assertTrue(lo < 3 && lo > 2 && hi > 10 && hi < 11, "from x0 = 3 to the stationary mean 10 ± 3 sd: " + lo + ".." + hi);
        assertEquals(1, dist.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "the initial state is marked");
        org.jfree.chart.plot.Marker start = (org.jfree.chart.plot.Marker) dist.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(org.jfree.chart.ui.TextAnchor.TOP_LEFT, start.getLabelTextAnchor(), "x0 in the left half: the label reads to the right");
        Model fromTheTop = m.with("X0", 1200);   // x0 = 12, past the stationary mean: the right end of the range
        set.show(fromTheTop, 10, null, -1, Set.of());
        start = (org.jfree.chart.plot.Marker) dist.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(org.jfree.chart.ui.TextAnchor.TOP_RIGHT, start.getLabelTextAnchor(), "x0 at the right end: the label reads to the left, inside the plot");
        set.show(m, 10, null, -1, Set.of(KramersMoyalPane.HIGHER_ORDERS));
        XYDataset km = chart(set, "km").getXYPlot().getDataset(1);
        assertEquals(200, km.getItemCount(0), "M₃/3! drawn when asked, on its own axis");
        XYPlot time = (XYPlot) ((CombinedDomainXYPlot) chart(set, "timecourse").getPlot()).getSubplots().get(0);
        assertEquals(10, chart(set, "timecourse").getXYPlot().getDomainAxis().getUpperBound(), 1e-12);
        assertEquals(3, time.getDataset(TimeCoursePane.DETERMINISTIC).getYValue(0, 0), 1e-9, "the deterministic path starts at x0");
    }

    @Test void newValuesStartTheRangeAfreshAndOtherSpeciesAreRefused() {
        ChartSet set = new ChartSet(BIRTH_DEATH, ChartStyle.light());
        set.show(oneSpeciesModel(1000), 10, oneSpecies(List.of("ssa"), 2), 1, Set.of());
        Model small = oneSpeciesModel(1);
        set.show(small, 10, null, -1, Set.of());
        double hi = chart(set, "distribution").getXYPlot().getDomainAxis().getUpperBound();
        assertTrue(hi > 15, "Ω = 1 spreads to 10 + 3·√10: the range of the Ω = 1000 run is gone, hi = " + hi);
        assertThrows(IllegalArgumentException.class, () -> set.show(PREDATOR_PREY, 10, null, -1, Set.of()));
    }

    private static Model oneSpeciesModel(double omega) { return BIRTH_DEATH.with("Omega", omega); }

    @Test void theKramersMoyalCurvesOfACountStartAtZero() {
        ChartSet set = new ChartSet(BIRTH_DEATH, ChartStyle.light());
        set.show(BIRTH_DEATH, 10, null, -1, Set.of());
        XYDataset a = chart(set, "km").getXYPlot().getDataset(0);
        assertEquals(0, a.getXValue(0, 0), 0, "a copy number is never negative: the drift curve starts at x = 0");
        assertEquals(10, a.getYValue(0, 0), 1e-12, "A(0) = k1");
        assertEquals(0, chart(set, "km").getXYPlot().getDataset(1).getItemCount(0), "higher orders off");
    }

    /** The walker in a box: no A(x), B(x) beyond the walls at x = ±1, where its rates' cut-off would show as a drift step. */
    @Test void theKramersMoyalCurvesStopAtTheWalls() {
        Model box = TestPresets.model("noise-induced-drift").with("Omega", 20);
        ChartSet set = new ChartSet(box, ChartStyle.light());
        set.show(box, 4, null, -1, Set.of());
        XYPlot plot = chart(set, "km").getXYPlot();
        XYDataset a = plot.getDataset(0);
        int inside = 0;
        for (int series = 0; series < 2; series++) {
            for (int i = 0; i < a.getItemCount(series); i++) {
                double x = a.getXValue(series, i), y = a.getYValue(series, i);
                assertTrue(Math.abs(x) <= 1 + 1e-9, "no curve at x = " + x);
                assertTrue(Double.isFinite(y), "a curve at x = " + x);
                inside++;
            }
        }
        assertEquals(1.0, a.getXValue(0, a.getItemCount(0) - 1), 1e-9, "the drift curve reaches the last lattice point");
        for (int i = 0; i < a.getItemCount(0); i++) {   // α = 0: no drift anywhere inside, up to the walls (at them the cut-off would show as ∓50)
            assertEquals(0, a.getYValue(0, i), 1e-9, "A at x = " + a.getXValue(0, i));
        }
        assertEquals(1.025, plot.getDomainAxis().getUpperBound(), 1e-12, "the axis reaches past it, to the wall's cell edge, as the distribution's");
        assertTrue(inside > 100, inside + " points");
        draws(chart(set, "km"));
    }

    @Test void theCloudDrawsTheDensityAsOneImageAndNamesItsSource() {
        Recording rec = RecordingFixture.of(uniform(2), List.of("ssa", "fp", "cme", "lna"));
        double[] p = new double[16];
        java.util.Arrays.fill(p, 1 / (16 * 0.0625));
        Density2D joint = new Density2D(0.5, 0.25, 4, 0.4, 0.25, 4, p);
        double[][] states = new double[2000][];
        for (int i = 0; i < states.length; i++) states[i] = new double[] {0.5 + 0.001 * i, 0.2 + 0.0005 * i};
        double[][] cov = {{0.04, -0.01}, {-0.01, 0.02}};
        for (int i = 0; i < 4; i++) RecordingFixture.put(rec, i, 1, new Snapshot(1, new double[] {1, 0.8}, cov, null, joint, i == 0 ? states : null, 1));
        ChartSet set = shown(PREDATOR_PREY, rec, 1);
        JFreeChart cloud = chart(set, "cloud");
        assertEquals(2000, cloud.getXYPlot().getDataset(0).getItemCount(0));
        java.util.Collection<?> annotations = ((AbstractXYItemRenderer) cloud.getXYPlot().getRenderer()).getAnnotations();
        assertEquals(1, annotations.stream().filter(a -> a instanceof DensityImageAnnotation).count(), "one heat-map image, not one shape per cell");
        assertEquals(2, annotations.size(), "the image and the (empty) trail, nothing per cell");
        assertEquals("shading: Master equation density", ((org.jfree.chart.title.TextTitle) cloud.getSubtitle(0)).getText());
        XYDataset e = cloud.getXYPlot().getDataset(2);
        double det = cov[0][0] * cov[1][1] - cov[0][1] * cov[1][0];
        for (int series = 0; series < 2; series++) {
            for (int i = 0; i < e.getItemCount(series); i++) {
                double dx = e.getXValue(series, i) - 1, dy = e.getYValue(series, i) - 0.8;
                double q = (cov[1][1] * dx * dx - 2 * cov[0][1] * dx * dy + cov[0][0] * dy * dy) / det;
                assertEquals((series + 1) * (series + 1), q, 1e-9, "the LNA's 1σ and 2σ ellipses: (p−m)ᵀΣ⁻¹(p−m) = n²");
            }
        }
        assertTrue(legend(cloud).contains("LNA 1σ, 2σ"), legend(cloud).toString());
        draws(cloud);
    }

    @Test void anAbsorbedMassIsPrintedNotDrawnOverTheRest() {
        Model logistic = TestPresets.model("logistic").with("Omega", 10);
        Recording rec = RecordingFixture.of(uniform(2), List.of("cme"));
        double[] p = new double[40];
        p[0] = 0.4 * 10;   // P(0) = 0.4 as a density: 4
        for (int n = 5; n < 15; n++) p[n] = 0.06 * 10;   // the rest, 0.6, spread at density 0.6
        RecordingFixture.put(rec, 0, 1, new Snapshot(1, new double[] {0.5}, new double[][] {{0.1}}, new Density1D[] {new Density1D(0, 0.1, p)}, null, null, 1));
        ChartSet set = shown(logistic, rec, 1);
        XYPlot plot = chart(set, "distribution").getXYPlot();
        assertTrue(plot.getRangeAxis().getUpperBound() < 1, "scaled to the rest (0.6), not to the spike at 0: " + plot.getRangeAxis().getUpperBound());
        assertEquals("P(X = 0): CME 0.400", ChartNotes.of(chart(set, "distribution")), "P(X = 0) is printed");
        assertTrue(plot.getAnnotations().isEmpty(), "over the plot, not in it");
    }

    @Test void masterEquationPointsBecomeALineWhenTooManyToTellApart() {
        Model big = BIRTH_DEATH.with("Omega", 1000);
        Recording rec = RecordingFixture.of(uniform(2), List.of("cme"));
        double[] p = new double[20_000];
        for (int n = 9_000; n < 11_000; n++) p[n] = Math.exp(-0.5 * Math.pow((n - 10_000) / 100.0, 2)) / Math.sqrt(2 * Math.PI * 1e4) * 1000;
        RecordingFixture.put(rec, 0, 1, new Snapshot(1, new double[] {10}, new double[][] {{0.01}}, new Density1D[] {new Density1D(0, 0.001, p)}, null, null, 1));
        ChartSet set = shown(big, rec, 1);
        XYPlot plot = chart(set, "distribution").getXYPlot();
        var points = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer(1);
        assertTrue(points.getSeriesLinesVisible(0) && !points.getSeriesShapesVisible(0), "2,000 lattice points: a line, not a black band of circles");
        assertTrue(plot.getDataset(1).getItemCount(0) < 3000, "no row of zeros along the axis: " + plot.getDataset(1).getItemCount(0));
        Recording few = RecordingFixture.of(uniform(2), List.of("cme"));
        RecordingFixture.put(few, 0, 1, new Snapshot(1, new double[] {2}, new double[][] {{2}}, new Density1D[] {new Density1D(0, 1, new double[] {0.1, 0.2, 0.4, 0.2, 0.1})}, null, null, 1));
        XYPlot small = chart(shown(BIRTH_DEATH, few, 1), "distribution").getXYPlot();
        assertTrue(((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) small.getRenderer(1)).getSeriesShapesVisible(0), "five points stay points");
    }

    @Test void theDistributionCanFollowTheCloudInsteadOfTheWholeRun() {
        int times = 10;
        Recording rec = RecordingFixture.of(uniform(times), List.of("fp"));
        for (int k = 0; k < times; k++) {   // a narrow cloud (sd 0.1) drifting from x = 1 to x = 19
            double mean = 1 + 2 * k;
            Density1D d = new Density1D(mean - 0.2, 0.1, new double[] {1, 3, 5, 3, 1});
            RecordingFixture.put(rec, 0, k, new Snapshot(k, new double[] {mean}, new double[][] {{0.01}}, new Density1D[] {d}, null, new double[0][], 1));
        }
        Model m = BIRTH_DEATH.with("Omega", 1000);
        ChartSet whole = new ChartSet(m, ChartStyle.light());
        whole.play(m, times - 1, rec, times - 1, Set.of());
        org.jfree.data.Range all = chart(whole, "distribution").getXYPlot().getDomainAxis().getRange();
        assertTrue(all.getLowerBound() < 2 && all.getUpperBound() > 19, "the whole run: " + all);

        ChartSet follow = new ChartSet(m, ChartStyle.light());
        follow.play(m, times - 1, rec, times - 1, Set.of(DistributionPane.FOLLOW_CLOUD));
        org.jfree.data.Range cloud = chart(follow, "distribution").getXYPlot().getDomainAxis().getRange();
        assertEquals(19 - 0.5, cloud.getLowerBound(), 1e-9, "mean − 5 s.d.");
        assertTrue(cloud.getUpperBound() <= 19.5 + 1e-9 && cloud.getUpperBound() >= 19.25, "mean + 5 s.d., or the run's edge past the density: " + cloud);
    }

    @Test void theProbabilityAxisCanBeLogarithmicForTheTails() {
        Recording rec = oneSpecies(List.of("cme", "fp"), 3);
        ChartSet set = new ChartSet(BIRTH_DEATH, ChartStyle.light());
        set.play(BIRTH_DEATH, 2, rec, 2, Set.of(DistributionPane.LOG_SCALE));
        XYPlot plot = chart(set, "distribution").getXYPlot();
        assertTrue(plot.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis, "log axis on");
        assertEquals(1.2e-8, plot.getRangeAxis().getLowerBound(), 1e-20, "eight decades below the peak density 1.2");
        draws(chart(set, "distribution"));
        set.show(BIRTH_DEATH, 2, rec, 2, Set.of());
        assertTrue(plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis, "and back to linear");
        assertEquals(0, plot.getRangeAxis().getLowerBound(), 0.0);
    }

    @Test void theShadedSolverIsTheOneChosenIfItRanElseTheBest() {
        Recording rec = oneSpecies(List.of("cme", "fp"), 4);
        ChartSet set = new ChartSet(BIRTH_DEATH, ChartStyle.light());
        JFreeChart c = chart(set, "timecourse");
        set.show(BIRTH_DEATH, 3, rec, 3, Set.of(TimeCoursePane.SHADING), Map.of(ShadedSolver.class, new ShadedSolver("fp")));
        assertTrue(c.getTitle().getText().endsWith("shading: FP P(x, t), each time to its own peak"), c.getTitle().getText());
        set.show(BIRTH_DEATH, 3, rec, 3, Set.of(TimeCoursePane.SHADING), Map.of(ShadedSolver.class, new ShadedSolver("ssa")));
        assertTrue(c.getTitle().getText().endsWith("shading: CME P(x, t), each time to its own peak"), "no SSA in this run: " + c.getTitle().getText());
    }

    @Test void theTimeCourseCanShadeTheCloudInSpaceAndTimeOrTheFpError() {
        Recording rec = oneSpecies(List.of("cme", "fp"), 4);   // fp's cloud sits one unit above the master equation's
        ChartSet set = new ChartSet(BIRTH_DEATH, ChartStyle.light());
        set.play(BIRTH_DEATH, 3, rec, 3, Set.of(TimeCoursePane.SHADING));
        JFreeChart c = chart(set, "timecourse");
        assertTrue(c.getTitle().getText().endsWith("shading: CME P(x, t), each time to its own peak"), c.getTitle().getText());
        draws(c);

        set.show(BIRTH_DEATH, 3, rec, 3, Set.of(TimeCoursePane.DIFFERENCE));
        assertTrue(c.getTitle().getText().contains("shading: FP − CME (red > 0; largest |Δp| 1.20)"), c.getTitle().getText());
        SpaceTimeShading.Picture pic = SpaceTimeShading.difference(rec, "fp", "cme", "FP − CME", 0, 3, java.awt.Color.WHITE);
        assertEquals(4, pic.image().getWidth(), "a column per output time up to the one on show");
        int rows = SpaceTimeShading.ROWS;
        double lo = pic.x0(), dy = (pic.x1() - pic.x0()) / rows;
        int fpPeak = (int) ((6.0 - lo) / dy), cmePeak = (int) ((5.0 - lo) / dy);   // fp's densest cell is at its mean 6, the master equation's at 5
        java.awt.Color atFp = new java.awt.Color(pic.image().getRGB(0, rows - 1 - fpPeak)), atCme = new java.awt.Color(pic.image().getRGB(0, rows - 1 - cmePeak));
        assertTrue(atFp.getRed() > atFp.getBlue(), "red where FP is higher: " + atFp);
        assertTrue(atCme.getBlue() > atCme.getRed(), "blue where FP is lower: " + atCme);

        set.show(BIRTH_DEATH, 3, rec, 3, Set.of());
        assertEquals("Time course (t = 3.00)", c.getTitle().getText(), "no option, no shading");
    }
}
